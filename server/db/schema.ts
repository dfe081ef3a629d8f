import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The tables as Kysely sees them. Conventions that hold on both databases: instants are ISO 8601 UTC
 * text, dates YYYY-MM-DD text, flags integers 0/1, JSON as text.
 */
export interface Database {
  liaison_areas: LiaisonAreasTable;
  orgs: OrgsTable;
  dictionaries: DictionariesTable;
  dictionary_items: DictionaryItemsTable;
  users: UsersTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export interface LiaisonAreasTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
}

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** city | county | town | unit */
  kind: string;
  code: string | null;
  /** materialised path of ids, '/1/5/23/': scope is a prefix match */
  path: string;
  depth: number;
  liaison_area_id: number | null;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface DictionariesTable {
  code: string;
  name_zh: string;
  name_en: string;
  standard: string | null;
  editable: number;
}

export interface DictionaryItemsTable {
  dictionary_code: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort_order: number;
  active: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  name: string;
  phone: string | null;
  org_id: number;
  /** active | disabled */
  status: string;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface RolePermissionsTable {
  role_id: number;
  permission: string;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role_id: number;
  org_id: number;
  created_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  /** SM3 of the cookie token; the token itself is never stored */
  token_hash: string;
  user_id: number;
  assignment_id: number | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface LoginFailuresTable {
  /** 'acct:<username>|<ip>' or 'src:<ip>' */
  key: string;
  count: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  source_ip: string | null;
  request_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  summary: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  hash: string;
}

export type OrgRow = Selectable<OrgsTable>;
export type NewOrg = Insertable<OrgsTable>;
export type OrgUpdate = Updateable<OrgsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;

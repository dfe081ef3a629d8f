import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { personPinyinText } from '../../platform/lists/pinyin.ts';
import { sortBy } from '../../platform/lists/sort.ts';
import type { UserStatus } from './identity.schema.ts';

type Conn = Kysely<Database>;

// ---- users ----

const userColumns = [
  'users.id',
  'users.username',
  'users.name',
  'users.phone',
  'users.org_id',
  'orgs.name as org_name',
  'users.status',
  'users.must_change_password',
  'users.last_login_at',
  'users.created_at',
  'users.updated_at',
] as const;

/** A user with the name of their org; never the password hash. */
export async function findUser(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(userColumns)
    .where('users.id', '=', id)
    .where((eb) => inScope(eb, 'users.org_id', scope))
    .executeTakeFirst();
}

/** The user's credentials for sign-in. */
export async function findCredentials(db: Conn, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'status', 'password_hash', 'must_change_password'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findPasswordHash(db: Conn, userId: number) {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}

export interface UserFilter {
  keyword?: string | undefined;
  orgId?: number | undefined;
  orgPath?: string | undefined;
  status?: UserStatus | undefined;
}

/** One page of users inside the scope, newest first. */
export async function listUsers(db: Conn, scope: Scope | null, filter: UserFilter, page: PageRequest) {
  let q = db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .where((eb) => inScope(eb, 'users.org_id', scope));
  if (filter.orgPath)
    q = q.where((eb) => inScope(eb, 'users.org_id', { orgId: 0, path: filter.orgPath as string }));
  if (filter.status) q = q.where('users.status', '=', filter.status);
  if (filter.keyword) {
    q = q.where(
      keywordMatch(db, filter.keyword, {
        contains: ['users.username', 'users.name'],
        pinyin: ['users.name_pinyin'],
      }),
    );
  }
  return pageOf(db, sortBy(q.select(userColumns), '-id', { id: 'users.id' }, 'users.id'), page);
}

export async function insertUser(
  db: Conn,
  values: {
    username: string;
    name: string;
    phone: string | null;
    orgId: number;
    passwordHash: string;
    now: string;
  },
) {
  const row = await db
    .insertInto('users')
    .values({
      username: values.username,
      name: values.name,
      name_pinyin: personPinyinText(values.name),
      phone: values.phone,
      org_id: values.orgId,
      status: 'active',
      password_hash: values.passwordHash,
      must_change_password: 1,
      password_changed_at: null,
      last_login_at: null,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Conn,
  id: number,
  values: Partial<{
    name: string;
    phone: string | null;
    org_id: number;
    status: UserStatus;
    password_hash: string;
    must_change_password: number;
    password_changed_at: string;
    last_login_at: string;
  }>,
) {
  await db
    .updateTable('users')
    .set({
      ...values,
      ...(values.name !== undefined && { name_pinyin: personPinyinText(values.name) }),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** Whether any user's home org lies in the given subtree. */
export async function countUsersInOrg(db: Conn, orgId: number) {
  const r = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- role assignments ----

/** A user's role assignments with role and org names. */
export async function listAssignments(db: Conn, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_assignments as a')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.user_id',
      'a.role_id',
      'r.code as role_code',
      'r.name as role_name',
      'a.org_id',
      'o.name as org_name',
      'o.path as org_path',
      'o.kind as org_kind',
    ])
    .where('a.user_id', 'in', userIds)
    .orderBy('a.id')
    .execute();
}

/**
 * Replaces a user's role assignments inside a scope; grants at orgs outside it (made by someone with a
 * wider scope) stay untouched.
 */
export async function replaceAssignments(
  db: Conn,
  userId: number,
  assignments: { roleId: number; orgId: number }[],
  now: string,
  scope: Scope,
) {
  await db
    .deleteFrom('role_assignments')
    .where('user_id', '=', userId)
    .where((eb) => inScope(eb, 'org_id', scope))
    .execute();
  if (assignments.length > 0) {
    await db
      .insertInto('role_assignments')
      .values(
        assignments.map((a) => ({ user_id: userId, role_id: a.roleId, org_id: a.orgId, created_at: now })),
      )
      .execute();
  }
}

// ---- sessions ----

export async function insertSession(
  db: Conn,
  s: {
    tokenHash: string;
    userId: number;
    assignmentId: number | null;
    now: string;
    expiresAt: string;
    ip: string;
    userAgent: string;
  },
) {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      assignment_id: s.assignmentId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
      revoked_at: null,
      revoked_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Everything the guard needs of a request's caller in one statement: the session behind a token hash,
 * its user, and each of the user's role assignments (in order, with its org) once per permission its
 * role grants. No rows: no such session. A caller with no assignment gives one row with null assignment.
 */
export async function findCallerByTokenHash(db: Conn, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('role_assignments as a', 'a.user_id', 's.user_id')
    .leftJoin('orgs as o', 'o.id', 'a.org_id')
    .leftJoin('role_permissions as p', 'p.role_id', 'a.role_id')
    .select([
      's.id',
      's.user_id',
      's.assignment_id',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.username',
      'u.name',
      'u.status',
      'u.must_change_password',
      'a.id as grant_id',
      'a.role_id',
      'a.org_id',
      'o.path as org_path',
      'o.kind as org_kind',
      'p.permission',
    ])
    .where('s.token_hash', '=', tokenHash)
    .orderBy('a.id')
    .execute();
}

export async function touchSession(db: Conn, id: number, now: string) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function setSessionAssignment(db: Conn, id: number, assignmentId: number | null) {
  await db.updateTable('sessions').set({ assignment_id: assignmentId }).where('id', '=', id).execute();
}

/** Ends sessions: one, or all of a user's (optionally sparing one). Returns how many ended. */
export async function revokeSessions(
  db: Conn,
  where: { sessionId?: number; userId?: number; exceptSessionId?: number },
  reason: string,
  now: string,
) {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('revoked_at', 'is', null);
  if (where.sessionId !== undefined) q = q.where('id', '=', where.sessionId);
  if (where.userId !== undefined) q = q.where('user_id', '=', where.userId);
  if (where.exceptSessionId !== undefined) q = q.where('id', '!=', where.exceptSessionId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A user's sessions that are still live. */
export async function listLiveSessions(db: Conn, userId: number, now: string, idleSince: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function findSession(db: Conn, id: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- login throttling ----

export async function findFailures(db: Conn, keys: string[]) {
  return db.selectFrom('login_failures').selectAll().where('key', 'in', keys).execute();
}

export async function saveFailure(
  db: Conn,
  row: { key: string; count: number; window_started_at: string; locked_until: string | null },
) {
  await db
    .insertInto('login_failures')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: row.count,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

export async function clearFailures(db: Conn, key: string) {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

// ---- roles ----

export async function listRoles(db: Conn) {
  const roles = await db
    .selectFrom('roles')
    .select([
      'roles.id',
      'roles.code',
      'roles.name',
      'roles.description',
      'roles.builtin',
      (eb) =>
        eb
          .selectFrom('role_assignments')
          .select(sql<number>`count(distinct user_id)`.as('n'))
          .whereRef('role_assignments.role_id', '=', 'roles.id')
          .as('user_count'),
    ])
    .orderBy('roles.builtin', 'desc')
    .orderBy('roles.id')
    .execute();
  const perms = await db.selectFrom('role_permissions').select(['role_id', 'permission']).execute();
  return roles.map((r) => ({
    ...r,
    user_count: Number(r.user_count ?? 0),
    permissions: perms.filter((p) => p.role_id === r.id).map((p) => p.permission),
  }));
}

export async function findRole(db: Conn, id: number) {
  return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRoleByCode(db: Conn, code: string) {
  return db.selectFrom('roles').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertRole(
  db: Conn,
  r: { code: string; name: string; description: string; builtin: boolean; now: string },
) {
  const row = await db
    .insertInto('roles')
    .values({
      code: r.code,
      name: r.name,
      description: r.description,
      builtin: r.builtin ? 1 : 0,
      created_at: r.now,
      updated_at: r.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRole(db: Conn, id: number, values: { name?: string; description?: string }) {
  await db
    .updateTable('roles')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function setRolePermissions(db: Conn, roleId: number, permissions: readonly string[]) {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
  if (permissions.length > 0) {
    await db
      .insertInto('role_permissions')
      .values(permissions.map((permission) => ({ role_id: roleId, permission })))
      .execute();
  }
}

export async function deleteRole(db: Conn, id: number) {
  await db.deleteFrom('roles').where('id', '=', id).execute();
}

export async function countRoleAssignments(db: Conn, roleId: number) {
  const r = await db
    .selectFrom('role_assignments')
    .select(sql<number>`count(*)`.as('n'))
    .where('role_id', '=', roleId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The start of every sign-in key of an account: compared exactly, since usernames may hold LIKE wildcards. */
export function accountKeyPrefix(username: string) {
  return `acct:${username}|`;
}

/** The latest lock on any of a user's sign-in keys ('acct:<username>|<source>'), if one is in force. */
export async function findAccountLock(db: Conn, username: string, now: string) {
  const r = await db
    .selectFrom('login_failures')
    .select(sql<string | null>`max(locked_until)`.as('until'))
    .where(sql`substr(key, 1, ${accountKeyPrefix(username).length})`, '=', accountKeyPrefix(username))
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return r?.until ?? null;
}

/** Lifts every lock on a user's sign-in keys. */
export async function clearAccountFailures(db: Conn, username: string) {
  await db
    .deleteFrom('login_failures')
    .where(sql`substr(key, 1, ${accountKeyPrefix(username).length})`, '=', accountKeyPrefix(username))
    .execute();
}

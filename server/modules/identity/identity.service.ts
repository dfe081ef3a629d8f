import argon2 from 'argon2';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError } from '../../errors.ts';
import {
  BUILTIN_ROLES,
  isPermission,
  PERMISSIONS,
  type Permission,
} from '../../platform/access/permissions.ts';
import { type Scope, WHOLE_TREE } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { randomToken, sm3 } from '../../platform/crypto/hash.ts';
import type { Auth } from '../../platform/http/types.ts';
import { fieldProblem } from '../../platform/validation/problems.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import * as repo from './identity.repository.ts';
import type {
  Assignment,
  CreateRoleBody,
  CreateUserBody,
  ListUsersQuery,
  Me,
  Role,
  Session,
  SetAssignmentsBody,
  UpdateRoleBody,
  UpdateUserBody,
  User,
} from './identity.schema.ts';
import { checkPassword } from './password-policy.ts';

/** Where a sign-in comes from. */
export interface Client {
  ip: string;
  userAgent: string;
}

type Settings = Pick<
  Config,
  | 'SESSION_IDLE_MINUTES'
  | 'SESSION_ABSOLUTE_HOURS'
  | 'LOGIN_MAX_FAILURES'
  | 'LOGIN_LOCK_MINUTES'
  | 'LOGIN_SOURCE_MAX_FAILURES'
  | 'PASSWORD_MIN_LENGTH'
  | 'PASSWORD_MIN_CLASSES'
>;

const MINUTE = 60_000;
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;
/** argon2id at OWASP's recommended cost (19 MiB, 2 passes). */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const iso = (ms: number) => new Date(ms).toISOString();
const tokenHash = (token: string) => sm3(`session:${token}`);
const csrfFor = (token: string) => sm3(`csrf:${token}`);

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

let dummyHash: Promise<string> | null = null;
/** Verifies against a throwaway hash, so an unknown username costs as much time as a known one. */
async function burnVerify(password: string) {
  dummyHash ??= hashPassword('unknown-user-placeholder');
  await argon2.verify(await dummyHash, password);
}

function policyProblems(settings: Settings, password: string, username: string, field: string) {
  return checkPassword(
    password,
    username,
    { minLength: settings.PASSWORD_MIN_LENGTH, minClasses: settings.PASSWORD_MIN_CLASSES },
    field,
  );
}

function assertPolicy(settings: Settings, password: string, username: string, field: string) {
  const problems = policyProblems(settings, password, username, field);
  if (problems.length > 0) throw new AppError('auth.password_policy', problems);
}

// ---- sign-in throttling ----

/**
 * Failed sign-ins are counted per (account, source address) and per source address. Five failures of
 * one account from one source lock that account for that source; twenty failures from one source,
 * whatever the accounts, throttle the source. So a guesser locks out only themselves: the real user,
 * signing in from their own address, is not locked out at no cost to the attacker.
 */
async function checkThrottle(db: Db, username: string, ip: string, now: number) {
  const rows = await repo.findFailures(db, [`src:${ip}`, `${repo.accountKeyPrefix(username)}${ip}`]);
  for (const row of rows) {
    if (row.locked_until && row.locked_until > iso(now)) {
      throw new AppError(row.key.startsWith('src:') ? 'auth.throttled' : 'auth.locked');
    }
  }
}

async function countFailure(db: Db, settings: Settings, username: string, ip: string, now: number) {
  const window = settings.LOGIN_LOCK_MINUTES * MINUTE;
  const keys = [
    { key: `${repo.accountKeyPrefix(username)}${ip}`, max: settings.LOGIN_MAX_FAILURES },
    { key: `src:${ip}`, max: settings.LOGIN_SOURCE_MAX_FAILURES },
  ];
  const existing = await repo.findFailures(
    db,
    keys.map((k) => k.key),
  );
  for (const { key, max } of keys) {
    const row = existing.find((r) => r.key === key);
    const fresh = !row || Date.parse(row.window_started_at) + window < now;
    const count = fresh ? 1 : row.count + 1;
    await repo.saveFailure(db, {
      key,
      count,
      window_started_at: fresh ? iso(now) : row.window_started_at,
      locked_until: count >= max ? iso(now + window) : null,
    });
  }
}

// ---- sessions ----

async function openSession(
  db: Db,
  settings: Settings,
  userId: number,
  assignmentId: number | null,
  client: Client,
) {
  const token = randomToken();
  const now = Date.now();
  const sessionId = await repo.insertSession(db, {
    tokenHash: tokenHash(token),
    userId,
    assignmentId,
    now: iso(now),
    expiresAt: iso(now + settings.SESSION_ABSOLUTE_HOURS * 60 * MINUTE),
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 300),
  });
  return { token, sessionId };
}

function toAssignment(a: Awaited<ReturnType<typeof repo.listAssignments>>[number]): Assignment {
  return {
    id: a.id,
    roleId: a.role_id,
    roleCode: a.role_code,
    roleName: a.role_name,
    orgId: a.org_id,
    orgName: a.org_name,
  };
}

/**
 * The caller behind a session token, or null when the token is unknown, revoked, idle too long, past
 * its absolute lifetime, or its user is disabled. Refreshes the idle clock. One statement per request
 * (and a write at most once a minute): nothing is cached, so a sign-out, a disabled account, a changed
 * password or a changed role holds from the very next request, on every instance.
 */
export async function authenticate(db: Db, settings: Settings, token: string): Promise<Auth | null> {
  const rows = await repo.findCallerByTokenHash(db, tokenHash(token));
  const session = rows[0];
  if (!session || session.revoked_at || session.status !== 'active') return null;
  const now = Date.now();
  if (Date.parse(session.expires_at) <= now) return null;
  const lastSeen = Date.parse(session.last_seen_at);
  if (lastSeen + settings.SESSION_IDLE_MINUTES * MINUTE <= now) return null;
  if (now - lastSeen >= TOUCH_INTERVAL_MS) await repo.touchSession(db, session.id, iso(now));

  // The active assignment picks the org (the scope); every role the user holds at that same org counts,
  // so an administrator holding two roles at the city need not switch between them.
  const granted = rows.filter((r) => r.grant_id !== null);
  const active = granted.find((r) => r.grant_id === session.assignment_id) ?? granted[0] ?? null;
  const permissions = active
    ? granted
        .filter((r) => r.org_id === active.org_id)
        .flatMap((r) => (r.permission !== null && isPermission(r.permission) ? [r.permission] : []))
    : [];
  return {
    userId: session.user_id,
    username: session.username,
    name: session.name,
    sessionId: session.id,
    assignmentId: active?.grant_id ?? null,
    permissions: new Set<Permission>(permissions),
    scope:
      active?.org_id != null && active.org_path !== null && active.org_kind !== null
        ? { orgId: active.org_id, path: active.org_path, kind: active.org_kind }
        : null,
    mustChangePassword: session.must_change_password === 1,
    csrfToken: csrfFor(token),
  };
}

/** The signed-in user as the console sees them. */
export async function me(db: Db, auth: Auth): Promise<Me> {
  const assignments = await repo.listAssignments(db, [auth.userId]);
  return {
    id: auth.userId,
    username: auth.username,
    name: auth.name,
    mustChangePassword: auth.mustChangePassword,
    csrfToken: auth.csrfToken,
    activeAssignmentId: auth.assignmentId,
    permissions: [...auth.permissions].sort(),
    assignments: assignments.map(toAssignment),
  };
}

/** Checks a username and password; on success opens a fresh session and returns its token. */
export async function login(
  db: Db,
  settings: Settings,
  username: string,
  password: string,
  client: Client,
  requestId: string,
): Promise<{ token: string; auth: Auth }> {
  const now = Date.now();
  const actor: Actor = { userId: null, name: username, ip: client.ip, requestId };
  try {
    await checkThrottle(db, username, client.ip, now);
  } catch (error) {
    // A refusal while locked or throttled is evidence of a continuing attack: keep it.
    await recordAudit(db, actor, {
      action: 'auth.login_refused',
      summary: `${username}: ${(error as AppError).code}`,
    });
    throw error;
  }
  const user = await repo.findCredentials(db, username);
  let ok = false;
  if (user) ok = await argon2.verify(user.password_hash, password);
  else await burnVerify(password);
  if (!user || !ok) {
    await db.transaction().execute(async (trx) => {
      await countFailure(trx, settings, username, client.ip, now);
      await recordAudit(trx, actor, {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user?.id,
        summary: username,
      });
    });
    throw new AppError('auth.invalid_credentials');
  }
  if (user.status !== 'active') {
    await recordAudit(
      db,
      { ...actor, userId: user.id, name: user.name },
      {
        action: 'auth.login_refused',
        entity: 'user',
        entityId: user.id,
        summary: 'disabled',
      },
    );
    throw new AppError('auth.disabled');
  }
  const token = await db.transaction().execute(async (trx) => {
    await repo.clearFailures(trx, `${repo.accountKeyPrefix(username)}${client.ip}`);
    const [first] = await repo.listAssignments(trx, [user.id]);
    const { token } = await openSession(trx, settings, user.id, first?.id ?? null, client);
    await repo.updateUser(trx, user.id, { last_login_at: iso(now) });
    await recordAudit(
      trx,
      { ...actor, userId: user.id, name: user.name },
      {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        summary: username,
      },
    );
    return token;
  });
  const auth = await authenticate(db, settings, token);
  if (!auth) throw new AppError('internal');
  return { token, auth };
}

/** Ends the caller's session. */
export async function logout(db: Db, auth: Auth, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await repo.revokeSessions(trx, { sessionId: auth.sessionId }, 'logout', new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'auth.logout',
      entity: 'user',
      entityId: auth.userId,
      summary: auth.username,
    });
  });
}

/**
 * Changes the caller's own password. Every session of theirs ends, and a new one is opened for this
 * client, so a stolen session does not survive the change.
 */
export async function changePassword(
  db: Db,
  settings: Settings,
  auth: Auth,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  client: Client,
): Promise<{ token: string; auth: Auth }> {
  const hash = await repo.findPasswordHash(db, auth.userId);
  if (!hash || !(await argon2.verify(hash, currentPassword))) throw new AppError('auth.wrong_password');
  assertPolicy(settings, newPassword, auth.username, 'newPassword');
  if (newPassword === currentPassword) {
    throw new AppError('auth.password_policy', [
      fieldProblem(
        'newPassword',
        'reuse',
        '新密码不能与当前密码相同',
        'It must differ from the current password',
      ),
    ]);
  }
  const newHash = await hashPassword(newPassword);
  const token = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await repo.updateUser(trx, auth.userId, {
      password_hash: newHash,
      must_change_password: 0,
      password_changed_at: now,
    });
    await repo.revokeSessions(trx, { userId: auth.userId }, 'password_changed', now);
    const { token } = await openSession(trx, settings, auth.userId, auth.assignmentId, client);
    await recordAudit(trx, actor, {
      action: 'auth.password_change',
      entity: 'user',
      entityId: auth.userId,
      summary: auth.username,
    });
    return token;
  });
  const renewed = await authenticate(db, settings, token);
  if (!renewed) throw new AppError('internal');
  return { token, auth: renewed };
}

/** Makes another of the caller's role assignments the active one (the scope switcher). */
export async function switchScope(db: Db, auth: Auth, actor: Actor, assignmentId: number) {
  const assignments = await repo.listAssignments(db, [auth.userId]);
  if (!assignments.some((a) => a.id === assignmentId)) throw new AppError('auth.assignment_not_found');
  await db.transaction().execute(async (trx) => {
    await repo.setSessionAssignment(trx, auth.sessionId, assignmentId);
    await recordAudit(trx, actor, {
      action: 'auth.switch_scope',
      entity: 'user',
      entityId: auth.userId,
      after: { assignmentId },
    });
  });
}

/** A user's live sessions. */
export async function listSessions(
  db: Db,
  settings: Settings,
  userId: number,
  currentSessionId: number | null,
): Promise<Session[]> {
  const now = Date.now();
  const rows = await repo.listLiveSessions(
    db,
    userId,
    iso(now),
    iso(now - settings.SESSION_IDLE_MINUTES * MINUTE),
  );
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    expiresAt: s.expires_at,
    ip: s.ip,
    userAgent: s.user_agent,
    current: s.id === currentSessionId,
  }));
}

/** Ends one of the caller's own sessions. */
export async function endOwnSession(db: Db, auth: Auth, actor: Actor, sessionId: number) {
  const session = await repo.findSession(db, sessionId);
  if (!session || session.user_id !== auth.userId) throw new AppError('session.not_found');
  await db.transaction().execute(async (trx) => {
    await repo.revokeSessions(trx, { sessionId }, 'ended_by_user', new Date().toISOString());
    await recordAudit(trx, actor, { action: 'session.end', entity: 'session', entityId: sessionId });
  });
}

// ---- users ----

/** Shows only the last four digits of a phone number unless it is the caller's own. */
function maskPhone(phone: string | null): string | null {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null;
}

async function toUsers(
  db: Db,
  rows: NonNullable<Awaited<ReturnType<typeof repo.findUser>>>[],
  viewerId: number,
): Promise<User[]> {
  const assignments = await repo.listAssignments(
    db,
    rows.map((r) => r.id),
  );
  const now = new Date().toISOString();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      username: r.username,
      name: r.name,
      phone: r.id === viewerId ? r.phone : maskPhone(r.phone),
      orgId: r.org_id,
      orgName: r.org_name,
      status: r.status,
      mustChangePassword: r.must_change_password === 1,
      lockedUntil: await repo.findAccountLock(db, r.username, now),
      lastLoginAt: r.last_login_at,
      createdAt: r.created_at,
      assignments: assignments.filter((a) => a.user_id === r.id).map(toAssignment),
    })),
  );
}

/** An org in scope that is still in use: accounts and grants never go to a deactivated one. */
async function activeOrg(db: Db, id: number, scope: Scope | null) {
  const org = await getOrg(db, id, scope);
  if (org.active !== 1) throw new AppError('org.inactive');
  return org;
}

/** Matches no org at all. */
const NO_SCOPE: Scope = { orgId: 0, path: '/none/' };

async function loadUser(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findUser(db, id, scope);
  if (!row) throw new AppError('user.not_found');
  return row;
}

/** One user inside the caller's scope. */
export async function getUser(db: Db, auth: Auth, id: number): Promise<User> {
  const [user] = await toUsers(db, [await loadUser(db, id, auth.scope)], auth.userId);
  return user as User;
}

/** A page of users inside the caller's scope. */
export async function listUsers(db: Db, auth: Auth, query: ListUsersQuery) {
  const orgPath = query.orgId ? (await getOrg(db, query.orgId, auth.scope)).path : undefined;
  const { items, total } = await repo.listUsers(
    db,
    auth.scope,
    { keyword: query.keyword?.trim(), orgPath, status: query.status },
    query,
  );
  return { items: await toUsers(db, items, auth.userId), total };
}

/** Creates a staff account in an org of the caller's scope; the password is temporary. */
export async function createUser(
  db: Db,
  settings: Settings,
  auth: Auth,
  actor: Actor,
  body: CreateUserBody,
): Promise<User> {
  assertPolicy(settings, body.password, body.username, 'password');
  await activeOrg(db, body.orgId, auth.scope);
  const passwordHash = await hashPassword(body.password);
  const id = await db.transaction().execute(async (trx) => {
    try {
      const id = await repo.insertUser(trx, {
        username: body.username,
        name: body.name.trim(),
        phone: body.phone ?? null,
        orgId: body.orgId,
        passwordHash,
        now: new Date().toISOString(),
      });
      const after = { username: body.username, name: body.name, orgId: body.orgId };
      await recordAudit(trx, actor, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        summary: body.username,
        after,
      });
      return id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('user.username_taken');
      throw error;
    }
  });
  return getUser(db, auth, id);
}

/** Edits a user; disabling one ends all their sessions. */
export async function updateUser(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateUserBody,
): Promise<User> {
  const before = await loadUser(db, id, auth.scope);
  if (body.orgId !== undefined && body.orgId !== before.org_id) await activeOrg(db, body.orgId, auth.scope);
  if (body.status === 'disabled' && id === auth.userId) throw new AppError('user.self_disable');
  await db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.phone !== undefined && { phone: body.phone }),
      ...(body.orgId !== undefined && { org_id: body.orgId }),
      ...(body.status !== undefined && { status: body.status }),
    });
    if (body.status === 'disabled' && before.status !== 'disabled') {
      await repo.revokeSessions(trx, { userId: id }, 'account_disabled', new Date().toISOString());
    }
    const pick = (u: { name: string; org_id: number; status: string; phone: string | null }) => ({
      name: u.name,
      orgId: u.org_id,
      status: u.status,
      phone: maskPhone(u.phone),
    });
    const after = await repo.findUser(trx, id, WHOLE_TREE);
    await recordAudit(trx, actor, {
      action:
        body.status && body.status !== before.status
          ? `user.${body.status === 'disabled' ? 'disable' : 'enable'}`
          : 'user.update',
      entity: 'user',
      entityId: id,
      summary: before.username,
      before: pick(before),
      after: after && pick(after),
    });
  });
  return getUser(db, auth, id);
}

/** Sets a temporary password, ends the user's sessions and forces a change at next sign-in. */
export async function resetPassword(
  db: Db,
  settings: Settings,
  auth: Auth,
  actor: Actor,
  id: number,
  password: string,
) {
  const user = await loadUser(db, id, auth.scope);
  assertPolicy(settings, password, user.username, 'password');
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await repo.updateUser(trx, id, {
      password_hash: hash,
      must_change_password: 1,
      password_changed_at: now,
    });
    await repo.revokeSessions(trx, { userId: id }, 'password_reset', now);
    await repo.clearAccountFailures(trx, user.username);
    await recordAudit(trx, actor, {
      action: 'user.reset_password',
      entity: 'user',
      entityId: id,
      summary: user.username,
    });
  });
}

/** Lifts the sign-in locks on a user. */
export async function unlockUser(db: Db, auth: Auth, actor: Actor, id: number) {
  const user = await loadUser(db, id, auth.scope);
  await db.transaction().execute(async (trx) => {
    await repo.clearAccountFailures(trx, user.username);
    await recordAudit(trx, actor, {
      action: 'user.unlock',
      entity: 'user',
      entityId: id,
      summary: user.username,
    });
  });
}

/** Replaces a user's role assignments; every org must lie in the caller's scope. */
export async function setAssignments(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: SetAssignmentsBody,
): Promise<User> {
  const user = await loadUser(db, id, auth.scope);
  // Nobody grants roles to themselves: that would let one administrator gather all three powers.
  if (id === auth.userId) throw new AppError('user.self_assign');
  for (const a of body.assignments) {
    if (!(await repo.findRole(db, a.roleId))) throw new AppError('role.not_found');
    await activeOrg(db, a.orgId, auth.scope);
  }
  const unique = [...new Map(body.assignments.map((a) => [`${a.roleId}:${a.orgId}`, a])).values()];
  await db.transaction().execute(async (trx) => {
    const before = (await repo.listAssignments(trx, [id])).map(toAssignment);
    await repo.replaceAssignments(trx, id, unique, new Date().toISOString(), auth.scope ?? NO_SCOPE);
    const after = (await repo.listAssignments(trx, [id])).map(toAssignment);
    await recordAudit(trx, actor, {
      action: 'user.assign_roles',
      entity: 'user',
      entityId: id,
      summary: user.username,
      before,
      after,
    });
  });
  return getUser(db, auth, id);
}

/** A user's live sessions, for an administrator. */
export async function listUserSessions(db: Db, settings: Settings, auth: Auth, id: number) {
  await loadUser(db, id, auth.scope);
  return listSessions(db, settings, id, auth.sessionId);
}

/** Ends every session of a user. */
export async function revokeUserSessions(db: Db, auth: Auth, actor: Actor, id: number) {
  const user = await loadUser(db, id, auth.scope);
  await db.transaction().execute(async (trx) => {
    const n = await repo.revokeSessions(trx, { userId: id }, 'revoked_by_admin', new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'session.revoke_all',
      entity: 'user',
      entityId: id,
      summary: `${user.username}: ${n}`,
    });
  });
}

/** How many staff accounts belong to an org (to refuse deactivating it). */
export const countUsersInOrg = repo.countUsersInOrg;

// ---- roles ----

const toRole = (r: Awaited<ReturnType<typeof repo.listRoles>>[number]): Role => ({
  id: r.id,
  code: r.code,
  name: r.name,
  description: r.description,
  builtin: r.builtin === 1,
  permissions: r.permissions.sort(),
  userCount: r.user_count,
});

export async function listRoles(db: Db): Promise<Role[]> {
  return (await repo.listRoles(db)).map(toRole);
}

async function roleById(db: Db, id: number): Promise<Role> {
  const role = (await listRoles(db)).find((r) => r.id === id);
  if (!role) throw new AppError('role.not_found');
  return role;
}

function assertPermissions(perms: string[]) {
  const problems = perms.flatMap((p, i) =>
    isPermission(p)
      ? []
      : [fieldProblem(`permissions.${i}`, 'known', `未知的权限：${p}`, `Unknown permission: ${p}`)],
  );
  if (problems.length > 0) throw new AppError('role.unknown_permission', problems);
}

export async function createRole(db: Db, actor: Actor, body: CreateRoleBody): Promise<Role> {
  assertPermissions(body.permissions);
  const id = await db.transaction().execute(async (trx) => {
    if (await repo.findRoleByCode(trx, body.code)) throw new AppError('role.code_taken');
    const id = await repo.insertRole(trx, {
      code: body.code,
      name: body.name.trim(),
      description: body.description ?? '',
      builtin: false,
      now: new Date().toISOString(),
    });
    await repo.setRolePermissions(trx, id, [...new Set(body.permissions)]);
    await recordAudit(trx, actor, {
      action: 'role.create',
      entity: 'role',
      entityId: id,
      summary: body.code,
      after: body,
    });
    return id;
  });
  return roleById(db, id);
}

export async function updateRole(db: Db, actor: Actor, id: number, body: UpdateRoleBody): Promise<Role> {
  const before = await roleById(db, id);
  if (before.builtin) throw new AppError('role.builtin');
  if (body.permissions) assertPermissions(body.permissions);
  await db.transaction().execute(async (trx) => {
    await repo.updateRole(trx, id, {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.description !== undefined && { description: body.description }),
    });
    if (body.permissions) await repo.setRolePermissions(trx, id, [...new Set(body.permissions)]);
    const after = (await repo.listRoles(trx)).find((r) => r.id === id);
    await recordAudit(trx, actor, {
      action: 'role.update',
      entity: 'role',
      entityId: id,
      summary: before.code,
      before,
      after: after && toRole(after),
    });
  });
  return roleById(db, id);
}

export async function deleteRole(db: Db, actor: Actor, id: number) {
  const role = await roleById(db, id);
  if (role.builtin) throw new AppError('role.builtin');
  await db.transaction().execute(async (trx) => {
    if ((await repo.countRoleAssignments(trx, id)) > 0) throw new AppError('role.in_use');
    await repo.deleteRole(trx, id);
    await recordAudit(trx, actor, {
      action: 'role.delete',
      entity: 'role',
      entityId: id,
      summary: role.code,
      before: role,
    });
  });
}

/** The permission catalogue. */
export function listPermissions() {
  return PERMISSIONS.map((code) => ({ code, module: code.split(':')[0] as string }));
}

/**
 * Brings the built-in roles in line with the code: creates missing ones and resets their permission
 * sets. Idempotent, so every instance may run it at start.
 */
export async function syncBuiltinRoles(db: Db) {
  await db.transaction().execute(async (trx) => {
    for (const role of BUILTIN_ROLES) {
      const existing = await repo.findRoleByCode(trx, role.code);
      let id = existing?.id;
      if (!id) {
        try {
          id = await repo.insertRole(trx, { ...role, builtin: true, now: new Date().toISOString() });
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          id = (await repo.findRoleByCode(trx, role.code))?.id;
        }
      } else {
        await repo.updateRole(trx, id, { name: role.name, description: role.description });
      }
      if (id) await repo.setRolePermissions(trx, id, role.permissions);
    }
  });
}

/**
 * Creates an account holding the given roles at an org (for `npm run admin:create` and demo data); the password
 * must meet the policy, and is not forced to change since the operator chose it.
 */
export async function provisionAccount(
  db: Db,
  settings: Settings,
  account: { username: string; name: string; password: string; orgId: number; roles: string[] },
) {
  const { username, name, password, orgId } = account;
  assertPolicy(settings, password, username, 'password');
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    if (await repo.findCredentials(trx, username)) throw new AppError('user.username_taken');
    const now = new Date().toISOString();
    const id = await repo.insertUser(trx, { username, name, phone: null, orgId, passwordHash: hash, now });
    await repo.updateUser(trx, id, { must_change_password: 0, password_changed_at: now });
    const roles = await Promise.all(account.roles.map((code) => repo.findRoleByCode(trx, code)));
    if (roles.some((r) => r === undefined)) throw new AppError('role.not_found');
    await repo.replaceAssignments(
      trx,
      id,
      roles.filter((r) => r !== undefined).map((r) => ({ roleId: r.id, orgId })),
      now,
      WHOLE_TREE,
    );
    await recordAudit(
      trx,
      { userId: null, name: 'cli', ip: null, requestId: null },
      {
        action: 'user.provision',
        entity: 'user',
        entityId: id,
        summary: username,
      },
    );
    return id;
  });
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '../modules/identity/identity.service.ts';
import {
  assignRoles,
  type Client,
  makeCounty,
  makeUser,
  rootOrg,
  signedInUser,
  signIn,
} from './factories.ts';
import { queryLog } from './query-log.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

const me = (client: Client) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: client.read });

/** Freezes the clock (only Date) at now and returns a function that moves it to now + ms. */
function freezeClock() {
  const start = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(start);
  return (ms: number) => vi.setSystemTime(start + ms);
}

describe('idle timeout', () => {
  it('ends a session left idle for 31 minutes after its last request', async () => {
    const at = freezeClock();
    const { client } = await signedInUser(ctx);
    at(10 * MINUTE);
    expect((await me(client)).statusCode).toBe(200);
    at(41 * MINUTE);
    const late = await me(client);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('auth.required');
  });

  it('answers 401 at 31 minutes after sign-in with no request in between', async () => {
    const at = freezeClock();
    const { client } = await signedInUser(ctx);
    at(31 * MINUTE);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('keeps a session alive with a request every 20 minutes', async () => {
    const at = freezeClock();
    const { client } = await signedInUser(ctx);
    for (let minutes = 20; minutes <= 200; minutes += 20) {
      at(minutes * MINUTE);
      expect((await me(client)).statusCode, `at ${minutes} minutes`).toBe(200);
    }
  });

  it('leaves an idle session out of the list of live sessions', async () => {
    const at = freezeClock();
    const user = await makeUser(ctx);
    const idle = await signIn(ctx, user.username, user.password, '10.0.0.1');
    at(25 * MINUTE);
    const active = await signIn(ctx, user.username, user.password, '10.0.0.2');
    at(35 * MINUTE);
    expect((await me(idle)).statusCode).toBe(401);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: active.read });
    expect(list.json().map((s: { ip: string }) => s.ip)).toEqual(['10.0.0.2']);
  });
});

describe('absolute lifetime', () => {
  it('ends even an active session at 12 hours', async () => {
    const at = freezeClock();
    const { client } = await signedInUser(ctx);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      at(minutes * MINUTE);
      expect((await me(client)).statusCode, `at ${minutes} minutes`).toBe(200);
    }
    at(12 * HOUR);
    expect((await me(client)).statusCode).toBe(401);
  });
});

describe('revocation', () => {
  it('ends the sessions of a disabled account and refuses its sign-in', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const user = await signedInUser(ctx, { roles: ['unit_staff'] });
    expect((await me(user.client)).statusCode).toBe(200);

    const disable = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.client.headers,
      payload: { status: 'disabled' },
    });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().status).toBe('disabled');
    expect((await me(user.client)).statusCode).toBe(401);

    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('auth.disabled');
    expect(again.cookies).toHaveLength(0);

    const enable = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.client.headers,
      payload: { status: 'active' },
    });
    expect(enable.statusCode).toBe(200);
    // Enabling does not bring the old session back, but the user may sign in again.
    expect((await me(user.client)).statusCode).toBe(401);
    expect((await me(await signIn(ctx, user.username))).statusCode).toBe(200);
  });

  it('lets the security administrator end every session of a user', async () => {
    const secadmin = await signedInUser(ctx, { roles: ['secadmin'] });
    const user = await makeUser(ctx);
    const first = await signIn(ctx, user.username, user.password, '10.1.0.1');
    const second = await signIn(ctx, user.username, user.password, '10.1.0.2');

    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${user.id}/sessions`,
      headers: secadmin.client.read,
    });
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json()
        .map((s: { ip: string }) => s.ip)
        .sort(),
    ).toEqual(['10.1.0.1', '10.1.0.2']);

    const revoke = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}/sessions`,
      headers: secadmin.client.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(secadmin.client)).statusCode).toBe(200);
  });

  it('takes sessions:revoke to end them: the system administrator may not', async () => {
    const sysadmin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const user = await signedInUser(ctx);
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/users/${user.id}/sessions`,
      headers: sysadmin.client.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
    expect((await me(user.client)).statusCode).toBe(200);
  });
});

describe('own sessions', () => {
  it('lists your live sessions, marking the current one, and ends another', async () => {
    const user = await makeUser(ctx);
    const laptop = await signIn(ctx, user.username, user.password, '10.2.0.1');
    const phone = await signIn(ctx, user.username, user.password, '10.2.0.2');

    const list = await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: laptop.read });
    expect(list.statusCode).toBe(200);
    const sessions = list.json<{ id: number; ip: string; current: boolean }[]>();
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.ip).toBe('10.2.0.1');
    const other = sessions.find((s) => !s.current);
    expect(other?.ip).toBe('10.2.0.2');

    const end = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other?.id}`,
      headers: laptop.headers,
    });
    expect(end.statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: laptop.read });
    expect(after.json().map((s: { ip: string }) => s.ip)).toEqual(['10.2.0.1']);
  });

  it("refuses to end someone else's session as if it did not exist", async () => {
    const mallory = await signedInUser(ctx);
    const victim = await signedInUser(ctx);
    const theirs = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: victim.client.read,
    });
    const id = theirs.json()[0].id as number;

    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${id}`,
      headers: mallory.client.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('session.not_found');
    expect((await me(victim.client)).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('ends your other sessions and renews the current one', async () => {
    const user = await makeUser(ctx);
    const here = await signIn(ctx, user.username, user.password, '10.3.0.1');
    const there = await signIn(ctx, user.username, user.password, '10.3.0.2');
    const newPassword = 'Nw5%rTq8zP';

    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: here.headers,
      payload: { currentPassword: user.password, newPassword },
      remoteAddress: '10.3.0.1',
    });
    expect(res.statusCode).toBe(200);
    expect((await me(there)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(401);

    const renewed = res.cookies[0];
    const cookie = `${renewed?.name}=${renewed?.value}`;
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
    ).toBe(200);
    const list = await ctx.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie } });
    expect(list.json()).toHaveLength(1);

    const old = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
      remoteAddress: '10.3.0.9',
    });
    expect(old.statusCode).toBe(401);
    expect((await me(await signIn(ctx, user.username, newPassword, '10.3.0.9'))).statusCode).toBe(200);
  });

  it('refuses a wrong current password and keeps the sessions', async () => {
    const user = await makeUser(ctx);
    const here = await signIn(ctx, user.username);
    const there = await signIn(ctx, user.username);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: here.headers,
      payload: { currentPassword: 'Not#theRight1', newPassword: 'Nw5%rTq8zP' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('auth.wrong_password');
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(there)).statusCode).toBe(200);
  });
});

describe('session token storage', () => {
  it('stores only a hash of the cookie token', async () => {
    const user = await makeUser(ctx);
    const client = await signIn(ctx, user.username);
    const token = client.cookie.slice(client.cookie.indexOf('=') + 1);
    expect(token.length).toBeGreaterThanOrEqual(32);

    const rows = await ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.token_hash).toBeTruthy();
    expect(row?.token_hash).not.toBe(token);
    expect(row?.token_hash).not.toContain(token);
    expect(Object.values(row ?? {}).some((v) => typeof v === 'string' && v.includes(token))).toBe(false);
    const byToken = await ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('token_hash', '=', token)
      .execute();
    expect(byToken).toHaveLength(0);
  });
});

describe('scope switching', () => {
  it('changes permissions and visible orgs with the active assignment', async () => {
    const root = await rootOrg(ctx.db);
    const a = await makeCounty(ctx.db);
    const user = await makeUser(ctx);
    await assignRoles(ctx, user.id, [
      { role: 'unit_staff', org: a.county },
      { role: 'city_staff', org: root },
    ]);
    const client = await signIn(ctx, user.username);

    const first = await me(client);
    const [countyGrant, cityGrant] = first.json().assignments as { id: number; orgId: number }[];
    expect(first.json().activeAssignmentId).toBe(countyGrant?.id);
    expect(first.json().permissions).not.toContain('users:read');
    const countyOrgs = await ctx.app.inject({ method: 'GET', url: '/api/orgs', headers: client.read });
    expect(
      countyOrgs
        .json()
        .map((o: { id: number }) => o.id)
        .sort((x: number, y: number) => x - y),
    ).toEqual([a.county.id, a.town.id, a.unit.id].sort((x, y) => x - y));
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: client.read })).statusCode,
    ).toBe(403);

    const switched = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/scope',
      headers: client.headers,
      payload: { assignmentId: cityGrant?.id },
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().activeAssignmentId).toBe(cityGrant?.id);
    expect(switched.json().permissions).toContain('users:read');

    const cityOrgs = await ctx.app.inject({ method: 'GET', url: '/api/orgs', headers: client.read });
    const ids = cityOrgs.json().map((o: { id: number }) => o.id);
    expect(ids).toContain(root.id);
    expect(ids).toContain(a.county.id);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: client.read })).statusCode,
    ).toBe(200);
    // The switch belongs to this session: it lasts for later requests.
    expect((await me(client)).json().activeAssignmentId).toBe(cityGrant?.id);
  });

  it("refuses to switch to someone else's assignment", async () => {
    const user = await signedInUser(ctx, { roles: ['unit_staff'] });
    const other = await signedInUser(ctx, { roles: ['sysadmin'] });
    const theirs = (await me(other.client)).json().activeAssignmentId as number;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/scope',
      headers: user.client.headers,
      payload: { assignmentId: theirs },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('auth.assignment_not_found');
    expect((await me(user.client)).json().permissions).not.toContain('users:write');
  });
});

describe('the cost of knowing the caller', () => {
  it('is one statement per request, and a sign-out or a role change holds from the next request', async () => {
    const { county } = await makeCounty(ctx.db);
    const user = await makeUser(ctx, { org: county });
    await assignRoles(ctx, user.id, [
      { role: 'leader', org: county },
      { role: 'unit_staff', org: county },
      { role: 'city_staff', org: await rootOrg(ctx.db) },
    ]);
    const client = await signIn(ctx, user.username, user.password);
    const token = client.cookie.slice(client.cookie.indexOf('=') + 1);
    const { db, queries } = queryLog(ctx);

    queries.length = 0;
    const auth = await authenticate(db, ctx.config, token);
    expect(queries).toHaveLength(1);
    // Both roles at the active assignment's org count; the grant at the city does not.
    expect(auth?.scope?.orgId).toBe(county.id);
    expect(auth?.permissions.has('cadres:write')).toBe(true);
    expect(auth?.permissions.has('users:read')).toBe(true);
    expect(auth?.permissions.has('assessments:author')).toBe(false);

    await ctx.db.deleteFrom('role_assignments').where('user_id', '=', user.id).execute();
    const bare = await authenticate(db, ctx.config, token);
    expect(bare?.scope).toBeNull();
    expect(bare?.permissions.size).toBe(0);

    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers })).statusCode,
    ).toBe(204);
    expect(await authenticate(db, ctx.config, token)).toBeNull();
  });
});

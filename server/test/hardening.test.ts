import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, makeOrg, makeUser, signedInUser } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

describe('separation of powers', () => {
  it('refuses granting roles to oneself', async () => {
    const sec = await signedInUser(ctx, { roles: ['secadmin'] });
    const roles = (
      await ctx.app.inject({ method: 'GET', url: '/api/roles', headers: sec.client.read })
    ).json();
    const audit = roles.find((r: { code: string }) => r.code === 'auditadmin');
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/users/${sec.id}/assignments`,
      headers: sec.client.headers,
      payload: { assignments: [{ roleId: audit.id, orgId: sec.org.id }] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('user.self_assign');
  });

  it('lets only a city-wide audit administrator read the audit log', async () => {
    const county = await makeOrg(ctx.db);
    const local = await signedInUser(ctx, { roles: ['auditadmin'], org: county });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/audit', headers: local.client.read });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('audit.scope');
    const city = await signedInUser(ctx, { roles: ['auditadmin'] });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/audit', headers: city.client.read })).statusCode,
    ).toBe(200);
  });
});

describe('inactive orgs', () => {
  it('refuses an account in a deactivated org', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const org = await makeOrg(ctx.db);
    const off = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.id}/deactivate`,
      headers: admin.client.headers,
    });
    expect(off.statusCode).toBe(200);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.client.headers,
      payload: { username: 'ghost_user', name: '某某', orgId: org.id, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.inactive');
  });
});

describe('refusals while locked', () => {
  it('keeps an audit entry of every refused attempt', async () => {
    const locked = await createTestApp({ LOGIN_MAX_FAILURES: '2' });
    const user = await makeUser(locked);
    const attempt = (password: string) =>
      locked.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password },
      });
    await attempt('wrong-1');
    await attempt('wrong-2');
    expect((await attempt(GOOD_PASSWORD)).statusCode).toBe(423);
    const refused = await locked.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'auth.login_refused')
      .execute();
    expect(refused).toContainEqual({
      action: 'auth.login_refused',
      summary: `${user.username}: auth.locked`,
    });
  });
});

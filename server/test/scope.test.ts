import { describe, expect, it } from 'vitest';
import type { Permission } from '../platform/access/permissions.ts';
import {
  assignRoles,
  GOOD_PASSWORD,
  makeCounty,
  makeRole,
  makeUser,
  rootOrg,
  signedInUser,
  signIn,
} from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

/** Everything a county's own administrator might be given, short of the audit log. */
const COUNTY_ADMIN: Permission[] = [
  'orgs:read',
  'orgs:write',
  'users:read',
  'users:write',
  'users:assign',
  'roles:read',
  'sessions:read',
  'sessions:revoke',
];

/**
 * The city with two counties: A (with a town and a unit) and B, a user in each, and an administrator
 * of A holding a custom role with write rights at A.
 */
async function twoCounties() {
  const a = await makeCounty(ctx.db);
  const b = await makeCounty(ctx.db);
  const role = await makeRole(ctx, COUNTY_ADMIN);
  const admin = await signedInUser(ctx, { roles: [role.code], org: a.county });
  const userA = await makeUser(ctx, { org: a.unit, roles: ['unit_staff'] });
  const userB = await makeUser(ctx, { org: b.unit, roles: ['unit_staff'] });
  return { a, b, role, admin, client: admin.client, userA, userB };
}

const get = (url: string, headers: Record<string, string>) => ctx.app.inject({ method: 'GET', url, headers });

describe('what a county administrator sees', () => {
  it("lists only county A's subtree of orgs", async () => {
    const { a, client } = await twoCounties();
    const res = await get('/api/orgs', client.read);
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((o: { id: number }) => o.id);
    expect(ids.sort((x: number, y: number) => x - y)).toEqual(
      [a.county.id, a.town.id, a.unit.id].sort((x, y) => x - y),
    );
  });

  it("lists only county A's users", async () => {
    const { a, admin, userA, client } = await twoCounties();
    const res = await get('/api/users?pageSize=200', client.read);
    expect(res.statusCode).toBe(200);
    const users = res.json().items as { id: number; orgId: number }[];
    expect(users.map((u) => u.id).sort((x, y) => x - y)).toEqual([admin.id, userA.id].sort((x, y) => x - y));
    expect(res.json().total).toBe(2);
    for (const u of users) expect([a.county.id, a.town.id, a.unit.id]).toContain(u.orgId);
  });

  it('answers a B user as if it did not exist', async () => {
    const { userB, client } = await twoCounties();
    const foreign = await get(`/api/users/${userB.id}`, client.read);
    const missing = await get('/api/users/999999', client.read);
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe(missing.json().error.code);
    expect(foreign.json().error.message).toBe(missing.json().error.message);
  });

  it('answers a B org as if it did not exist', async () => {
    const { b, client } = await twoCounties();
    const foreign = await get(`/api/orgs/${b.county.id}`, client.read);
    const missing = await get('/api/orgs/999999', client.read);
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe(missing.json().error.code);
    expect(foreign.json().error.message).toBe(missing.json().error.message);
  });

  it('does not filter users by a B org', async () => {
    const { b, client } = await twoCounties();
    const res = await get(`/api/users?orgId=${b.county.id}`, client.read);
    expect(res.statusCode).toBe(404);
  });

  it('sees the parent city as missing too', async () => {
    const { client } = await twoCounties();
    const root = await rootOrg(ctx.db);
    expect((await get(`/api/orgs/${root.id}`, client.read)).statusCode).toBe(404);
  });
});

describe('what a county administrator cannot change', () => {
  it("cannot rename, move, deactivate or activate B's org", async () => {
    const { a, b, client } = await twoCounties();
    const attempts = [
      { method: 'PATCH', url: `/api/orgs/${b.town.id}`, payload: { name: '被改名' } },
      { method: 'POST', url: `/api/orgs/${b.unit.id}/move`, payload: { parentId: a.town.id } },
      { method: 'POST', url: `/api/orgs/${b.unit.id}/deactivate` },
      { method: 'POST', url: `/api/orgs/${b.unit.id}/activate` },
    ] as const;
    for (const attempt of attempts) {
      const res = await ctx.app.inject({ ...attempt, headers: client.headers });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(res.json().error.code).toBe('org.not_found');
    }
    const town = await ctx.db.selectFrom('orgs').selectAll().where('id', '=', b.town.id).executeTakeFirst();
    expect(town?.name).toBe(b.town.name);
    const unit = await ctx.db.selectFrom('orgs').selectAll().where('id', '=', b.unit.id).executeTakeFirst();
    expect(unit).toMatchObject({ path: b.unit.path, active: 1 });
  });

  it('cannot move an A org under B, nor add an org under B', async () => {
    const { a, b, client } = await twoCounties();
    const move = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${a.unit.id}/move`,
      headers: client.headers,
      payload: { parentId: b.town.id },
    });
    expect(move.statusCode).toBe(404);
    const create = await ctx.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: client.headers,
      payload: { parentId: b.town.id, name: '越界单位', kind: 'unit' },
    });
    expect(create.statusCode).toBe(404);
    const unit = await ctx.db
      .selectFrom('orgs')
      .select('path')
      .where('id', '=', a.unit.id)
      .executeTakeFirst();
    expect(unit?.path).toBe(a.unit.path);
    const strays = await ctx.db.selectFrom('orgs').select('id').where('name', '=', '越界单位').execute();
    expect(strays).toHaveLength(0);
  });

  it("cannot create a user in B's org", async () => {
    const { b, client } = await twoCounties();
    const username = `stray${Date.now() % 100000}`;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: client.headers,
      payload: { username, name: '越界', orgId: b.unit.id, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('org.not_found');
    const row = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('cannot move an A user into B', async () => {
    const { b, userA, client } = await twoCounties();
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${userA.id}`,
      headers: client.headers,
      payload: { orgId: b.unit.id },
    });
    expect(res.statusCode).toBe(404);
    expect((await get(`/api/users/${userA.id}`, client.read)).json().orgId).toBe(userA.org.id);
  });

  it('cannot edit, reset, unlock or end the sessions of a B user', async () => {
    const { userB, client } = await twoCounties();
    const victim = await signIn(ctx, userB.username);
    const attempts = [
      { method: 'PATCH', url: `/api/users/${userB.id}`, payload: { status: 'disabled' } },
      { method: 'POST', url: `/api/users/${userB.id}/reset-password`, payload: { password: 'Temp#2026x' } },
      { method: 'POST', url: `/api/users/${userB.id}/unlock` },
      { method: 'GET', url: `/api/users/${userB.id}/sessions` },
      { method: 'DELETE', url: `/api/users/${userB.id}/sessions` },
    ] as const;
    for (const attempt of attempts) {
      const res = await ctx.app.inject({ ...attempt, headers: client.headers });
      expect(res.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(res.json().error.code).toBe('user.not_found');
    }
    expect((await get('/api/auth/me', victim.read)).statusCode).toBe(200);
    await expect(signIn(ctx, userB.username, userB.password)).resolves.toHaveProperty('cookie');
  });
});

describe('role assignments across the scope boundary', () => {
  it("refuses a role at B's org and changes nothing", async () => {
    const { a, b, userA, client } = await twoCounties();
    const before = (await get(`/api/users/${userA.id}`, client.read)).json().assignments;
    expect(before).toHaveLength(1);
    const staff = (await get('/api/roles', client.read))
      .json()
      .find((r: { code: string }) => r.code === 'county_staff');

    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/users/${userA.id}/assignments`,
      headers: client.headers,
      payload: {
        assignments: [
          { roleId: staff.id, orgId: a.town.id },
          { roleId: staff.id, orgId: b.county.id },
        ],
      },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('org.not_found');
    const after = (await get(`/api/users/${userA.id}`, client.read)).json().assignments;
    expect(after).toEqual(before);
  });

  it('assigns a role inside the scope', async () => {
    const { a, userA, client } = await twoCounties();
    const staff = (await get('/api/roles', client.read))
      .json()
      .find((r: { code: string }) => r.code === 'county_staff');
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/api/users/${userA.id}/assignments`,
      headers: client.headers,
      payload: { assignments: [{ roleId: staff.id, orgId: a.town.id }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignments).toEqual([
      expect.objectContaining({ roleCode: 'county_staff', orgId: a.town.id }),
    ]);
  });

  it('leaves a grant made at the city in place when a county administrator edits the assignments', async () => {
    const { a, userA, client } = await twoCounties();
    const root = await rootOrg(ctx.db);
    await assignRoles(ctx, userA.id, [
      { role: 'unit_staff', org: a.unit },
      { role: 'city_staff', org: root },
    ]);
    const staff = (await get('/api/roles', client.read))
      .json()
      .find((r: { code: string }) => r.code === 'county_staff');

    await ctx.app.inject({
      method: 'PUT',
      url: `/api/users/${userA.id}/assignments`,
      headers: client.headers,
      payload: { assignments: [{ roleId: staff.id, orgId: a.town.id }] },
    });
    const held = await ctx.db
      .selectFrom('role_assignments')
      .select(['org_id'])
      .where('user_id', '=', userA.id)
      .execute();
    // The city-level grant lies outside the county administrator's scope: they may not take it away.
    expect(held.map((h) => h.org_id)).toContain(root.id);
  });
});

describe('a user without any assignment', () => {
  it('sees nothing scoped', async () => {
    const user = await signedInUser(ctx, { roles: [] });
    const me = (await get('/api/auth/me', user.client.read)).json();
    expect(me.permissions).toEqual([]);
    expect((await get('/api/orgs', user.client.read)).statusCode).toBe(403);
  });
});

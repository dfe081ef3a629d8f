import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../platform/access/permissions.ts';
import { makeRole, makeUser, signedInUser, signIn } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();

let n = 0;
const uniqueCode = (stem: string) => `${stem}_${++n}_${Date.now() % 100000}`;

interface Role {
  id: number;
  code: string;
  name: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
}

async function secadmin() {
  return (await signedInUser(ctx, { roles: ['secadmin'] })).client;
}

async function roles(headers: Record<string, string>): Promise<Role[]> {
  return (await ctx.app.inject({ method: 'GET', url: '/api/roles', headers })).json();
}

describe('built-in roles', () => {
  it('are listed as built-in with the three administrators kept apart', async () => {
    const client = await secadmin();
    const all = await roles(client.read);
    const byCode = new Map(all.map((r) => [r.code, r]));
    for (const code of ['sysadmin', 'secadmin', 'auditadmin', 'city_staff', 'county_staff', 'unit_staff']) {
      expect(byCode.get(code)?.builtin, code).toBe(true);
    }
    expect(byCode.get('sysadmin')?.permissions).not.toContain('users:assign');
    expect(byCode.get('sysadmin')?.permissions).not.toContain('audit:read');
    expect(byCode.get('secadmin')?.permissions).not.toContain('users:write');
    expect(byCode.get('auditadmin')?.permissions).toEqual(['audit:read']);
  });

  it('cannot be changed', async () => {
    const client = await secadmin();
    const sysadmin = (await roles(client.read)).find((r) => r.code === 'sysadmin') as Role;
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/roles/${sysadmin.id}`,
      headers: client.headers,
      payload: { permissions: [...sysadmin.permissions, 'audit:read'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('role.builtin');
    const after = (await roles(client.read)).find((r) => r.code === 'sysadmin');
    expect(after?.permissions).toEqual(sysadmin.permissions);
  });

  it('cannot be deleted', async () => {
    const client = await secadmin();
    const leader = (await roles(client.read)).find((r) => r.code === 'leader') as Role;
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/roles/${leader.id}`,
      headers: client.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('role.builtin');
    expect((await roles(client.read)).map((r) => r.code)).toContain('leader');
  });
});

describe('custom roles', () => {
  it('are created, changed and deleted', async () => {
    const client = await secadmin();
    const code = uniqueCode('reviewer');
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: client.headers,
      payload: {
        code,
        name: ' 审核员 ',
        description: '只读',
        permissions: ['users:read', 'orgs:read', 'orgs:read'],
      },
    });
    expect(created.statusCode).toBe(201);
    const role = created.json<Role>();
    expect(role).toMatchObject({
      code,
      name: '审核员',
      builtin: false,
      permissions: ['orgs:read', 'users:read'],
      userCount: 0,
    });

    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/roles/${role.id}`,
      headers: client.headers,
      payload: { name: '高级审核员', permissions: ['dictionaries:read'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: '高级审核员', permissions: ['dictionaries:read'] });

    const deleted = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/roles/${role.id}`,
      headers: client.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await roles(client.read)).map((r) => r.id)).not.toContain(role.id);
    const again = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/roles/${role.id}`,
      headers: client.headers,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('role.not_found');
  });

  it('refuses a code that is taken', async () => {
    const client = await secadmin();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: client.headers,
      payload: { code: 'sysadmin', name: '冒名', permissions: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('role.code_taken');
  });

  it('refuses an unknown permission, on create and on update', async () => {
    const client = await secadmin();
    const create = await ctx.app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: client.headers,
      payload: { code: uniqueCode('bad'), name: '坏', permissions: ['users:read', 'users:delete_all'] },
    });
    expect(create.statusCode).toBe(400);
    expect(create.json().error.code).toBe('role.unknown_permission');
    expect(create.json().error.details).toEqual([
      expect.objectContaining({
        field: 'body.permissions.1',
        rule: 'known',
        message: '未知的权限：users:delete_all',
      }),
    ]);

    const role = await makeRole(ctx, ['orgs:read']);
    const update = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/roles/${role.id}`,
      headers: client.headers,
      payload: { permissions: ['superuser'] },
    });
    expect(update.statusCode).toBe(400);
    expect(update.json().error.code).toBe('role.unknown_permission');
    expect((await roles(client.read)).find((r) => r.id === role.id)?.permissions).toEqual(['orgs:read']);
  });

  it('refuses to delete a role still assigned', async () => {
    const client = await secadmin();
    const role = await makeRole(ctx, ['orgs:read']);
    await makeUser(ctx, { roles: [role.code] });
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/roles/${role.id}`,
      headers: client.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('role.in_use');
    expect((await roles(client.read)).find((r) => r.id === role.id)?.userCount).toBe(1);
  });

  it("change their holders' permissions at their next request", async () => {
    const client = await secadmin();
    const role = await makeRole(ctx, ['orgs:read', 'users:read']);
    const holder = await makeUser(ctx, { roles: [role.code] });
    const session = await signIn(ctx, holder.username);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: session.read })).statusCode,
    ).toBe(200);

    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/roles/${role.id}`,
      headers: client.headers,
      payload: { permissions: ['orgs:read'] },
    });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: session.read });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('take roles:write: the system administrator may only read them', async () => {
    const { client } = await signedInUser(ctx, { roles: ['sysadmin'] });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/roles', headers: client.read })).statusCode,
    ).toBe(200);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: client.headers,
      payload: { code: uniqueCode('sneaky'), name: '越权', permissions: ['audit:read'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });
});

describe('the permission catalogue', () => {
  it('lists every permission with its module', async () => {
    const client = await secadmin();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/permissions', headers: client.read });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ code: string; module: string }[]>();
    expect(items.map((p) => p.code)).toEqual([...PERMISSIONS]);
    expect(items).toContainEqual({ code: 'users:assign', module: 'users' });
    for (const p of items) expect(p.code.startsWith(`${p.module}:`)).toBe(true);
  });

  it('takes roles:read', async () => {
    const { client } = await signedInUser(ctx, { roles: ['unit_staff'] });
    const res = await ctx.app.inject({ method: 'GET', url: '/api/permissions', headers: client.read });
    expect(res.statusCode).toBe(403);
  });
});

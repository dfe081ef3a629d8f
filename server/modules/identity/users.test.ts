import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, makeOrg, makeUser, signedInUser, signIn } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();

let n = 0;
const uniqueName = (stem: string) => `${stem}${++n}x${Date.now() % 100000}`;

async function admin() {
  return signedInUser(ctx, { roles: ['sysadmin'] });
}

async function createUser(headers: Record<string, string>, body: Record<string, unknown>) {
  return ctx.app.inject({ method: 'POST', url: '/api/users', headers, payload: body });
}

describe('creating an account', () => {
  it('creates an account that must change its password at first sign-in', async () => {
    const { client } = await admin();
    const org = await makeOrg(ctx.db);
    const username = uniqueName('wang');
    const res = await createUser(client.headers, {
      username,
      name: ' 王五 ',
      orgId: org.id,
      phone: '13912345678',
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username,
      name: '王五',
      orgId: org.id,
      orgName: org.name,
      status: 'active',
      mustChangePassword: true,
      lockedUntil: null,
      lastLoginAt: null,
      assignments: [],
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(user)).not.toContain('argon2');

    const read = await ctx.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: client.read });
    expect(read.json()).toEqual(user);

    const signedIn = await signIn(ctx, username);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: signedIn.read });
    expect(me.json().mustChangePassword).toBe(true);
  });

  it('refuses a username that is taken', async () => {
    const { client } = await admin();
    const existing = await makeUser(ctx);
    const res = await createUser(client.headers, {
      username: existing.username,
      name: '重名',
      orgId: existing.org.id,
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('user.username_taken');
  });

  it('refuses a password that breaks the policy, naming each rule', async () => {
    const { client } = await admin();
    const org = await makeOrg(ctx.db);
    const cases = [
      { password: 'abc', rules: ['minLength', 'classes'] },
      { password: 'Password123!', rules: ['common'] },
    ];
    for (const c of cases) {
      const res = await createUser(client.headers, {
        username: uniqueName('weak'),
        name: '弱密码',
        orgId: org.id,
        password: c.password,
      });
      expect(res.statusCode, c.password).toBe(400);
      expect(res.json().error.code).toBe('auth.password_policy');
      const details = res.json().error.details as { field: string; rule: string }[];
      expect(details.map((d) => d.rule)).toEqual(expect.arrayContaining(c.rules));
      for (const d of details) expect(d.field).toBe('body.password');
    }
  });

  it('refuses a password containing the username', async () => {
    const { client } = await admin();
    const org = await makeOrg(ctx.db);
    const username = uniqueName('zhangsan');
    const res = await createUser(client.headers, {
      username,
      name: '张三',
      orgId: org.id,
      password: `X#9${username}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { rule: string }) => d.rule)).toContain('username');
  });

  it('refuses an unknown org', async () => {
    const { client } = await admin();
    const res = await createUser(client.headers, {
      username: uniqueName('lost'),
      name: '无处',
      orgId: 999999,
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('org.not_found');
  });

  it('refuses a malformed phone number', async () => {
    const { client } = await admin();
    const org = await makeOrg(ctx.db);
    const res = await createUser(client.headers, {
      username: uniqueName('phone'),
      name: '电话',
      orgId: org.id,
      phone: '12345',
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.phone');
  });

  it('takes users:write', async () => {
    const { client } = await signedInUser(ctx, { roles: ['city_staff'] });
    const org = await makeOrg(ctx.db);
    const res = await createUser(client.headers, {
      username: uniqueName('nope'),
      name: '无权',
      orgId: org.id,
      password: GOOD_PASSWORD,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });
});

describe('reading and editing accounts', () => {
  it('finds accounts by keyword and status, a page at a time', async () => {
    const { client } = await admin();
    const stem = uniqueName('zhao');
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await makeUser(ctx, { username: `${stem}_${i}` }));
    const page = await ctx.app.inject({
      method: 'GET',
      url: `/api/users?keyword=${stem}&pageSize=2&page=1`,
      headers: client.read,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().total).toBe(3);
    expect(page.json().items).toHaveLength(2);
    const rest = await ctx.app.inject({
      method: 'GET',
      url: `/api/users?keyword=${stem}&pageSize=2&page=2`,
      headers: client.read,
    });
    const seen = [...page.json().items, ...rest.json().items].map((u: { id: number }) => u.id);
    expect(seen.sort((a: number, b: number) => a - b)).toEqual(made.map((u) => u.id).sort((a, b) => a - b));

    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${made[0]?.id}`,
      headers: client.headers,
      payload: { status: 'disabled' },
    });
    const disabled = await ctx.app.inject({
      method: 'GET',
      url: `/api/users?keyword=${stem}&status=disabled`,
      headers: client.read,
    });
    expect(disabled.json().items.map((u: { id: number }) => u.id)).toEqual([made[0]?.id]);
  });

  it('edits name, phone and org', async () => {
    const { client } = await admin();
    const user = await makeUser(ctx);
    const org = await makeOrg(ctx.db);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: client.headers,
      payload: { name: '新名字', phone: '13700001111', orgId: org.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '新名字', orgId: org.id, orgName: org.name });
  });

  it('answers 404 for a missing account', async () => {
    const { client } = await admin();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users/999999', headers: client.read });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('user.not_found');
  });

  it('does not let an administrator disable their own account', async () => {
    const me = await admin();
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      headers: me.client.headers,
      payload: { status: 'disabled' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('user.self_disable');
  });
});

describe('phone numbers', () => {
  it('are masked for others', async () => {
    const { client } = await admin();
    const org = await makeOrg(ctx.db);
    const created = await createUser(client.headers, {
      username: uniqueName('li'),
      name: '李四',
      orgId: org.id,
      phone: '13812345678',
      password: GOOD_PASSWORD,
    });
    expect(created.json().phone).toBe('138****5678');
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${created.json().id}`,
      headers: client.read,
    });
    expect(read.json().phone).toBe('138****5678');
    expect(read.body).not.toContain('13812345678');
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/users?pageSize=200',
      headers: client.read,
    });
    expect(list.body).not.toContain('13812345678');
  });

  it('are shown in full to their owner', async () => {
    const me = await admin();
    const other = await admin();
    const set = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      headers: me.client.headers,
      payload: { phone: '13687654321' },
    });
    expect(set.json().phone).toBe('13687654321');
    const own = await ctx.app.inject({ method: 'GET', url: `/api/users/${me.id}`, headers: me.client.read });
    expect(own.json().phone).toBe('13687654321');
    const seenByOther = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${me.id}`,
      headers: other.client.read,
    });
    expect(seenByOther.json().phone).toBe('136****4321');
  });
});

describe('menus by permission', () => {
  it('keeps the account list from a unit staff member, who lacks users:read', async () => {
    const { client } = await signedInUser(ctx, { roles: ['unit_staff'] });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: client.read });
    expect(me.json().permissions).not.toContain('users:read');
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: client.read });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('shows the account list to city staff, read only', async () => {
    const { client } = await signedInUser(ctx, { roles: ['city_staff'] });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: client.read })).statusCode,
    ).toBe(200);
    const user = await makeUser(ctx);
    const edit = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: client.headers,
      payload: { name: '改不了' },
    });
    expect(edit.statusCode).toBe(403);
  });
});

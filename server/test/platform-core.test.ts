import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, makeOrg, makeUser, signedInUser, signIn } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

describe('health and documents', () => {
  it('answers health with the database reachable', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });
  it('serves the OpenAPI document and the reference page', async () => {
    const doc = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toContain('/api/users');
    const page = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('sign-in basics', () => {
  it('signs in and answers me with permissions of the active assignment', async () => {
    const { client } = await signedInUser(ctx, { roles: ['sysadmin'] });
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: client.read });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toContain('users:write');
    expect(me.json().permissions).not.toContain('audit:read');
  });
  it('refuses a wrong password with a generic message', async () => {
    const user = await makeUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'nope' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_credentials');
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(unknown.json().error).toMatchObject({ code: 'auth.invalid_credentials' });
  });
  it('sets an HttpOnly SameSite=Strict cookie', async () => {
    const user = await makeUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: GOOD_PASSWORD },
    });
    const cookie = res.cookies[0];
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.secure).toBe(true);
  });
  it('issues a new token at every sign-in', async () => {
    const user = await makeUser(ctx);
    const a = await signIn(ctx, user.username);
    const b = await signIn(ctx, user.username);
    expect(a.cookie).not.toBe(b.cookie);
  });
  it('ends the session at logout', async () => {
    const { client } = await signedInUser(ctx);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: client.headers });
    expect(out.statusCode).toBe(204);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: client.read });
    expect(me.statusCode).toBe(401);
  });
});

describe('forced password change', () => {
  it('holds a new user to the password page until they change it', async () => {
    const user = await makeUser(ctx, { roles: ['sysadmin'], mustChange: true });
    const client = await signIn(ctx, user.username);
    const blocked = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: client.read });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.password_change_required');
    const weak = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: client.headers,
      payload: { currentPassword: user.password, newPassword: 'password1' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.map((d: { rule: string }) => d.rule)).toContain('common');
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: client.headers,
      payload: { currentPassword: user.password, newPassword: 'Tq9$vB3nW' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().mustChangePassword).toBe(false);
    // The old session ended with the change; the reply carries a new one.
    const old = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: client.read });
    expect(old.statusCode).toBe(401);
    const cookie = `${changed.cookies[0]?.name}=${changed.cookies[0]?.value}`;
    const fresh = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(fresh.statusCode).toBe(200);
  });
  it('forces a change again after an administrator resets the password', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const user = await makeUser(ctx, { roles: ['unit_staff'] });
    const userClient = await signIn(ctx, user.username);
    const reset = await ctx.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: admin.client.headers,
      payload: { password: 'Temp#2026x' },
    });
    expect(reset.statusCode).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: userClient.read })).statusCode,
    ).toBe(401);
    const again = await signIn(ctx, user.username, 'Temp#2026x');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: again.read });
    expect(me.json().mustChangePassword).toBe(true);
  });
});

describe('bad input', () => {
  it('answers 400 naming the field and the rule', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.client.headers,
      payload: { username: 'x', name: '张三', orgId: 1, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'body.username', rule: 'minLength' }),
    );
  });
  it('names a missing field', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.password', rule: 'required' });
  });
  it('drops unknown fields', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const org = await makeOrg(ctx.db);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.client.headers,
      payload: {
        username: 'dropper',
        name: '李四',
        orgId: org.id,
        password: GOOD_PASSWORD,
        status: 'disabled',
        isAdmin: true,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('active');
    expect(res.json()).not.toHaveProperty('isAdmin');
  });
  it('refuses an oversized body', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('body_too_large');
  });
  it('answers in English when asked', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.json().error.message).toBe('Please sign in');
  });
});

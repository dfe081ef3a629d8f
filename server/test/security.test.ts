import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { type Client, makeUser, signedInUser, signIn } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp({}, (app) => {
  app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internal detail');
  });
});

const me = (client: Client) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: client.read });

/** Sign-out: a state-changing request that any signed-in user may make. */
const logout = (headers: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers });

describe('CSRF', () => {
  it('refuses a state-changing request that carries the cookie but no token', async () => {
    const { client } = await signedInUser(ctx);
    const res = await logout({ cookie: client.cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    expect((await me(client)).statusCode).toBe(200);
  });

  it('refuses a wrong token', async () => {
    const { client } = await signedInUser(ctx);
    const res = await logout({ cookie: client.cookie, 'x-csrf-token': `${client.csrf.slice(0, -1)}x` });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    expect((await me(client)).statusCode).toBe(200);
  });

  it("refuses another session's token", async () => {
    const user = await makeUser(ctx);
    const mine = await signIn(ctx, user.username);
    const theirs = await signIn(ctx, user.username);
    expect(mine.csrf).not.toBe(theirs.csrf);
    const res = await logout({ cookie: mine.cookie, 'x-csrf-token': theirs.csrf });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const { client } = await signedInUser(ctx);
    const res = await logout({
      ...client.headers,
      host: 'xinyao.example.gov.cn',
      origin: 'https://evil.example.com',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    expect((await me(client)).statusCode).toBe(200);
  });

  it('accepts the right token from the same origin', async () => {
    const { client } = await signedInUser(ctx);
    const res = await logout({
      ...client.headers,
      host: 'xinyao.example.gov.cn',
      origin: 'https://xinyao.example.gov.cn',
    });
    expect(res.statusCode).toBe(204);
    expect((await me(client)).statusCode).toBe(401);
  });

  it('checks the token on every state-changing method', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const requests = [
      { method: 'POST', url: '/api/orgs', payload: {} },
      { method: 'PATCH', url: `/api/users/${admin.id}`, payload: {} },
      { method: 'PUT', url: `/api/users/${admin.id}/assignments`, payload: { assignments: [] } },
      { method: 'DELETE', url: '/api/auth/sessions/1' },
    ] as const;
    for (const r of requests) {
      const res = await ctx.app.inject({ ...r, headers: { cookie: admin.client.cookie } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().error.code, `${r.method} ${r.url}`).toBe('auth.csrf');
    }
  });

  it('needs no token for a read', async () => {
    const { client } = await signedInUser(ctx);
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: client.cookie },
    });
    expect(res.statusCode).toBe(200);
  });
});

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cache-control']).toBe('no-store');
}

describe('security headers', () => {
  it('are set on an API response', async () => {
    const { client } = await signedInUser(ctx);
    const res = await me(client);
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
  });

  it('are set on a public API response', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
  });

  it('are set on a 404', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expectSecurityHeaders(res);
  });

  it('are set on a refusal', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(401);
    expectSecurityHeaders(res);
  });
});

describe('server errors', () => {
  it('answer only that something went wrong, with the request id', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    const requestId = res.headers['x-request-id'];
    expect(typeof requestId).toBe('string');
    expect(res.json()).toEqual({
      error: { code: 'internal', message: expect.any(String), requestId },
    });
    expect(res.json().error.message).not.toBe('');
    expect(res.body.toLowerCase()).not.toContain('secret');
    expect(JSON.stringify(res.headers).toLowerCase()).not.toContain('secret');
  });

  it('answer in English when asked', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/test/boom',
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.message).toBe('Something went wrong; please try again later');
  });

  it('carry a distinct request id each time', async () => {
    const a = await ctx.app.inject({ method: 'GET', url: '/api/test/boom' });
    const b = await ctx.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(a.json().error.requestId).not.toBe(b.json().error.requestId);
  });
});

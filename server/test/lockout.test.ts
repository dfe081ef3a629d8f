import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeUser, signedInAuditor, signedInUser } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp({
  LOGIN_MAX_FAILURES: '5',
  LOGIN_LOCK_MINUTES: '15',
  LOGIN_SOURCE_MAX_FAILURES: '20',
});

const MINUTE = 60_000;

// Each test plays its own source addresses, so that failures counted by one never throttle another.
let block = 0;
const sources = () => {
  block++;
  return (host: number) => `10.${block}.0.${host}`;
};

function login(username: string, password: string, remoteAddress: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
}

async function failFiveTimes(username: string, remoteAddress: string) {
  for (let i = 0; i < 5; i++) {
    const res = await login(username, `Wrong#pass${i}`, remoteAddress);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_credentials');
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('account lock per source', () => {
  it('locks the account for that source after five wrong passwords, even against the right one', async () => {
    const ip = sources();
    const user = await makeUser(ctx);
    await failFiveTimes(user.username, ip(1));
    const res = await login(user.username, user.password, ip(1));
    expect(res.statusCode).toBe(423);
    expect(res.json().error.code).toBe('auth.locked');
    expect(res.cookies).toHaveLength(0);
  });

  it('does not lock at four failures', async () => {
    const ip = sources();
    const user = await makeUser(ctx);
    for (let i = 0; i < 4; i++) {
      expect((await login(user.username, 'Wrong#pass', ip(1))).statusCode).toBe(401);
    }
    expect((await login(user.username, user.password, ip(1))).statusCode).toBe(200);
  });

  it('still lets the same account sign in from another source address', async () => {
    const ip = sources();
    const user = await makeUser(ctx);
    await failFiveTimes(user.username, ip(1));
    expect((await login(user.username, user.password, ip(1))).statusCode).toBe(423);
    const elsewhere = await login(user.username, user.password, ip(2));
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().username).toBe(user.username);
  });

  it('lifts the lock after fifteen minutes', async () => {
    const ip = sources();
    const user = await makeUser(ctx);
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    await failFiveTimes(user.username, ip(1));
    vi.setSystemTime(start + 14 * MINUTE);
    expect((await login(user.username, user.password, ip(1))).statusCode).toBe(423);
    vi.setSystemTime(start + 15 * MINUTE + 1000);
    expect((await login(user.username, user.password, ip(1))).statusCode).toBe(200);
  });

  it('is lifted by an administrator, and the user list shows it until then', async () => {
    const ip = sources();
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const user = await makeUser(ctx);
    const before = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${user.id}`,
      headers: admin.client.read,
    });
    expect(before.json().lockedUntil).toBeNull();

    await failFiveTimes(user.username, ip(1));
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/users?keyword=${user.username}`,
      headers: admin.client.read,
    });
    const listed = list.json().items.find((u: { id: number }) => u.id === user.id);
    expect(listed.lockedUntil).not.toBeNull();
    expect(Date.parse(listed.lockedUntil)).toBeGreaterThan(Date.now());

    const unlock = await ctx.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/unlock`,
      headers: admin.client.headers,
    });
    expect(unlock.statusCode).toBe(204);
    const after = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${user.id}`,
      headers: admin.client.read,
    });
    expect(after.json().lockedUntil).toBeNull();
    expect((await login(user.username, user.password, ip(1))).statusCode).toBe(200);
  });

  it('takes users:write to unlock', async () => {
    const staff = await signedInUser(ctx, { roles: ['city_staff'] });
    const user = await makeUser(ctx);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/unlock`,
      headers: staff.client.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  // Usernames may hold '_', which a SQL LIKE pattern reads as "any one character".
  async function lookAlikes() {
    const n = Date.now() % 100000;
    const locked = await makeUser(ctx, { username: `lookxalike${n}` });
    const other = await makeUser(ctx, { username: `look_alike${n}` });
    return { locked, other };
  }

  it('shows a lock only on the account it belongs to', async () => {
    const ip = sources();
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const { locked, other } = await lookAlikes();
    await failFiveTimes(locked.username, ip(1));
    const owner = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${locked.id}`,
      headers: admin.client.read,
    });
    expect(owner.json().lockedUntil).not.toBeNull();
    const lookAlike = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${other.id}`,
      headers: admin.client.read,
    });
    expect(lookAlike.json().lockedUntil).toBeNull();
  });

  it('leaves an account locked when another account is unlocked', async () => {
    const ip = sources();
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const { locked, other } = await lookAlikes();
    await failFiveTimes(locked.username, ip(1));
    const unlock = await ctx.app.inject({
      method: 'POST',
      url: `/api/users/${other.id}/unlock`,
      headers: admin.client.headers,
    });
    expect(unlock.statusCode).toBe(204);
    expect((await login(locked.username, locked.password, ip(1))).statusCode).toBe(423);
  });
});

describe('source throttling', () => {
  it('throttles a source after twenty failures across many usernames, while another source still works', async () => {
    const ip = sources();
    const user = await makeUser(ctx);
    for (let i = 0; i < 20; i++) {
      const res = await login(`nobody${block}x${i}`, 'Wrong#pass', ip(1));
      expect(res.statusCode).toBe(401);
    }
    const throttled = await login(user.username, user.password, ip(1));
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('auth.throttled');
    expect((await login(user.username, user.password, ip(2))).statusCode).toBe(200);
  });
});

describe('audit of failures', () => {
  it('records every failed sign-in as auth.login_failed with its source', async () => {
    const ip = sources();
    const user = await makeUser(ctx);
    await failFiveTimes(user.username, ip(7));
    const auditor = await signedInAuditor(ctx);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=auth.login_failed&keyword=${ip(7)}`,
      headers: auditor.client.read,
    });
    expect(res.statusCode).toBe(200);
    const entries = res.json().items;
    expect(entries).toHaveLength(5);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        action: 'auth.login_failed',
        entity: 'user',
        entityId: String(user.id),
        summary: user.username,
        sourceIp: ip(7),
      });
    }
  });

  it('records a failure for an unknown username too', async () => {
    const ip = sources();
    await login(`ghost${block}`, 'Wrong#pass', ip(1));
    const auditor = await signedInAuditor(ctx);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=auth.login_failed&keyword=${ip(1)}`,
      headers: auditor.client.read,
    });
    expect(res.json().items).toEqual([
      expect.objectContaining({ action: 'auth.login_failed', summary: `ghost${block}`, entityId: null }),
    ]);
  });
});

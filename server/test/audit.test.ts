import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropAppendOnly } from '../db/dialect.ts';
import { countAudit, pruneAudit, verifyAuditChain } from '../platform/audit/audit.ts';
import { makeOrg, makeUser, signedInAuditor, signedInUser } from './factories.ts';
import { createTestApp, type TestContext } from './test-app.ts';

/** The untouched database: the append-only guard stays in place here. */
const ctx = await createTestApp();
/** Databases whose guard a test removes to play an attacker; each belongs to one test only. */
const edited = await createTestApp();
const pruned = await createTestApp();
const truncated = await createTestApp();
const relinked = await createTestApp();
const aged = await createTestApp();
const oldestCut = await createTestApp();

afterEach(() => {
  vi.useRealTimers();
});

interface Entry {
  id: number;
  action: string;
  actorId: number | null;
  entity: string | null;
  entityId: string | null;
  summary: string | null;
  sourceIp: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function readAudit(on: TestContext, query: string): Promise<Entry[]> {
  const auditor = await signedInAuditor(on);
  const res = await on.app.inject({
    method: 'GET',
    url: `/api/audit?${query}`,
    headers: auditor.client.read,
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function verifyThroughApi(on: TestContext) {
  const auditor = await signedInAuditor(on);
  const res = await on.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor.client.read });
  expect(res.statusCode).toBe(200);
  return res.json<{ ok: boolean; checked: number; firstBrokenId: number | null; reason: string | null }>();
}

/** Writes a few entries through the platform's own paths. */
async function someHistory(on: TestContext, n = 4) {
  for (let i = 0; i < n; i++) await makeOrg(on.db);
}

async function ids(on: TestContext) {
  return (await on.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
}

describe('what the log records', () => {
  it('records a write with before and after', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const org = await makeOrg(ctx.db, { name: '旧名称' });
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: admin.client.headers,
      payload: { name: '新名称' },
      remoteAddress: '10.20.0.1',
    });
    expect(res.statusCode).toBe(200);

    const entries = await readAudit(ctx, 'action=org.update&entity=org');
    const entry = entries.find((e) => e.entityId === String(org.id));
    expect(entry).toMatchObject({
      action: 'org.update',
      actorId: admin.id,
      sourceIp: '10.20.0.1',
      summary: '新名称',
      before: { id: org.id, name: '旧名称' },
      after: { id: org.id, name: '新名称' },
    });
  });

  it('records sign-in and sign-out with the source address', async () => {
    const user = await makeUser(ctx);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
      remoteAddress: '10.20.0.2',
    });
    expect(login.statusCode).toBe(200);
    const cookie = `${login.cookies[0]?.name}=${login.cookies[0]?.value}`;
    const logout = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
      remoteAddress: '10.20.0.2',
    });
    expect(logout.statusCode).toBe(204);

    const entries = await readAudit(ctx, `actorId=${user.id}`);
    expect(entries.map((e) => e.action)).toEqual(['auth.logout', 'auth.login']);
    for (const e of entries) expect(e).toMatchObject({ sourceIp: '10.20.0.2', entityId: String(user.id) });
  });

  it('records nothing for a write that was refused', async () => {
    const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
    const before = await countAudit(ctx.db);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/orgs/999999',
      headers: admin.client.headers,
      payload: { name: '不存在' },
    });
    expect(res.statusCode).toBe(404);
    expect(await countAudit(ctx.db)).toBe(before);
  });
});

describe('who may read it', () => {
  it('lets the audit administrator verify the chain, and records the check', async () => {
    await someHistory(ctx);
    const result = await verifyThroughApi(ctx);
    expect(result).toMatchObject({ ok: true, firstBrokenId: null, reason: null });
    expect(result.checked).toBeGreaterThan(4);
    const checks = await readAudit(ctx, 'action=audit.verify');
    expect(checks[0]?.summary).toBe('ok');
  });

  it('refuses the system and security administrators', async () => {
    for (const role of ['sysadmin', 'secadmin', 'city_staff']) {
      const { client } = await signedInUser(ctx, { roles: [role] });
      for (const url of ['/api/audit', '/api/audit/verify']) {
        const res = await ctx.app.inject({ method: 'GET', url, headers: client.read });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('auth.forbidden');
      }
    }
  });
});

describe('tampering', () => {
  it('names an entry whose content was changed behind the guard', async () => {
    await someHistory(edited);
    const auditor = await signedInAuditor(edited);
    const all = await ids(edited);
    const target = all[2] as number;
    await dropAppendOnly(edited.db, 'audit_log');
    await edited.db
      .updateTable('audit_log')
      .set({ summary: 'nothing happened here' })
      .where('id', '=', target)
      .execute();

    const res = await edited.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: auditor.client.read,
    });
    expect(res.json()).toMatchObject({ ok: false, firstBrokenId: target, reason: 'hash' });
    expect(await verifyAuditChain(edited.db)).toMatchObject({ ok: false, firstBrokenId: target });
  });

  it('names the gap where a middle entry was deleted', async () => {
    await someHistory(pruned, 6);
    const all = await ids(pruned);
    const target = all[3] as number;
    await dropAppendOnly(pruned.db, 'audit_log');
    await pruned.db.deleteFrom('audit_log').where('id', '=', target).execute();

    const result = await verifyThroughApi(pruned);
    expect(result).toMatchObject({ ok: false, firstBrokenId: target, reason: 'missing' });
    // The same answer whatever the walk's batch size, also when the gap sits on a batch boundary.
    for (const batch of [1, 2, 3, 4, 1000]) {
      expect(await verifyAuditChain(pruned.db, batch), `batch ${batch}`).toMatchObject({
        ok: false,
        firstBrokenId: target,
      });
    }
  });

  it('notices the newest entry deleted', async () => {
    await someHistory(truncated);
    const all = await ids(truncated);
    const last = all[all.length - 1] as number;
    await dropAppendOnly(truncated.db, 'audit_log');
    await truncated.db.deleteFrom('audit_log').where('id', '=', last).execute();
    expect(await verifyAuditChain(truncated.db)).toMatchObject({
      ok: false,
      firstBrokenId: last,
      reason: 'missing',
    });
  });

  it('notices an entry relinked to a forged predecessor hash', async () => {
    await someHistory(relinked);
    const all = await ids(relinked);
    const target = all[1] as number;
    await dropAppendOnly(relinked.db, 'audit_log');
    await relinked.db
      .updateTable('audit_log')
      .set({ prev_hash: 'f'.repeat(64) })
      .where('id', '=', target)
      .execute();
    expect(await verifyAuditChain(relinked.db)).toMatchObject({
      ok: false,
      firstBrokenId: target,
      reason: 'link',
    });
  });
});

describe('the append-only guard', () => {
  it('refuses to change a fresh entry', async () => {
    await someHistory(ctx, 1);
    const [latest] = await ctx.db
      .selectFrom('audit_log')
      .select(['id', 'summary'])
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    await expect(
      ctx.db
        .updateTable('audit_log')
        .set({ summary: 'rewritten' })
        .where('id', '=', latest?.id as number)
        .execute(),
    ).rejects.toThrow(/append-only/);
    const row = await ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('id', '=', latest?.id as number)
      .executeTakeFirst();
    expect(row?.summary).toBe(latest?.summary);
  });

  it('refuses to delete a fresh entry', async () => {
    await someHistory(ctx, 1);
    const before = await countAudit(ctx.db);
    const [latest] = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    await expect(
      ctx.db
        .deleteFrom('audit_log')
        .where('id', '=', latest?.id as number)
        .execute(),
    ).rejects.toThrow(/cannot be deleted/);
    expect(await countAudit(ctx.db)).toBe(before);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('catches entries deleted from the oldest end without a recorded pruning', async () => {
    await someHistory(oldestCut, 2);
    const all = await ids(oldestCut);
    await dropAppendOnly(oldestCut.db, 'audit_log');
    await oldestCut.db
      .deleteFrom('audit_log')
      .where('id', '=', all[0] as number)
      .execute();
    expect(await verifyAuditChain(oldestCut.db)).toMatchObject({ ok: false, firstBrokenId: all[0] });
  });

  it('lets entries past the retention period be pruned from the oldest end, the rest still verifying', async () => {
    const DAY = 24 * 60 * 60_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 200 * DAY);
    await someHistory(aged, 3);
    vi.useRealTimers();
    const old = await ids(aged);
    await someHistory(aged, 2);

    expect(await pruneAudit(aged.db, 180)).toBe(old.length);
    expect(await countAudit(aged.db)).toBe(2);
    const result = await verifyAuditChain(aged.db);
    expect(result).toMatchObject({ ok: true, checked: 2 });
  });
});

describe('verifyAuditChain', () => {
  it('checks every entry of an intact chain, in any batch size', async () => {
    await someHistory(ctx, 3);
    const n = await countAudit(ctx.db);
    for (const batch of [1, 2, 7, 5000]) {
      expect(await verifyAuditChain(ctx.db, batch), `batch ${batch}`).toEqual({
        ok: true,
        checked: n,
        firstBrokenId: null,
        reason: null,
      });
    }
  });
});

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKind } from '../../db/dialect.ts';
import { makeBranch, makeCadre, makeOrg, makeUser, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { keywordMatch, matchesKeyword } from './keyword.ts';
import { pageOf } from './page.ts';
import { personTerms } from './pinyin.ts';
import { sortBy } from './sort.ts';

// The main thread's copies of the worker and the workbook writer, watched: an export must ask the
// worker for its file and never write a workbook here (the worker thread loads its own copies).
vi.mock('../jobs/workers.ts', async (original) => {
  const real = await original<typeof import('../jobs/workers.ts')>();
  return { ...real, runInWorker: vi.fn(real.runInWorker) };
});
vi.mock('../excel/write.ts', async (original) => {
  const real = await original<typeof import('../excel/write.ts')>();
  return { ...real, writeXlsx: vi.fn(real.writeXlsx) };
});
const workers = await import('../jobs/workers.ts');
const write = await import('../excel/write.ts');

const ctx = await createTestApp();
const db = ctx.db as unknown as import('kysely').Kysely<any>;

describe(`keywordMatch on ${databaseKind(ctx.db)}`, () => {
  beforeAll(async () => {
    await db.schema
      .createTable('list_probe')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .execute();
    const names = [
      'abc',
      'xABCx',
      'Abd',
      '100% pure',
      '100 percent',
      'a_b',
      'axb',
      'back\\slash',
      'backslash',
    ];
    await db
      .insertInto('list_probe')
      .values(names.map((name, i) => ({ id: i + 1, name, code: `C${i + 1}` })))
      .execute();
  });
  const find = async (keyword: string, targets = { contains: ['name'], equals: ['code'] }) =>
    (
      await db
        .selectFrom('list_probe')
        .select('name')
        .where(keywordMatch(db, keyword, targets))
        .orderBy('id')
        .execute()
    ).map((r) => r.name);

  it('ignores case: ABC finds abc', async () => {
    expect(await find('ABC')).toEqual(['abc', 'xABCx']);
    expect(await find('abc')).toEqual(['abc', 'xABCx']);
  });
  it('takes % and _ and \\ literally', async () => {
    expect(await find('%')).toEqual(['100% pure']);
    expect(await find('0%')).toEqual(['100% pure']);
    expect(await find('_')).toEqual(['a_b']);
    expect(await find('a_b')).toEqual(['a_b']);
    expect(await find('\\')).toEqual(['back\\slash']);
  });
  it('matches an exact column exactly, and an empty keyword matches all', async () => {
    expect(await find('C3')).toEqual(['Abd']);
    expect(await find('  ')).toHaveLength(9);
  });
  it('matches in memory the same way', () => {
    expect(matchesKeyword('ABC', 'xabcx')).toBe(true);
    expect(matchesKeyword('%', '100 percent')).toBe(false);
  });
});

describe('pageOf and sortBy', () => {
  it('answers a page with the exact total, pages neither overlapping nor skipping equal values', async () => {
    await db.schema
      .createTable('list_sort_probe')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('due', 'text')
      .execute();
    // Many equal values and some empty ones: a sort without a tie-breaker may page them differently.
    const rows = Array.from({ length: 25 }, (_, i) => ({
      id: i + 1,
      due: i % 5 === 0 ? null : `2025-0${(i % 3) + 1}`,
    }));
    await db.insertInto('list_sort_probe').values(rows).execute();
    const q = (key: 'due' | '-due') =>
      sortBy(db.selectFrom('list_sort_probe').selectAll(), key, { due: 'due' }, 'id');
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(await pageOf(db, q('due'), { page, pageSize: 7 }));
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25]);
    const ids = pages.flatMap((p) => p.items.map((r) => r.id));
    expect(new Set(ids).size).toBe(25);
    // Empty values first when ascending and last when descending, on both databases.
    expect(pages[0]?.items.slice(0, 5).map((r) => r.due)).toEqual([null, null, null, null, null]);
    const down = await pageOf(db, q('-due'), { page: 4, pageSize: 7 });
    expect(down.items.map((r) => r.due)).toEqual([null, null, null, null]);
    const filtered = await pageOf(db, q('due').where('due', '=', '2025-01'), { page: 2, pageSize: 3 });
    expect(filtered.total).toBe(rows.filter((r) => r.due === '2025-01').length);
  });
});

describe('pinyin', () => {
  it('gives people the mixed spelling: the surname in full, the given name by initials', () => {
    const terms = personTerms(['何志松']);
    expect(terms).toEqual(expect.arrayContaining(['hezhisong', 'hzs', 'hezs', 'zhisong']));
    expect(personTerms(['欧阳修文'])).toContain('ouyangxw');
  });

  it('finds the same people by hezs as by hzs, in the roster and the account list', async () => {
    const admin = await signedInUser(ctx, { roles: ['city_staff', 'sysadmin'] });
    const org = await makeOrg(ctx.db, { name: '何家镇' });
    const he = await makeCadre(ctx, admin.client, { orgId: org.id, name: '何志松' });
    const other = await makeCadre(ctx, admin.client, { orgId: org.id, name: '黄章盛' });
    const roster = async (keyword: string) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/cadres?keyword=${keyword}&orgId=${org.id}`,
        headers: admin.client.read,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: number }[]).map((c) => c.id).sort();
    };
    expect(await roster('hzs')).toEqual([he.id, other.id].sort());
    expect(await roster('hezs')).toEqual([he.id]);
    expect(await roster('HeZS')).toEqual([he.id]);
    expect(await roster('hezhisong')).toEqual([he.id]);

    const user = await makeUser(ctx, { org });
    await ctx.db.updateTable('users').set({ name: '何志松' }).where('id', '=', user.id).execute();
    const account = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin.client.headers,
      payload: { name: '何志松' },
    });
    expect(account.statusCode, account.body).toBe(200);
    const users = async (keyword: string) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/users?keyword=${keyword}&orgId=${org.id}`,
        headers: admin.client.read,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: number }[]).map((u) => u.id);
    };
    expect(await users('hezs')).toEqual([user.id]);
    expect(await users('hzs')).toEqual([user.id]);
    expect(await users('HZS')).toEqual([user.id]);
  });

  it('finds branches and orgs by full pinyin and initials', async () => {
    const admin = await signedInUser(ctx, { roles: ['city_staff'] });
    const org = await makeOrg(ctx.db, { name: '崇川区老干部局' });
    const branch = await makeBranch(ctx, admin.client, { orgId: org.id, name: '银发先锋党支部' });
    for (const keyword of ['yinfa', 'yfxf', 'YFXFDZB', '银发']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/branches?keyword=${keyword}&status=all`,
        headers: admin.client.read,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        (res.json().items as { id: number }[]).map((b) => b.id),
        keyword,
      ).toEqual([branch.id]);
    }
    for (const keyword of ['chongchuan', 'ccqlgbj']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/orgs?keyword=${keyword}`,
        headers: admin.client.read,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(
        (res.json() as { id: number }[]).map((o) => o.id),
        keyword,
      ).toEqual([org.id]);
    }
  });
});

describe('exportList', () => {
  it('builds the workbook in the worker, streams it, and audits the export with its filters', async () => {
    const admin = await signedInUser(ctx, { roles: ['city_staff'] });
    const org = await makeOrg(ctx.db, { name: '导出镇' });
    await makeBranch(ctx, admin.client, { orgId: org.id, name: '导出测试党支部' });
    vi.mocked(workers.runInWorker).mockClear();
    vi.mocked(write.writeXlsx).mockClear();
    const exports = [
      {
        url: `/api/branches/export?keyword=${encodeURIComponent('导出测试')}&orgId=${org.id}`,
        list: 'branches.branches',
      },
      { url: `/api/branches/meetings/export?orgId=${org.id}`, list: 'meetings.meetings' },
      { url: `/api/branches/meetings/matrix/export?orgId=${org.id}`, list: 'meetings.matrix' },
    ];
    for (const e of exports) {
      const res = await ctx.app.inject({ method: 'GET', url: e.url, headers: admin.client.read });
      expect(res.statusCode, `${e.url} ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      expect(wb.worksheets[0]?.rowCount, e.url).toBeGreaterThan(0);
    }
    const asked = vi.mocked(workers.runInWorker).mock.calls.map((c) => (c[1] as { list: string }).list);
    expect(asked).toEqual(exports.map((e) => e.list));
    expect(vi.mocked(write.writeXlsx)).not.toHaveBeenCalled();

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['summary', 'after'])
      .where('action', '=', 'branch.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('branches: 1 rows');
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      what: 'branches',
      rows: 1,
      filters: { keyword: '导出测试', orgId: org.id },
    });
  });

  it('refuses a record outside the scope with an ordinary error, before any byte', async () => {
    const county = await makeOrg(ctx.db, { kind: 'county' });
    const other = await makeOrg(ctx.db, { kind: 'county' });
    const city = await signedInUser(ctx, { roles: ['city_staff'] });
    const branch = await makeBranch(ctx, city.client, { orgId: other.id });
    const staff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/branches/${branch.id}/members/export`,
      headers: staff.client.read,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('branch.not_found');
  });
});

// Lives here rather than next to scripts/demo/brands.ts because vitest only collects server/**/*.test.ts.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRETARY_UNIT } from '../../scripts/demo/branches.ts';
import {
  DEMO_AWARDS_FROM,
  DEMO_TEXT_MARK,
  DEMO_UMBRELLA,
  PROVINCE_CASE_YEAR,
  PROVINCE_CASES,
} from '../../scripts/demo/brands.ts';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo/seed.ts';
import { addYears, today } from '../platform/calendar/days.ts';
import { signIn } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

type Client = Awaited<ReturnType<typeof signIn>>;
let city: Client;

/** One number from a query answering one row with one column `n`. */
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await query.execute(ctx.db)).rows[0] as { n: number | string }).n);

const get = async (client: Client, url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url, headers: client.read });
  expect(res.statusCode, url).toBe(200);
  return res.json();
};

interface Summary {
  id: number;
  name: string;
  state: string;
  status: string;
  systemId: number | null;
  cycleNo: number;
  cycleStart: string | null;
  cycleEnd: string | null;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  withdrawnOn: string | null;
}

/** Every brand of a list query, page by page. */
async function allBrands(client: Client, query = ''): Promise<{ items: Summary[]; total: number }> {
  const items: Summary[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await get(client, `/api/brands?pageSize=200&page=${page}${query}`);
    items.push(...res.items);
    total = res.total;
    if (items.length >= total || res.items.length === 0) break;
  }
  return { items, total };
}

const lastAwardYear = Math.min(Number(today().slice(0, 4)) - 1, 2025);

beforeAll(async () => {
  expect(await seedDemo(ctx.db, ctx.config, () => {}, { count: 12_000, lixiu: 240 })).toBe(true);
  city = await signIn(ctx, 'city', DEMO_PASSWORD);
}, 120_000);

describe('the demo brands', () => {
  it('are about 120 branch brands under the umbrella brand, most of them approved', async () => {
    const systems = (await get(city, '/api/brands/systems')) as {
      id: number;
      name: string;
      brandCount: number;
    }[];
    expect(systems.map((s) => s.name)).toEqual([DEMO_UMBRELLA]);
    const umbrella = systems[0] as { id: number; brandCount: number };
    const { items, total } = await allBrands(city);
    expect(total).toBe(items.length);
    expect(total).toBeGreaterThanOrEqual(100);
    expect(total).toBeLessThanOrEqual(140);
    // Every brand is under the umbrella; its count is the approved ones (in a cycle or past it).
    expect(items.every((b) => b.systemId === umbrella.id)).toBe(true);
    expect((await get(city, `/api/brands?systemId=${umbrella.id}&pageSize=1`)).total).toBe(total);
    const byStatus = new Map<string, number>();
    for (const b of items) byStatus.set(b.status, (byStatus.get(b.status) ?? 0) + 1);
    for (const status of ['active', 'expired', 'withdrawn', 'draft', 'submitted', 'returned']) {
      expect((await get(city, `/api/brands?status=${status}&pageSize=1`)).total, status).toBe(
        byStatus.get(status) ?? 0,
      );
    }
    expect(umbrella.brandCount).toBe((byStatus.get('active') ?? 0) + (byStatus.get('expired') ?? 0));
    expect(byStatus.get('active')).toBeGreaterThan(total * 0.6);
    for (const s of ['expired', 'withdrawn']) expect(byStatus.get(s)).toBeGreaterThan(0);
    expect(byStatus.get('withdrawn')).toBeLessThan(10);
    // A handful still being applied for, and several in a later cycle.
    const open = ['draft', 'submitted', 'returned'].reduce((n, s) => n + (byStatus.get(s) ?? 0), 0);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThanOrEqual(8);
    expect(items.filter((b) => b.cycleNo >= 2).length).toBeGreaterThan(5);
    // Demo content says so; one brand per branch; standing and non-standing branches across the counties.
    expect(items.every((b) => b.name.endsWith('（演示）'))).toBe(true);
    expect(
      await count(sql`select count(*) as n from brands where idea not like ${`%${DEMO_TEXT_MARK}`}`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from (select branch_id from brands group by branch_id
        having count(*) > 1) x`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from brands b join branches br on br.id = b.branch_id
        where br.kind <> 'standing'`),
    ).toBeGreaterThan(5);
    // None on the city's own node, where nobody sits above the brand to approve or review it.
    expect(
      await count(sql`select count(*) as n from brands b join orgs o on o.id = b.org_id
        where o.parent_id is null`),
    ).toBe(0);
    expect(
      await count(sql`select count(distinct c.id) as n from brands b join orgs o on o.id = b.org_id
        join orgs c on c.kind = 'county' and o.path like c.path || '%'`),
    ).toBe(7);
  });

  it('have an application history that leads to their state, approvals starting their cycles', async () => {
    const { items } = await allBrands(city);
    const returnedOnce = { n: 0 };
    for (const b of items) {
      const history = (await get(city, `/api/brands/${b.id}/history`)) as {
        action: string;
        fromState: string | null;
        toState: string;
        comment: string | null;
        at: string;
      }[];
      expect(history[0]).toMatchObject({ action: 'start', fromState: null, toState: 'draft' });
      for (const [i, e] of history.entries()) {
        if (i > 0) {
          expect(e.fromState).toBe(history[i - 1]?.toState);
          expect(e.at >= (history[i - 1]?.at as string)).toBe(true);
        }
        if (e.action === 'return' || e.action === 'withdraw') expect(e.comment).toBeTruthy();
      }
      expect(history.at(-1)?.toState).toBe(b.state);
      if (history.some((e) => e.action === 'return')) returnedOnce.n++;
      // One cycle per approval; the current one starts on the last approval's day and lasts three years.
      const approvals = history.filter((e) => e.action === 'approve');
      expect(b.cycleNo).toBe(approvals.length);
      if (approvals.length > 0) {
        expect(b.cycleStart).toBe(approvals.at(-1)?.at.slice(0, 10));
        expect(b.cycleEnd).toBe(addYears(b.cycleStart as string, 3));
      }
      // A re-application comes only after the cycle before it ended.
      const reapplies = history.filter((e) => e.action === 'reapply');
      expect(reapplies.length).toBe(Math.max(0, approvals.length - 1));
      for (const [i, e] of reapplies.entries()) {
        const start = approvals[i]?.at.slice(0, 10) as string;
        expect(e.at.slice(0, 10) > addYears(start, 3)).toBe(true);
      }
    }
    expect(returnedOnce.n).toBeGreaterThan(3);
  });

  it('have yearly reviews that follow their cycles, a withdrawn brand a withdrawal review', async () => {
    const { items } = await allBrands(city);
    const on = today();
    let overdue = 0;
    for (const b of items.filter((x) => x.cycleNo > 0)) {
      const brand = await get(city, `/api/brands/${b.id}`);
      const history = (await get(city, `/api/brands/${b.id}/history`)) as { action: string; at: string }[];
      const starts = history.filter((e) => e.action === 'approve').map((e) => e.at.slice(0, 10));
      const reviews = brand.reviews as {
        cycleNo: number;
        cycleYear: number;
        dueOn: string;
        reviewedOn: string;
        verdict: string;
        deadline: string | null;
        reason: string | null;
        comments: string | null;
      }[];
      // Each review is of a year of its cycle, due on its anniversary or on the deadline of the
      // improvement before it; years in order, none reviewed in the future or before its cycle.
      let previous: (typeof reviews)[number] | null = null;
      for (const v of reviews) {
        const start = starts[v.cycleNo - 1] as string;
        expect(start).toBeDefined();
        expect(v.cycleYear).toBeGreaterThanOrEqual(1);
        expect(v.cycleYear).toBeLessThanOrEqual(3);
        expect(v.reviewedOn >= start && v.reviewedOn < on).toBe(true);
        const sameYear = previous?.cycleNo === v.cycleNo && previous.cycleYear === v.cycleYear;
        if (sameYear) {
          expect(previous?.verdict).toBe('improve');
          expect(v.dueOn).toBe(previous?.deadline);
        } else {
          expect(v.dueOn).toBe(addYears(start, v.cycleYear));
          if (previous?.cycleNo === v.cycleNo) expect(v.cycleYear).toBe(previous.cycleYear + 1);
          else expect(v.cycleYear).toBe(1);
        }
        if (v.verdict === 'improve') expect(v.deadline && v.deadline > v.reviewedOn).toBe(true);
        if (v.verdict === 'withdraw') expect(v.reason).toBeTruthy();
        else expect(v.reason).toBeNull();
        if (v.verdict === 'improve') expect(v.comments).toBeTruthy();
        previous = v;
      }
      // Every year of an ended cycle was reviewed before the next cycle began.
      for (let c = 1; c < b.cycleNo; c++) {
        const passed = reviews.filter((v) => v.cycleNo === c && v.verdict === 'pass').map((v) => v.cycleYear);
        expect([...new Set(passed)].sort()).toEqual([1, 2, 3]);
      }
      if (b.state === 'withdrawn') {
        const last = reviews.at(-1);
        expect(last?.verdict).toBe('withdraw');
        expect(b.withdrawnOn).toBe(last?.reviewedOn);
        expect(history.at(-1)?.action).toBe('withdraw');
        expect(b.nextReviewDue).toBeNull();
      } else {
        expect(reviews.some((v) => v.verdict === 'withdraw')).toBe(false);
        // The next review due is the schedule's first year not passed, as the module computes it.
        const next = (brand.schedule as { status: string; dueOn: string }[]).find(
          (y) => y.status !== 'passed',
        );
        expect(b.nextReviewDue).toBe(next?.dueOn ?? null);
      }
      if (b.reviewOverdue) overdue++;
    }
    // A few reviews overdue (due recently, not done yet), and the list's filter finds exactly those.
    expect((await get(city, '/api/brands?overdue=true&pageSize=1')).total).toBe(overdue);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(15);
    expect(
      await count(sql`select count(*) as n from brand_reviews where verdict = 'improve'`),
    ).toBeGreaterThan(3);
    expect(
      await count(sql`select count(*) as n from brand_inspections i join brands b on b.id = i.brand_id
        where i.inspected_on >= ${today()} or i.inspected_on < b.created_at
        or (b.withdrawn_on is not null and i.inspected_on > b.withdrawn_on)`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from brand_inspections`)).toBeGreaterThan(30);
  });

  it('give ten top brands every year, some excellent ones, and four provincial cases in 2020', async () => {
    for (let year = DEMO_AWARDS_FROM; year <= lastAwardYear; year++) {
      const top = await get(city, `/api/brands/awards?year=${year}&kind=top10&pageSize=200`);
      expect(top.total, `${year}`).toBe(10);
      expect(new Set(top.items.map((a: { brandId: number }) => a.brandId)).size).toBe(10);
      const excellent = await get(city, `/api/brands/awards?year=${year}&kind=excellent&pageSize=200`);
      expect(excellent.total).toBeGreaterThan(5);
      const tops = new Set(top.items.map((a: { brandId: number }) => a.brandId));
      expect(excellent.items.some((a: { brandId: number }) => tops.has(a.brandId))).toBe(false);
    }
    const cases = await get(city, `/api/brands/awards?year=${PROVINCE_CASE_YEAR}&kind=province_case`);
    expect(cases.total).toBe(PROVINCE_CASES);
    // Each selection's brand is approved, not withdrawn, and was first approved by the year selected.
    expect(
      await count(sql`select count(*) as n from brand_awards a join brands b on b.id = a.brand_id
        join workflow_items w on w.workflow = 'brand' and w.record_id = b.id
        where w.state <> 'approved' or a.org_id <> b.org_id or not exists (select 1 from workflow_events e
          where e.item_id = w.id and e.action = 'approve' and cast(substr(e.at, 1, 4) as integer) <= a.year)`),
    ).toBe(0);
    // The exhibition's export holds the same selections.
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/brands/awards/export?year=${PROVINCE_CASE_YEAR}`,
      headers: city.read,
    });
    expect(res.statusCode).toBe(200);
  });

  it('leave the demo accounts only a handful of open applications', async () => {
    // The open applications (drafted, submitted or returned) in a demo account's to-do list. Approved
    // brands are left out here: the workflow lists them too (withdraw and reapply start from
    // `approved`), which is the brands module's to-do rule, not the demo data's.
    const OPEN = ['draft', 'submitted', 'returned'];
    const openTodos = async (username: string) => {
      const client = await signIn(ctx, username, DEMO_PASSWORD);
      const res = await get(client, '/api/todos?workflow=brand&pageSize=200');
      expect(res.total).toBe(res.items.length);
      return (res.items as { workflow: string; state: string }[]).filter((t) => OPEN.includes(t.state));
    };
    const open = await count(
      sql`select count(*) as n from workflow_items where workflow = 'brand' and state in ('draft', 'submitted', 'returned')`,
    );
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThanOrEqual(8);
    // The city approves: it waits on exactly the submitted applications, a handful.
    const cityTodos = await openTodos('city');
    expect(cityTodos.length).toBeGreaterThan(0);
    expect(cityTodos.length).toBeLessThanOrEqual(5);
    expect(cityTodos.every((t) => t.state === 'submitted')).toBe(true);
    expect(cityTodos.length).toBe(
      await count(
        sql`select count(*) as n from workflow_items where workflow = 'brand' and state = 'submitted'`,
      ),
    );
    for (const username of ['rugao', 'secretary', 'unit']) {
      expect((await openTodos(username)).length).toBeLessThanOrEqual(3);
    }
  });

  it('are kept to their county: `rugao` sees only 如皋市 brands, the secretary their own', async () => {
    const rugao = await signIn(ctx, 'rugao', DEMO_PASSWORD);
    const seen = await allBrands(rugao);
    const county = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('name', '=', '如皋市')
      .executeTakeFirstOrThrow();
    const inCounty = await count(sql`select count(*) as n from brands b join orgs o on o.id = b.org_id
      where o.path like ${`${county.path}%`}`);
    expect(seen.total).toBe(inCounty);
    expect(seen.total).toBeGreaterThan(0);
    expect(seen.total).toBeLessThan((await allBrands(city)).total);
    const other = await ctx.db
      .selectFrom('brands as b')
      .innerJoin('orgs as o', 'o.id', 'b.org_id')
      .select('b.id')
      .where('o.path', 'not like', `${county.path}%`)
      .executeTakeFirstOrThrow();
    const res = await ctx.app.inject({ method: 'GET', url: `/api/brands/${other.id}`, headers: rugao.read });
    expect(res.statusCode).toBe(404);
    const awards = await get(rugao, '/api/brands/awards?pageSize=200');
    expect(awards.total).toBe(
      await count(sql`select count(*) as n from brand_awards a join orgs o on o.id = a.org_id
        where o.path like ${`${county.path}%`}`),
    );

    // Reviews and inspections come from the level above: `rugao` keeps only the brands below 如皋市.
    expect(
      await count(sql`select count(*) as n from (select brand_id, created_by from brand_reviews
          union all select brand_id, created_by from brand_inspections) x
        join users u on u.id = x.created_by join brands b on b.id = x.brand_id join orgs o on o.id = b.org_id
        where u.username = 'rugao' and (o.id = ${county.id} or o.path not like ${`${county.path}%`})`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from brand_reviews x join users u on u.id = x.created_by
        where u.username = 'rugao'`),
    ).toBeGreaterThan(0);

    const secretary = await signIn(ctx, 'secretary', DEMO_PASSWORD);
    const mine = await allBrands(secretary);
    expect(mine.items.some((b) => b.state === 'approved')).toBe(true);
    expect(mine.total).toBe(
      await count(sql`select count(*) as n from brands b join orgs o on o.id = b.org_id
        where o.name = ${SECRETARY_UNIT}`),
    );
  });
});

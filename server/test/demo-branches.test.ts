// Lives here rather than next to scripts/demo/branches.ts because vitest only collects server/**/*.test.ts.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { listDemoBranches, SECRETARY_UNIT } from '../../scripts/demo/branches.ts';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo/seed.ts';
import { today } from '../platform/calendar/days.ts';
import { loadKeyring } from '../platform/crypto/personal-data.ts';
import { signIn } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

/** One number from a query answering one row with one column `n`. */
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await query.execute(ctx.db)).rows[0] as { n: number | string }).n);

// 12,000 cadres (about 8,000 living party members) already give the document's branch counts.
beforeAll(async () => {
  expect(await seedDemo(ctx.db, ctx.config, () => {}, { count: 12_000, lixiu: 240 })).toBe(true);
}, 120_000);

describe('the demo branches', () => {
  it('are the 784 standing and 431 non-standing branches of the source document, with general branches', async () => {
    const kinds = await ctx.db
      .selectFrom('branches')
      .select((eb) => ['kind', eb.fn.countAll<number>().as('n')])
      .where('dissolved_on', 'is', null)
      .groupBy('kind')
      .execute();
    const of = (kind: string) => Number(kinds.find((k) => k.kind === kind)?.n ?? 0);
    expect(of('standing')).toBe(784);
    expect(of('functional') + of('joint') + of('thematic')).toBe(431);
    for (const kind of ['functional', 'joint', 'thematic']) expect(of(kind)).toBeGreaterThan(20);
    expect(of('general')).toBeGreaterThan(0);
    // Every general branch has branches under it, on its own org's subtree.
    expect(
      await count(sql`select count(*) as n from branches g where g.kind = 'general'
        and not exists (select 1 from branches c where c.parent_id = g.id)`),
    ).toBe(0);
    // The "N" all have a basis from the dictionary; the others none.
    expect(
      await count(sql`select count(*) as n from branches where (kind in ('functional', 'joint', 'thematic'))
        <> (basis is not null)`),
    ).toBe(0);
  });

  it('give every living party member exactly one primary membership, in a standing branch', async () => {
    const living = await count(
      sql`select count(*) as n from cadres where political_status in ('01', '02') and status = 'active'`,
    );
    expect(living).toBeGreaterThan(7000);
    expect(
      await count(sql`select count(distinct cadre_id) as n from branch_memberships
        where role = 'primary' and left_on is null`),
    ).toBe(living);
    expect(
      await count(sql`select count(*) as n from cadres c where political_status in ('01', '02')
        and status = 'active' and (select count(*) from branch_memberships m
          where m.cadre_id = c.id and m.role = 'primary' and m.left_on is null) <> 1`),
    ).toBe(0);
    // Some also take part in the "N", one or two branches each.
    const taking = await ctx.db
      .selectFrom('branch_memberships')
      .select((eb) => ['cadre_id', eb.fn.countAll<number>().as('n')])
      .where('role', '=', 'participating')
      .where('left_on', 'is', null)
      .groupBy('cadre_id')
      .execute();
    expect(taking.length).toBeGreaterThan(living / 5);
    expect(Math.max(...taking.map((t) => Number(t.n)))).toBe(2);
  });

  it('keep to the membership rules, with some history', async () => {
    // primary only in standing branches, participating only in the "N", nothing in general branches
    expect(
      await count(sql`select count(*) as n from branch_memberships m join branches b on b.id = m.branch_id
        where (m.role = 'primary') <> (b.kind = 'standing') or b.kind = 'general'`),
    ).toBe(0);
    // nobody dead or outside the party holds an open membership
    expect(
      await count(sql`select count(*) as n from branch_memberships m join cadres c on c.id = m.cadre_id
        where m.left_on is null and (c.status = 'deceased' or c.political_status not in ('01', '02'))`),
    ).toBe(0);
    // dates in order, nothing in the future, nobody before the branch was founded
    expect(
      await count(sql`select count(*) as n from branch_memberships m join branches b on b.id = m.branch_id
        where m.left_on < m.joined_on or m.joined_on > ${today()} or m.joined_on < b.founded_on`),
    ).toBe(0);
    // transfers point at the membership they opened, on the day the old one closed
    expect(
      await count(sql`select count(*) as n from branch_memberships m where m.transferred_to_id is not null`),
    ).toBeGreaterThan(100);
    expect(
      await count(sql`select count(*) as n from branch_memberships m
        join branch_memberships t on t.id = m.transferred_to_id
        where t.joined_on <> m.left_on or t.cadre_id <> m.cadre_id or t.role <> 'primary'`),
    ).toBe(0);
  });

  it('have a secretary each, committees among their members, and elections with due dates', async () => {
    const on = today();
    expect(
      await count(sql`select count(*) as n from branches b where not exists (select 1
        from branch_committee_members c where c.branch_id = b.id and c.post = 'secretary'
        and c.started_on <= ${on} and c.ended_on is null)`),
    ).toBe(0);
    // every current committee member is a current member of the branch (or of one under a general branch)
    expect(
      await count(sql`select count(*) as n from branch_committee_members c where c.ended_on is null
        and not exists (select 1 from branch_memberships m join branches b on b.id = m.branch_id
          where m.cadre_id = c.cadre_id and m.left_on is null
          and (b.id = c.branch_id or b.parent_id = c.branch_id))`),
    ).toBe(0);
    // single-holder posts never overlap
    expect(
      await count(sql`select count(*) as n from branch_committee_members a
        join branch_committee_members b on b.branch_id = a.branch_id and b.post = a.post and b.id > a.id
        where a.post <> 'deputy_secretary'
        and (a.ended_on is null or b.started_on <= a.ended_on)
        and (b.ended_on is null or a.started_on <= b.ended_on)`),
    ).toBe(0);
    // the branch's election dates follow its latest election; some are due soon or overdue
    expect(
      await count(sql`select count(*) as n from branches b where b.last_election_on is null
        or b.last_election_on <> (select max(e.held_on) from branch_elections e where e.branch_id = b.id)`),
    ).toBe(0);
    const total = await count(sql`select count(*) as n from branches`);
    const overdue = await count(sql`select count(*) as n from branches where next_election_due_on < ${on}`);
    expect(overdue).toBeGreaterThan(total * 0.02);
    expect(overdue).toBeLessThan(total * 0.2);
  });

  it('register mobile members of their branches, phones sealed', async () => {
    const rows = await ctx.db.selectFrom('branch_mobile_members').selectAll().execute();
    expect(rows.length).toBeGreaterThan(50);
    const keyring = loadKeyring(ctx.config.keysFile, true);
    for (const row of rows.slice(0, 20)) expect(keyring.open(row.contact_phone_enc)).toMatch(/^1\d{10}$/);
    expect(
      await count(sql`select count(*) as n from branch_mobile_members mm where not exists (select 1
        from branch_memberships m where m.branch_id = mm.branch_id and m.cadre_id = mm.cadre_id
        and m.left_on is null)`),
    ).toBe(0);
  });

  it('are read back with their members and secretaries', async () => {
    const branches = await listDemoBranches(ctx.db, today());
    expect(branches.filter((b) => b.kind === 'standing')).toHaveLength(784);
    for (const b of branches) {
      expect(b.secretaryId).not.toBeNull();
      if (b.kind !== 'general') expect(b.memberIds).toContain(b.secretaryId);
    }
  });

  it('give the demo branch secretary the org of a standing branch under the county of `rugao`', async () => {
    const account = await ctx.db
      .selectFrom('users as u')
      .innerJoin('role_assignments as a', 'a.user_id', 'u.id')
      .innerJoin('roles as r', 'r.id', 'a.role_id')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .innerJoin('orgs as p', 'p.id', 'o.parent_id')
      .select(['r.code', 'o.name', 'o.id as org_id', 'p.name as county'])
      .where('u.username', '=', 'secretary')
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ code: 'branch_secretary', name: SECRETARY_UNIT, county: '如皋市' });
    expect(
      await count(sql`select count(*) as n from branches where org_id = ${account.org_id}
        and kind = 'standing' and name = ${`${SECRETARY_UNIT}离退休干部第一党支部`}`),
    ).toBe(1);
  });
});

describe('the demo meetings', () => {
  it('cover the year in every meeting type, with attendance that adds up', async () => {
    const types = await ctx.db
      .selectFrom('branch_meetings')
      .select((eb) => ['type', eb.fn.countAll<number>().as('n')])
      .groupBy('type')
      .execute();
    expect(types).toHaveLength(7);
    expect(
      await count(sql`select count(*) as n from branch_meetings m where m.present_count > m.expected_count
        or m.present_count < 1 or m.present_count + (select count(*) from branch_meeting_absences a
          where a.meeting_id = m.id) <> m.expected_count or m.held_on >= ${today()}`),
    ).toBe(0);
    // the absent are members of the branch, with a reason
    expect(
      await count(sql`select count(*) as n from branch_meeting_absences a
        join branch_meetings m on m.id = a.meeting_id where a.reason = '' or a.cadre_id is null
        or not exists (select 1 from branch_memberships bm where bm.branch_id = m.branch_id
          and bm.cadre_id = a.cadre_id)`),
    ).toBe(0);
  });

  it('each have a review whose state is where its events lead, after the meeting', async () => {
    expect(
      await count(sql`select count(*) as n from branch_meetings m where (select count(*) from workflow_items w
        where w.workflow = 'meeting' and w.record_id = m.id) <> 1`),
    ).toBe(0);
    const items = await ctx.db
      .selectFrom('workflow_items as w')
      .innerJoin('branch_meetings as m', 'm.id', 'w.record_id')
      .select(['w.id', 'w.state', 'w.updated_at', 'm.held_on'])
      .where('w.workflow', '=', 'meeting')
      .execute();
    const events = await ctx.db.selectFrom('workflow_events').selectAll().orderBy('id').execute();
    const byItem = new Map<number, typeof events>();
    for (const e of events) byItem.set(e.item_id, [...(byItem.get(e.item_id) ?? []), e]);
    const now = new Date().toISOString();
    const states = new Map<string, number>();
    for (const item of items) {
      const chain = byItem.get(item.id) ?? [];
      expect(chain[0]).toMatchObject({ action: 'start', from_state: null, to_state: 'draft' });
      for (const [i, e] of chain.entries()) {
        if (i > 0) expect(e.from_state).toBe(chain[i - 1]?.to_state);
        if (e.action === 'return') expect(e.comment).toBeTruthy();
        expect(e.at.slice(0, 10) >= item.held_on && e.at <= now).toBe(true);
      }
      expect(chain.at(-1)?.to_state).toBe(item.state);
      expect(chain.at(-1)?.at).toBe(item.updated_at);
      states.set(item.state, (states.get(item.state) ?? 0) + 1);
    }
    expect(states.get('approved')).toBeGreaterThan(items.length * 0.8);
    for (const s of ['draft', 'submitted', 'returned']) expect(states.get(s)).toBeGreaterThan(0);
  });

  it('drive the matrix by the approved ones: most done, some branches behind', async () => {
    const year = Number(today().slice(0, 4));
    const city = await signIn(ctx, 'city', DEMO_PASSWORD);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/branches/meetings/matrix?year=${year}`,
      headers: city.read,
    });
    expect(res.statusCode).toBe(200);
    const { total } = res.json();
    if (today().slice(5) >= '03-01') {
      expect(total.rate).toBeGreaterThan(75);
      expect(total.rate).toBeLessThan(98);
      expect(total.behindBranches).toBeGreaterThan(total.branches * 0.1);
    }
    // One branch's grid counts exactly its approved meetings of the year.
    const branch = await ctx.db
      .selectFrom('branches')
      .select('id')
      .where('name', '=', `${SECRETARY_UNIT}离退休干部第一党支部`)
      .executeTakeFirstOrThrow();
    const grid = (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/branches/${branch.id}/meetings/matrix?year=${year}`,
        headers: city.read,
      })
    ).json();
    const held = Object.values(grid.cells as Record<string, { held: number }[]>)
      .flat()
      .reduce((sum, c) => sum + c.held, 0);
    expect(held).toBe(
      await count(sql`select count(*) as n from branch_meetings m join workflow_items w
        on w.workflow = 'meeting' and w.record_id = m.id and w.state = 'approved'
        where m.branch_id = ${branch.id} and m.held_on like ${`${year}-%`}`),
    );
  });

  it('leave the demo secretary a returned meeting and `rugao` meetings to review', async () => {
    const todos = async (username: string) => {
      const client = await signIn(ctx, username, DEMO_PASSWORD);
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/todos?pageSize=100',
        headers: client.read,
      });
      expect(res.statusCode).toBe(200);
      return res.json<{ total: number; items: { state: string; title: string; orgName: string }[] }>();
    };
    const mine = await todos('secretary');
    expect(mine.items.some((t) => t.state === 'returned' && t.title.startsWith(SECRETARY_UNIT))).toBe(true);
    const rugao = await todos('rugao');
    // Meetings submitted from below 如皋市 wait for its review; anything else on the list belongs to a
    // branch on 如皋市's own node, which its staff submit themselves (a draft or a returned meeting).
    expect(rugao.items.filter((t) => t.state === 'submitted').length).toBeGreaterThan(3);
    expect(rugao.items.filter((t) => t.state !== 'submitted').every((t) => t.orgName === '如皋市')).toBe(
      true,
    );
  });
});

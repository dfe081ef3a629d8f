// Lives here rather than next to scripts/demo/learning.ts because vitest only collects server/**/*.test.ts.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEARNING_FROM, DEMO_MARK, DEMO_VIDEO_BASE, TOUYAN } from '../../scripts/demo/learning.ts';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo/seed.ts';
import { today } from '../platform/calendar/days.ts';
import { type Client, signIn } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

/** One number from a query answering one row with one column `n`. */
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await query.execute(ctx.db)).rows[0] as { n: number | string }).n);

const lastYear = Number(today().slice(0, 4));
const years = Array.from({ length: lastYear - DEMO_LEARNING_FROM + 1 }, (_, i) => DEMO_LEARNING_FROM + i);

let city: Client;

// The same smaller roster as demo-branches.test.ts: the branches (and so their secretaries) are all there.
beforeAll(async () => {
  expect(await seedDemo(ctx.db, ctx.config, () => {}, { count: 12_000, lixiu: 240 })).toBe(true);
  city = await signIn(ctx, 'city', DEMO_PASSWORD);
}, 120_000);

const get = async <T>(url: string): Promise<T> => {
  const res = await ctx.app.inject({ method: 'GET', url, headers: city.read });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('the demo cloud lessons', () => {
  it('are about 120 lessons every year since 2019, all marked as demo content', async () => {
    const lessons = await ctx.db.selectFrom('learning_lessons').selectAll().execute();
    expect(lessons.length).toBeGreaterThanOrEqual(100);
    expect(lessons.length).toBeLessThanOrEqual(140);
    for (const l of lessons) {
      expect(l.title.endsWith(DEMO_MARK)).toBe(true);
      expect(l.published_on >= `${DEMO_LEARNING_FROM}-01-01` && l.published_on <= today()).toBe(true);
      if (l.kind === 'video') expect(l.url?.startsWith(DEMO_VIDEO_BASE)).toBe(true);
      else expect(l.kind === 'text' && l.body?.startsWith('【演示内容】')).toBe(true);
    }
    expect(lessons.filter((l) => l.kind === 'video').length).toBeGreaterThan(30);
    expect(lessons.filter((l) => l.kind === 'text').length).toBeGreaterThan(30);
    const perYear = await Promise.all(
      years.map((year) => get<{ lessons: number }>(`/api/learning/lessons/stats?year=${year}`)),
    );
    for (const stats of perYear) expect(stats.lessons).toBeGreaterThan(5);
    expect(perYear.reduce((sum, s) => sum + s.lessons, 0)).toBe(lessons.length);
  });

  it('were opened millions of times, each at least as often as it was studied', async () => {
    const perYear = await Promise.all(
      years.map((year) =>
        get<{ views: number; records: number }>(`/api/learning/lessons/stats?year=${year}`),
      ),
    );
    const views = perYear.reduce((sum, s) => sum + s.views, 0);
    expect(views).toBeGreaterThan(2_000_000);
    expect(views).toBe(await count(sql`select sum(views) as n from learning_lessons`));
    expect(
      await count(sql`select count(*) as n from learning_lessons l
        where l.views < (select count(*) from learning_records r where r.lesson_id = l.id)`),
    ).toBe(0);
  });

  it('have learning records by a subset of the living party members, after each lesson was published', async () => {
    const records = await count(sql`select count(*) as n from learning_records`);
    const learners = await count(sql`select count(distinct cadre_id) as n from learning_records`);
    const members = await count(
      sql`select count(*) as n from cadres where political_status in ('01', '02') and status = 'active'`,
    );
    expect(records).toBeGreaterThan(learners);
    expect(learners).toBeGreaterThan(members * 0.05);
    expect(learners).toBeLessThan(members * 0.3);
    expect(
      await count(sql`select count(*) as n from learning_records r join cadres c on c.id = r.cadre_id
        where c.political_status not in ('01', '02') or c.status <> 'active'`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from learning_records r
        join learning_lessons l on l.id = r.lesson_id
        where r.learned_on < l.published_on or r.learned_on > ${today()} or r.minutes < 1`),
    ).toBe(0);
    // Nobody is recorded twice for one lesson.
    expect(
      await count(sql`select count(*) as n from (select lesson_id, cadre_id from learning_records
        group by lesson_id, cadre_id having count(*) > 1) d`),
    ).toBe(0);
  });
});

describe('the demo 头雁工程 secretary training', () => {
  interface Stats {
    code: string;
    year: number;
    sessions: number;
    personTimes: number;
    people: number;
  }

  it('has a programme every year since 2019, over 700 person-times in all', async () => {
    const stats = (await get<Stats[]>('/api/learning/programmes/stats')).filter((s) => s.code === TOUYAN);
    expect(stats.map((s) => s.year).sort()).toEqual(years);
    for (const s of stats) {
      expect(s.sessions).toBeGreaterThan(0);
      expect(s.personTimes).toBeGreaterThan(0);
      expect(s.people).toBeLessThanOrEqual(s.personTimes);
    }
    const personTimes = stats.reduce((sum, s) => sum + s.personTimes, 0);
    expect(personTimes).toBeGreaterThan(700);
    // The figure is the attendance records themselves: one row, one person-time (人次).
    expect(personTimes).toBe(
      await count(sql`select count(*) as n from learning_attendance a
        join learning_sessions s on s.id = a.session_id
        join learning_programmes p on p.id = s.programme_id where p.code = ${TOUYAN}`),
    );
    const programmes = await ctx.db.selectFrom('learning_programmes').select('name').execute();
    for (const p of programmes) expect(p.name.endsWith(DEMO_MARK)).toBe(true);
  });

  it('is attended by branch secretaries in office on the day, no session in the future', async () => {
    expect(await count(sql`select count(*) as n from learning_sessions where held_on > ${today()}`)).toBe(0);
    expect(
      await count(sql`select count(*) as n from learning_attendance a
        join learning_sessions s on s.id = a.session_id
        where not exists (select 1 from branch_committee_members c
          where c.cadre_id = a.cadre_id and c.post = 'secretary'
          and c.started_on <= s.held_on and (c.ended_on is null or c.ended_on >= s.held_on))`),
    ).toBe(0);
    // Many different secretaries, some trained more than once over the years.
    const people = await count(sql`select count(distinct cadre_id) as n from learning_attendance`);
    expect(people).toBeGreaterThan(300);
    expect(people).toBeLessThan(await count(sql`select count(*) as n from learning_attendance`));
  });
});

describe('the demo online party branch', () => {
  it('has posts from branches, the counties and the city, read only by the branches’ own members', async () => {
    const posts = await ctx.db.selectFrom('learning_posts').selectAll().execute();
    expect(posts.length).toBeGreaterThan(50);
    expect(posts.every((p) => p.title.endsWith(DEMO_MARK) && p.published_at.slice(0, 10) < today())).toBe(
      true,
    );
    expect(posts.filter((p) => p.branch_id === null).length).toBeGreaterThan(4);
    // A read receipt is always by a member of the branch the post went to.
    expect(
      await count(sql`select count(*) as n from learning_post_reads r
        join learning_posts p on p.id = r.post_id
        where p.branch_id is null or not exists (select 1 from branch_memberships m
          where m.branch_id = p.branch_id and m.cadre_id = r.cadre_id)`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from learning_post_reads`)).toBeGreaterThan(100);
    // The demo secretary finds its branch's posts and the ones sent from above.
    const secretary = await signIn(ctx, 'secretary', DEMO_PASSWORD);
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/learning/posts?pageSize=100',
      headers: secretary.read,
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = res.json<{ total: number; items: { branchId: number | null }[] }>();
    expect(seen.items.filter((p) => p.branchId !== null).length).toBeGreaterThanOrEqual(6);
    expect(seen.items.some((p) => p.branchId === null)).toBe(true);
  });
});

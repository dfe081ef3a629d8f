// Lives here rather than next to scripts/demo/rounds.ts because vitest only collects server/**/*.test.ts.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRETARY_UNIT } from '../../scripts/demo/branches.ts';
import { DEMO_ROUNDS } from '../../scripts/demo/rounds.ts';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo/seed.ts';
import { getVersion } from '../modules/assessments/assessments.service.ts';
import { findingOf, outcomeOf } from '../modules/assessments/rounds.rules.ts';
import type { Figures } from '../modules/assessments/rounds.schema.ts';
import { signIn } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

/** One number from a query answering one row with one column `n`. */
const count = async (query: ReturnType<typeof sql>) =>
  Number(((await query.execute(ctx.db)).rows[0] as { n: number | string }).n);

let rounds: { id: number; name: string; year: number; status: string; version_id: number }[] = [];
let city: Awaited<ReturnType<typeof signIn>>;

// The roster of demo-branches.test.ts: 12,000 cadres already give the 784 standing branches.
beforeAll(async () => {
  expect(await seedDemo(ctx.db, ctx.config, () => {}, { count: 12_000, lixiu: 240 })).toBe(true);
  rounds = await ctx.db
    .selectFrom('assessment_rounds')
    .select(['id', 'name', 'year', 'status', 'version_id'])
    .orderBy('id')
    .execute();
  city = await signIn(ctx, 'city', DEMO_PASSWORD);
}, 180_000);

const figures = async (roundId: number) => {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/assessments/rounds/${roundId}/figures`,
    headers: city.read,
  });
  expect(res.statusCode).toBe(200);
  return res.json<Figures>();
};

describe('the demo assessment rounds', () => {
  it('are the three closed rounds of the source on the demo standard, its version frozen', async () => {
    expect(rounds.map((r) => [r.name, r.year, r.status])).toEqual([
      ['2019年第一轮', 2019, 'closed'],
      ['2020年第二轮', 2020, 'closed'],
      ['2020年第三轮', 2020, 'closed'],
    ]);
    const version = await ctx.db
      .selectFrom('assessment_standard_versions as v')
      .innerJoin('assessment_standards as s', 's.id', 'v.standard_id')
      .select(['v.id', 'v.status', 's.code'])
      .where('v.id', '=', rounds[0]?.version_id as number)
      .executeTakeFirstOrThrow();
    expect(version).toMatchObject({ status: 'frozen', code: 'liuyou' });
    expect(new Set(rounds.map((r) => r.version_id)).size).toBe(1);
    expect(await count(sql`select count(*) as n from assessment_rounds where status <> 'closed'`)).toBe(0);
  });

  it('take the standing branches founded by each round, all 784 in the third', async () => {
    for (const [i, round] of rounds.entries()) {
      const spec = DEMO_ROUNDS[i];
      const expected = await count(sql`select count(*) as n from branches where kind = 'standing'
        and dissolved_on is null and founded_on <= ${spec?.openedOn}`);
      expect(
        await count(sql`select count(*) as n from branch_assessments where round_id = ${round.id}`),
      ).toBe(expected);
      // only standing branches, each once
      expect(
        await count(sql`select count(*) as n from branch_assessments a join branches b on b.id = a.branch_id
          where a.round_id = ${round.id} and (b.kind <> 'standing' or b.founded_on > ${spec?.openedOn})`),
      ).toBe(0);
    }
    expect(
      await count(sql`select count(*) as n from branch_assessments where round_id = ${rounds[2]?.id}`),
    ).toBe(784);
  });

  it('give the source figures through the API for the third round: 784 compliant, 23 city, 10 province', async () => {
    const third = await figures(rounds[2]?.id as number);
    expect(third.total).toMatchObject({
      branches: 784,
      verified: 784,
      selfAssessing: 0,
      compliant: 784,
      notCompliant: 0,
      complianceRate: 100,
    });
    // Figures count each branch at its highest level: 13 city-only and 10 province, 23 city-level in all.
    expect(third.total.provinceDemonstrations).toBe(10);
    expect(third.total.cityDemonstrations + third.total.provinceDemonstrations).toBe(23);
    // spread over the counties
    expect(
      third.children.filter((c) => c.cityDemonstrations + c.provinceDemonstrations > 0).length,
    ).toBeGreaterThanOrEqual(5);
  });

  it('rise in compliance round by round, the API agreeing with the tables', async () => {
    const rates: number[] = [];
    for (const round of rounds) {
      const f = await figures(round.id);
      const compliant = await count(sql`select count(*) as n from branch_assessments
        where round_id = ${round.id} and result = 'compliant'`);
      const all = await count(sql`select count(*) as n from branch_assessments where round_id = ${round.id}`);
      expect(f.total.compliant).toBe(compliant);
      expect(f.total.branches).toBe(all);
      expect(f.total.notCompliant).toBe(all - compliant);
      expect(f.children.reduce((sum, c) => sum + c.compliant, 0) + f.direct.compliant).toBe(compliant);
      rates.push(f.total.complianceRate as number);
    }
    expect(rates[0]).toBeGreaterThan(55);
    expect(rates[0]).toBeLessThan(70);
    expect(rates[1]).toBeGreaterThan(80);
    expect(rates[1]).toBeLessThan(90);
    expect(rates[2]).toBe(100);
  });

  it('hold results that follow from the answers and checks under the rules', async () => {
    const version = await getVersion(ctx.db, undefined, rounds[0]?.version_id as number);
    const measures = version.dimensions.flatMap((d) => d.measures);
    expect(measures).toHaveLength(29);
    const assessments = await ctx.db
      .selectFrom('branch_assessments as a')
      .innerJoin('assessment_rounds as r', 'r.id', 'a.round_id')
      .select(['a.id', 'a.result', 'a.score', 'a.verification', 'r.pass_mark'])
      .execute();
    const answers = await ctx.db
      .selectFrom('assessment_answers')
      .select(['assessment_id', 'measure_id', 'verdict'])
      .execute();
    const checks = await ctx.db
      .selectFrom('assessment_checks')
      .select(['assessment_id', 'measure_id', 'stage', 'verdict'])
      .execute();
    const answerOf = new Map(answers.map((a) => [`${a.assessment_id}:${a.measure_id}`, a.verdict]));
    const checkOf = new Map(checks.map((c) => [`${c.assessment_id}:${c.measure_id}:${c.stage}`, c.verdict]));
    const modes = { full: 0, sampled: 0 };
    let requiredFailed = 0;
    let belowMark = 0;
    for (const a of assessments) {
      const findings = measures.map((m) => {
        const verdict = answerOf.get(`${a.id}:${m.id}`) ?? null;
        expect(verdict).not.toBeNull();
        if (m.rule === 'required') expect(verdict).not.toBe('not_applicable');
        // the county checked every answer; the city every one (full) or some (sampled)
        expect(checkOf.has(`${a.id}:${m.id}:review`)).toBe(true);
        if (a.verification === 'full') expect(checkOf.has(`${a.id}:${m.id}:verify`)).toBe(true);
        const review = checkOf.get(`${a.id}:${m.id}:review`) ?? null;
        const verify = checkOf.get(`${a.id}:${m.id}:verify`) ?? null;
        return { rule: m.rule, weight: m.weight, finding: findingOf(verdict, review, verify) };
      });
      expect(measures.some((m) => checkOf.has(`${a.id}:${m.id}:verify`))).toBe(true);
      const outcome = outcomeOf(findings, a.pass_mark);
      expect([a.result, a.score]).toEqual([outcome.result, outcome.score]);
      if (a.result === 'not_compliant') {
        const failed = findings.some((f) => f.rule === 'required' && f.finding !== 'met');
        if (failed) requiredFailed++;
        else belowMark++;
        expect(failed || (outcome.score ?? 100) < a.pass_mark).toBe(true);
      }
      modes[a.verification as 'full' | 'sampled']++;
    }
    expect(requiredFailed).toBeGreaterThan(0);
    expect(belowMark).toBeGreaterThan(0);
    expect(modes.full).toBeGreaterThan(0);
    expect(modes.sampled).toBeGreaterThan(modes.full);
  });

  it('rest on evidence: one stored demo image, cited per measure, named by the checks', async () => {
    expect(
      await count(sql`select count(distinct file_id) as n from assessment_evidence where kind = 'file'`),
    ).toBe(1);
    expect(
      await count(sql`select count(*) as n from assessment_evidence e left join files f on f.id = e.file_id
        where e.kind <> 'file' or f.mime <> 'image/png'`),
    ).toBe(0);
    // evidence only on measures that take files, and on answers that are not "not met"
    expect(
      await count(sql`select count(*) as n from assessment_evidence e
        join assessment_measures m on m.id = e.measure_id
        join assessment_answers a on a.assessment_id = e.assessment_id and a.measure_id = e.measure_id
        where (m.evidence_kinds not like '%document%' and m.evidence_kinds not like '%photo%')
          or a.verdict = 'not_met'`),
    ).toBe(0);
    // every check names only evidence of its own assessment and measure
    const checks = await ctx.db
      .selectFrom('assessment_checks')
      .select(['assessment_id', 'measure_id', 'verdict', 'evidence_ids', 'comment'])
      .execute();
    const evidence = await ctx.db
      .selectFrom('assessment_evidence')
      .select(['id', 'assessment_id', 'measure_id', 'file_id'])
      .execute();
    const byId = new Map(evidence.map((e) => [e.id, e]));
    const cited = new Set(evidence.map((e) => `${e.assessment_id}:${e.measure_id}`));
    for (const c of checks) {
      const ids = JSON.parse(c.evidence_ids) as number[];
      for (const id of ids) {
        expect(byId.get(id)).toMatchObject({ assessment_id: c.assessment_id, measure_id: c.measure_id });
      }
      if (c.verdict === 'no_evidence') expect(ids).toHaveLength(0);
      if (c.verdict !== 'agree') expect(c.comment).toBeTruthy();
      // agreeing with an answer that has evidence names it
      if (c.verdict === 'agree' && cited.has(`${c.assessment_id}:${c.measure_id}`)) {
        expect(ids.length).toBeGreaterThan(0);
      }
    }
    // a branch's evidence reads back through the API as a downloadable PNG
    const one = evidence.find((e) => e.file_id !== null);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/assessments/branch-assessments/${one?.assessment_id}/files/${one?.file_id}`,
      headers: city.read,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/png');
  });

  it('have each a history submitted → reviewed → verified by the demo accounts, some returned once', async () => {
    const items = await ctx.db
      .selectFrom('workflow_items as w')
      .innerJoin('branch_assessments as a', 'a.id', 'w.record_id')
      .innerJoin('assessment_rounds as r', 'r.id', 'a.round_id')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select([
        'w.id',
        'w.state',
        'w.updated_at',
        'a.verified_at',
        'r.created_at',
        'r.closed_at',
        'o.path',
        'o.name',
      ])
      .where('w.workflow', '=', 'assessment')
      .execute();
    expect(items).toHaveLength(await count(sql`select count(*) as n from branch_assessments`));
    const events = await ctx.db
      .selectFrom('workflow_events as e')
      .innerJoin('workflow_items as w', 'w.id', 'e.item_id')
      .selectAll('e')
      .where('w.workflow', '=', 'assessment')
      .orderBy('e.id')
      .execute();
    const byItem = new Map<number, typeof events>();
    for (const e of events) byItem.set(e.item_id, [...(byItem.get(e.item_id) ?? []), e]);
    const users = new Map(
      (await ctx.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.id, u.username]),
    );
    const rugao = await ctx.db
      .selectFrom('orgs')
      .select('path')
      .where('name', '=', '如皋市')
      .executeTakeFirstOrThrow();
    let returned = 0;
    for (const item of items) {
      const chain = byItem.get(item.id) ?? [];
      expect(chain[0]).toMatchObject({ action: 'start', from_state: null, to_state: 'self_assessing' });
      for (const [i, e] of chain.entries()) {
        if (i > 0) {
          expect(e.from_state).toBe(chain[i - 1]?.to_state);
          expect(e.at > (chain[i - 1]?.at as string)).toBe(true);
        }
        if (e.action === 'return' || e.action === 'send_back') expect(e.comment).toBeTruthy();
        expect(e.at >= (item.created_at as string) && e.at <= (item.closed_at as string)).toBe(true);
        if (e.action === 'verify' || e.action === 'send_back')
          expect(users.get(e.actor_id as number)).toBe('city');
        if ((e.action === 'review' || e.action === 'return') && item.path.startsWith(rugao.path)) {
          expect(users.get(e.actor_id as number)).toBe('rugao');
        }
        if (e.action === 'submit' && item.name === SECRETARY_UNIT) {
          expect(users.get(e.actor_id as number)).toBe('secretary');
        }
      }
      expect(chain.map((e) => e.action).filter((a) => a !== 'return' && a !== 'send_back')).toEqual(
        expect.arrayContaining(['start', 'submit', 'review', 'verify']),
      );
      expect(chain.at(-1)).toMatchObject({ action: 'verify', to_state: 'verified' });
      expect(item.state).toBe('verified');
      expect(chain.at(-1)?.at).toBe(item.verified_at);
      if (chain.some((e) => e.action === 'return')) returned++;
    }
    expect(returned).toBeGreaterThan(items.length * 0.03);
    expect(returned).toBeLessThan(items.length * 0.15);
  });

  it('name 23 city-level demonstration branches, 10 of them province-level, each compliant in its round', async () => {
    const demos = await ctx.db
      .selectFrom('assessment_demonstrations as d')
      .innerJoin('branch_assessments as a', 'a.id', 'd.assessment_id')
      .innerJoin('workflow_items as w', (j) =>
        j.onRef('w.record_id', '=', 'a.id').on('w.workflow', '=', 'assessment'),
      )
      .select([
        'd.level',
        'd.revoked_at',
        'd.named_on',
        'a.verified_at',
        'a.round_id',
        'a.branch_id',
        'a.result',
        'a.demo_level',
        'w.state',
      ])
      .execute();
    for (const d of demos) {
      expect(d).toMatchObject({ state: 'verified', result: 'compliant', revoked_at: null });
      expect(d.round_id).not.toBe(rounds[0]?.id);
      expect(d.named_on > (d.verified_at as string).slice(0, 10)).toBe(true);
    }
    const of = (level: string, round = rounds[2]?.id) =>
      new Set(demos.filter((d) => d.level === level && d.round_id === round).map((d) => d.branch_id));
    const [cityLevel, provinceLevel] = [of('city'), of('province')];
    expect(cityLevel.size).toBe(23);
    expect(provinceLevel.size).toBe(10);
    for (const id of provinceLevel) expect(cityLevel.has(id)).toBe(true);
    // those named in round 2 keep their levels in round 3
    for (const id of of('city', rounds[1]?.id)) expect(cityLevel.has(id)).toBe(true);
    expect(of('city', rounds[1]?.id).size).toBeGreaterThan(0);
    expect(
      await count(sql`select count(*) as n from branch_assessments a where a.demo_level is not null
        and a.demo_level <> (case when exists (select 1 from assessment_demonstrations d
          where d.assessment_id = a.id and d.level = 'province') then 'province' else 'city' end)`),
    ).toBe(0);
  });

  it('put the demo secretary branch in all three rounds and leave no round work in the demo to-do lists', async () => {
    const branch = await ctx.db
      .selectFrom('branches')
      .select('id')
      .where('name', '=', `${SECRETARY_UNIT}离退休干部第一党支部`)
      .executeTakeFirstOrThrow();
    const secretary = await signIn(ctx, 'secretary', DEMO_PASSWORD);
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/assessments/branches/${branch.id}/rounds`,
      headers: secretary.read,
    });
    expect(res.statusCode).toBe(200);
    const history = res.json<{ roundName: string; state: string; result: string }[]>();
    expect(history.map((h) => h.roundName).sort()).toEqual(DEMO_ROUNDS.map((r) => r.name).sort());
    expect(history.every((h) => h.state === 'verified')).toBe(true);
    for (const username of ['secretary', 'rugao', 'city']) {
      const client = username === 'secretary' ? secretary : await signIn(ctx, username, DEMO_PASSWORD);
      const todos = await ctx.app.inject({
        method: 'GET',
        url: '/api/todos?pageSize=100',
        headers: client.read,
      });
      expect(todos.statusCode).toBe(200);
      const titles = todos.json<{ items: { title: string }[] }>().items.map((t) => t.title);
      expect(titles.some((t) => DEMO_ROUNDS.some((r) => t.startsWith(r.name)))).toBe(false);
    }
  });
});

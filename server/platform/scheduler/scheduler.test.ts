import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../db/database.ts';
import { brandWorkflow } from '../../modules/brands/brands.workflow.ts';
import { REMINDER_SOURCES } from '../../schedule.ts';
import { makeBranch, makeIdNumber, makeOrg, signedInUser, uploadFile } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { addDays, addYears, dayOf } from '../calendar/days.ts';
import { INSTANCE_ID } from './instance.ts';
import { nextBureauHour, refreshReminders } from './reminders.ts';
import * as repo from './scheduler.repository.ts';
import { backoffDelay, enqueueJob, type JobDefinition, Scheduler, type SchedulerLog } from './scheduler.ts';

const ctx = await createTestApp();
// A second instance: its own connection (pool) to the same database.
const db2 = openDatabase(ctx.config);
afterAll(async () => {
  await db2.destroy();
});
const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
const staff = await signedInUser(ctx, { roles: ['city_staff'] });

const quiet: SchedulerLog = { info: () => {}, warn: () => {}, error: () => {} };
let clockAt = new Date('2026-03-02T02:00:00Z');
const clock = () => new Date(clockAt);
const advance = (ms: number) => {
  clockAt = new Date(clockAt.getTime() + ms);
};
const jobByKey = (key: string) =>
  ctx.db.selectFrom('scheduled_jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
const get = (url: string, client = admin.client) =>
  ctx.app.inject({ method: 'GET', url, headers: client.read });

function instance(db: typeof ctx.db, id: string, definitions: JobDefinition[]) {
  return new Scheduler({
    db,
    definitions,
    log: quiet,
    instanceId: id,
    clock: { now: clock },
    backoffMs: 30_000,
  });
}

describe('the scheduler', () => {
  // Each test starts with no jobs: a job left due by one would be taken by the next.
  beforeEach(async () => {
    await ctx.db.deleteFrom('scheduled_jobs').execute();
  });

  it('runs each due job exactly once with two instances on the same database', async () => {
    const ran: { n: number; by: string }[] = [];
    const counting = (by: string): JobDefinition => ({
      kind: 'test.count',
      run: async ({ payload }) => {
        ran.push({ n: (payload as { n: number }).n, by });
        await new Promise((r) => setTimeout(r, 2));
      },
    });
    const a = instance(ctx.db, 'instance-a', [counting('a')]);
    const b = instance(db2, 'instance-b', [counting('b')]);
    for (let n = 0; n < 40; n++) {
      await enqueueJob(
        ctx.db,
        { key: `count-${n}`, kind: 'test.count', payload: { n }, runAt: clock() },
        clock(),
      );
    }
    // Enqueuing the same key again adds nothing.
    await enqueueJob(db2, { key: 'count-0', kind: 'test.count', payload: { n: 0 }, runAt: clock() }, clock());
    // Both instances poll at once, each with several concurrent loops, as timers and restarts can make them.
    const counts = await Promise.all([
      a.runDue(),
      b.runDue(),
      a.runDue(),
      b.runDue(),
      a.runDue(),
      b.runDue(),
    ]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(40);
    expect(ran.map((r) => r.n).sort((x, y) => x - y)).toEqual([...Array(40).keys()]);
    const jobs = await ctx.db
      .selectFrom('scheduled_jobs')
      .selectAll()
      .where('kind', '=', 'test.count')
      .execute();
    expect(jobs).toHaveLength(40);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1 && j.lease_owner === null)).toBe(true);
    const runs = await ctx.db
      .selectFrom('scheduled_job_runs')
      .select(['job_id', 'outcome', 'instance_id'])
      .where(
        'job_id',
        'in',
        jobs.map((j) => j.id),
      )
      .execute();
    expect(runs).toHaveLength(40);
    expect(new Set(runs.map((r) => r.job_id)).size).toBe(40);
    expect(runs.every((r) => r.outcome === 'succeeded')).toBe(true);
    // Nothing is left to run.
    expect(await a.runDue()).toBe(0);
    expect(await b.runDue()).toBe(0);
  });

  it('keeps one row for a recurring job and runs each occurrence once', async () => {
    let runs = 0;
    const daily: JobDefinition = {
      kind: 'test.daily',
      next: (after) => nextBureauHour(after),
      run: async () => {
        runs++;
      },
    };
    const a = instance(ctx.db, 'instance-a', [daily]);
    const b = instance(db2, 'instance-b', [daily]);
    await Promise.all([a.start(), b.start()]);
    try {
      const rows = await ctx.db
        .selectFrom('scheduled_jobs')
        .selectAll()
        .where('key', '=', 'test.daily')
        .execute();
      expect(rows).toHaveLength(1);
      // 02:00 UTC is 10:00 in the bureau: the next 01:00 there is 17:00 UTC the same day.
      expect(rows[0]?.run_at).toBe('2026-03-02T17:00:00.000Z');
      await Promise.all([a.runDue(), b.runDue()]);
      expect(runs).toBe(0);
      advance(15 * 3_600_000);
      await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
      expect(runs).toBe(1);
      const after = await repo.findJob(ctx.db, rows[0]?.id as number);
      expect(after).toMatchObject({ status: 'pending', attempts: 0, run_at: '2026-03-03T17:00:00.000Z' });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('retries a failing job with growing delays, records every run, and shows them to the administrator', async () => {
    let calls = 0;
    const flaky: JobDefinition = {
      kind: 'test.flaky',
      run: async () => {
        calls++;
        if (calls < 3) throw new Error(`flaky failure ${calls}`);
      },
    };
    const a = instance(ctx.db, 'instance-a', [flaky]);
    await enqueueJob(ctx.db, { key: 'flaky-1', kind: 'test.flaky', runAt: clock() }, clock());
    expect(await a.runNext()).toBe(true);
    let job = await jobByKey('flaky-1');
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(job.run_at) - clockAt.getTime()).toBe(backoffDelay(1, 30_000));
    expect(job.last_error).toContain('flaky failure 1');
    // Not due before its delay.
    expect(await a.runNext()).toBe(false);
    advance(30_000);
    expect(await a.runNext()).toBe(true);
    job = await jobByKey('flaky-1');
    expect(Date.parse(job.run_at) - clockAt.getTime()).toBe(60_000);
    advance(60_000);
    expect(await a.runNext()).toBe(true);
    job = await jobByKey('flaky-1');
    expect(job).toMatchObject({ status: 'done', attempts: 3, last_error: null });

    const list = await get('/api/scheduler/jobs');
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((j: { key: string }) => j.key === 'flaky-1');
    expect(listed).toMatchObject({ kind: 'test.flaky', status: 'done', attempts: 3, maxAttempts: 5 });
    const runs = await get(`/api/scheduler/jobs/${listed.id}/runs`);
    expect(runs.json()).toMatchObject({
      total: 3,
      items: [
        { attempt: 3, outcome: 'succeeded', instanceId: 'instance-a', error: null },
        { attempt: 2, outcome: 'failed', error: expect.stringContaining('flaky failure 2') },
        { attempt: 1, outcome: 'failed', error: expect.stringContaining('flaky failure 1') },
      ],
    });
    expect((await get('/api/scheduler/jobs', staff.client)).statusCode).toBe(403);
    expect((await get('/api/scheduler/jobs/999999/runs')).statusCode).toBe(404);
  });

  it('gives up after the last attempt, and an administrator can run it again', async () => {
    let fail = true;
    const broken: JobDefinition = {
      kind: 'test.broken',
      maxAttempts: 2,
      run: async () => {
        if (fail) throw new Error('still broken');
      },
    };
    const a = instance(ctx.db, 'instance-a', [broken]);
    await enqueueJob(
      ctx.db,
      { key: 'broken-1', kind: 'test.broken', runAt: clock(), maxAttempts: 2 },
      clock(),
    );
    await a.runNext();
    advance(30_000);
    await a.runNext();
    const job = await jobByKey('broken-1');
    expect(job).toMatchObject({
      status: 'failed',
      attempts: 2,
      last_error: expect.stringContaining('still broken'),
    });
    advance(3_600_000);
    expect(await a.runNext()).toBe(false);

    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/scheduler/jobs/${job.id}/retry`,
      headers: staff.client.headers,
    });
    expect(refused.statusCode).toBe(403);
    const retried = await ctx.app.inject({
      method: 'POST',
      url: `/api/scheduler/jobs/${job.id}/retry`,
      headers: admin.client.headers,
    });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    fail = false;
    // The retry is due at the wall clock's now (the route has no other clock): take the test clock there.
    clockAt = new Date(Date.now() + 1000);
    expect(await a.runNext()).toBe(true);
    expect((await repo.findJob(ctx.db, job.id))?.status).toBe('done');
  });

  it('takes over a job whose instance died mid-run once its lease has run out, and runs it once', async () => {
    let runs = 0;
    const def: JobDefinition = {
      kind: 'test.lease',
      run: async () => {
        runs++;
      },
    };
    await enqueueJob(ctx.db, { key: 'lease-1', kind: 'test.lease', runAt: clock() }, clock());
    // The dead instance claimed it and started a run, then vanished.
    const claimed = await repo.claimNextJob(
      ctx.db,
      'instance-dead',
      clock().toISOString(),
      new Date(clockAt.getTime() + 60_000).toISOString(),
      ['test.lease'],
    );
    expect(claimed?.key).toBe('lease-1');
    await repo.insertRun(ctx.db, {
      jobId: claimed?.id as number,
      attempt: 1,
      instanceId: 'instance-dead',
      now: clock().toISOString(),
    });
    const b = instance(db2, 'instance-b', [def]);
    advance(30_000);
    expect(await b.runNext()).toBe(false);
    advance(31_000);
    expect(await b.runNext()).toBe(true);
    expect(await b.runNext()).toBe(false);
    expect(runs).toBe(1);
    const outcomes = await ctx.db
      .selectFrom('scheduled_job_runs')
      .select(['instance_id', 'outcome', 'attempt'])
      .where('job_id', '=', claimed?.id as number)
      .orderBy('id')
      .execute();
    expect(outcomes).toEqual([
      { instance_id: 'instance-dead', outcome: 'abandoned', attempt: 1 },
      { instance_id: 'instance-b', outcome: 'succeeded', attempt: 2 },
    ]);
  });
});

// ---- imports left running by a crash ----

const HEADERS = ['姓名', '身份证号码', '人员类别'];

async function upload(orgId: number, rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await uploadFile(ctx, staff.client, `/api/cadres/imports?targetOrgId=${orgId}`, {
    name: 'roster.xlsx',
    bytes,
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(res.json().id);
}

async function settle(id: number) {
  for (let i = 0; i < 400; i++) {
    const job = (await get(`/api/cadres/imports/${id}`, staff.client)).json();
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

const commit = (id: number) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/cadres/imports/${id}/commit`,
    headers: staff.client.headers,
    payload: { duplicates: 'skip' },
  });

describe('imports interrupted by a crash', () => {
  it('are marked interrupted when an instance starts, with a reason, and commit again successfully', async () => {
    const org = await makeOrg(ctx.db);
    const job = await upload(org.id, [
      ['陈立新', makeIdNumber('1947-03-03', '1'), '退休'],
      ['王桂兰', makeIdNumber('1949-09-09', '2'), '退休'],
    ]);
    expect(job).toMatchObject({ status: 'ready', preview: { validRows: 2, errorCount: 0 } });
    // The instance claimed the commit, then died before its worker wrote (a commit is one transaction,
    // so a crash leaves nothing written): the row says committing, under an instance with no heartbeat.
    await ctx.db
      .updateTable('jobs')
      .set({ status: 'committing', instance_id: 'instance-crashed' })
      .where('id', '=', job.id)
      .execute();
    // Another import is being validated right now by a live instance: it must be left alone.
    const other = await upload(org.id, [['赵明', makeIdNumber('1950-05-05', '1'), '退休']]);
    await repo.heartbeat(ctx.db, { id: 'instance-alive', host: 'h', pid: 1, now: new Date().toISOString() });
    await ctx.db
      .updateTable('jobs')
      .set({ status: 'validating', instance_id: 'instance-alive' })
      .where('id', '=', other.id)
      .execute();
    expect((await commit(job.id)).statusCode).toBe(409);

    // An instance starts (as main.ts starts it): its scheduler marks the orphan interrupted.
    const restartedDb = openDatabase(ctx.config);
    const restarted = await buildApp({
      config: ctx.config,
      db: restartedDb,
      logger: false,
      scheduler: { pollMs: 3_600_000 },
    });
    await restarted.ready();
    try {
      const seen = (await get(`/api/cadres/imports/${job.id}`, staff.client)).json();
      expect(seen).toMatchObject({
        status: 'interrupted',
        error: { code: 'job.interrupted', message: expect.stringContaining('中断') },
      });
      const alive = await ctx.db
        .selectFrom('jobs')
        .select('status')
        .where('id', '=', other.id)
        .executeTakeFirstOrThrow();
      expect(alive.status).toBe('validating');
      // The instance registered itself and its recurring jobs.
      const keys = (await ctx.db.selectFrom('scheduled_jobs').select('key').execute()).map((r) => r.key);
      expect(keys).toEqual(expect.arrayContaining(['reminders.refresh', 'jobs.recover']));
      const me = () =>
        ctx.db.selectFrom('app_instances').select('id').where('id', '=', INSTANCE_ID).execute();
      expect(await me()).toHaveLength(1);
    } finally {
      await restarted.close();
    }
    // A clean stop deregisters the instance (before the app closes its database).
    expect(
      await ctx.db.selectFrom('app_instances').select('id').where('id', '=', INSTANCE_ID).execute(),
    ).toEqual([]);
    const again = await commit(job.id);
    expect(again.statusCode, again.body).toBe(202);
    const done = await settle(job.id);
    expect(done).toMatchObject({ status: 'done', error: null, preview: { inserted: 2 } });
    const listed = (await get(`/api/cadres?orgId=${org.id}&status=all`, staff.client)).json();
    expect(listed.total).toBe(2);
    // Done is done: a third commit is refused as before.
    expect((await commit(job.id)).statusCode).toBe(409);
  }, 120_000);
});

// ---- reminders ----

describe('reminders', () => {
  it('finds 换届, brand reviews and 整寿 birthdays due soon, and shows each to those who may read it', async () => {
    const at = new Date();
    const today = dayOf(at);
    const county = await makeOrg(ctx.db, { kind: 'county' });
    const branch = await makeBranch(ctx, staff.client, { orgId: county.id });
    const later = await makeBranch(ctx, staff.client, { orgId: county.id });
    await ctx.db
      .updateTable('branches')
      .set({ next_election_due_on: addDays(today, 10) })
      .where('id', '=', branch.id)
      .execute();
    await ctx.db
      .updateTable('branches')
      .set({ next_election_due_on: addDays(today, 200) })
      .where('id', '=', later.id)
      .execute();
    const now = new Date().toISOString();
    const brand = await ctx.db
      .insertInto('brands')
      .values({
        branch_id: branch.id,
        org_id: county.id,
        name: '银发先锋',
        idea: '理念',
        practices: '做法',
        results: '成效',
        cycle_no: 1,
        cycle_start: addYears(addDays(today, 5), -1),
        cycle_end: addYears(addDays(today, 5), 2),
        next_review_due: addDays(today, 5),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('workflow_items')
      .values({
        workflow: brandWorkflow.name,
        record_id: brand.id,
        org_id: county.id,
        state: 'approved',
        title: '银发先锋',
        submitted_by: null,
        updated_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const eighty = addYears(addDays(today, 3), -80);
    const seventyOne = addYears(addDays(today, 2), -71);
    for (const [name, birth] of [
      ['寿星', eighty],
      ['常人', seventyOne],
    ] as const) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/cadres',
        headers: staff.client.headers,
        payload: { name, category: 'tuixiu', idNumber: makeIdNumber(birth, '1'), orgId: county.id },
      });
      expect(res.statusCode, res.body).toBe(201);
    }

    const counts = await refreshReminders(ctx.db, REMINDER_SOURCES, at);
    expect(counts).toMatchObject({ election_due: expect.any(Number), brand_review_due: expect.any(Number) });
    const mine = (await get(`/api/todos/reminders?pageSize=200`, staff.client)).json();
    const inCounty = mine.items.filter((r: { orgId: number }) => r.orgId === county.id);
    expect(
      inCounty.map((r: { kind: string; subjectId: number; dueOn: string }) => [r.kind, r.dueOn]),
    ).toEqual([
      ['birthday', addDays(today, 3)],
      ['brand_review_due', addDays(today, 5)],
      ['election_due', addDays(today, 10)],
    ]);
    expect(inCounty[0]).toMatchObject({
      kindLabel: { zh: '生日提醒', en: 'Birthday' },
      title: expect.stringContaining('80岁'),
    });
    expect(inCounty[2]).toMatchObject({ subjectId: branch.id, title: expect.stringContaining('换届') });

    // A county's staff see their county's; a brands-only reader sees only brand reviews.
    const other = await makeOrg(ctx.db, { kind: 'county' });
    const elsewhere = await signedInUser(ctx, { roles: ['county_staff'], org: other });
    const theirs = (await get('/api/todos/reminders?pageSize=200', elsewhere.client)).json();
    expect(theirs.items.filter((r: { orgId: number }) => r.orgId === county.id)).toEqual([]);
    const leader = await signedInUser(ctx, { roles: ['leader'], org: county });
    const kinds = (await get('/api/todos/reminders?kind=brand_review_due', leader.client)).json();
    expect(kinds.items.map((r: { kind: string }) => r.kind)).toEqual(['brand_review_due']);

    // The election held: the next refresh drops its reminder; a second refresh adds nothing twice.
    await ctx.db
      .updateTable('branches')
      .set({ next_election_due_on: addYears(today, 3) })
      .where('id', '=', branch.id)
      .execute();
    await refreshReminders(ctx.db, REMINDER_SOURCES, at);
    await refreshReminders(ctx.db, REMINDER_SOURCES, at);
    const after = (await get('/api/todos/reminders?pageSize=200', staff.client)).json();
    expect(
      after.items
        .filter((r: { orgId: number }) => r.orgId === county.id)
        .map((r: { kind: string }) => r.kind),
    ).toEqual(['birthday', 'brand_review_due']);
  });
});

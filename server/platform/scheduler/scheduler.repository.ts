// Every SQL statement of the scheduler: jobs, runs, instances, and the recovery of imports and exports
// left running by a dead instance.

import { type Kysely, sql } from 'kysely';
import { forUpdateSkipLocked } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { type PageRequest, pageOf } from '../lists/page.ts';

type Conn = Kysely<Database>;

/** Adds a job unless one with its key exists (a recurring job, or a one-off enqueued twice). */
export async function insertJobOnce(
  db: Conn,
  job: { key: string; kind: string; payload: unknown; runAt: string; maxAttempts: number; now: string },
) {
  await db
    .insertInto('scheduled_jobs')
    .values({
      key: job.key,
      kind: job.kind,
      payload: job.payload === undefined ? null : JSON.stringify(job.payload),
      run_at: job.runAt,
      status: 'pending',
      max_attempts: job.maxAttempts,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      created_at: job.now,
      updated_at: job.now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Takes the next due job of the given kinds (those this instance can run: during a rolling upgrade an
 * older instance leaves a newer kind alone) for `owner` until `leaseUntil`, in one statement: a
 * pending job whose time has come, or a running one whose lease ran out (its instance died). The outer WHERE repeats the
 * test, so on PostgreSQL a row another instance claimed first is not taken twice even without the
 * lock; SKIP LOCKED lets the other instances take the next rows meanwhile.
 */
export async function claimNextJob(
  db: Conn,
  owner: string,
  now: string,
  leaseUntil: string,
  kinds: readonly string[],
) {
  const due = (q: ReturnType<typeof jobs>) =>
    q.where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
      ]),
    );
  const jobs = () => db.selectFrom('scheduled_jobs');
  const candidate = forUpdateSkipLocked(
    db,
    due(jobs())
      .where('kind', 'in', kinds.length > 0 ? kinds : [''])
      .select('id')
      .orderBy('run_at')
      .orderBy('id')
      .limit(1),
  );
  return (
    db
      .updateTable('scheduled_jobs')
      .set({
        status: 'running',
        lease_owner: owner,
        lease_until: leaseUntil,
        attempts: sql`attempts + 1`,
        updated_at: now,
      })
      // `=` and not `in`: PostgreSQL evaluates a scalar subquery once (an InitPlan), whereas under `in` it
      // may rescan the LIMIT 1 … SKIP LOCKED subquery for every row and claim them all.
      .where('id', '=', candidate)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<', now)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst()
  );
}

/** Keeps a running job's lease; false when the job is no longer this owner's. */
export async function renewLease(db: Conn, id: number, owner: string, leaseUntil: string) {
  const r = await db
    .updateTable('scheduled_jobs')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a run of a job held by `owner`: done, failed, or due again at `runAt`. */
export async function settleJob(
  db: Conn,
  id: number,
  owner: string,
  patch: {
    status: 'pending' | 'done' | 'failed';
    runAt?: string;
    attempts?: number;
    error: string | null;
    now: string;
  },
) {
  const r = await db
    .updateTable('scheduled_jobs')
    .set({
      status: patch.status,
      ...(patch.runAt !== undefined && { run_at: patch.runAt }),
      ...(patch.attempts !== undefined && { attempts: patch.attempts }),
      last_error: patch.error,
      lease_owner: null,
      lease_until: null,
      updated_at: patch.now,
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the runs of a job that never ended (their instance died) as abandoned. */
export async function abandonOpenRuns(db: Conn, jobId: number, now: string) {
  await db
    .updateTable('scheduled_job_runs')
    .set({ outcome: 'abandoned', finished_at: now, error: 'lease expired' })
    .where('job_id', '=', jobId)
    .where('outcome', '=', 'running')
    .execute();
}

/** Records the start of a run. */
export async function insertRun(
  db: Conn,
  run: { jobId: number; attempt: number; instanceId: string; now: string },
) {
  const row = await db
    .insertInto('scheduled_job_runs')
    .values({
      job_id: run.jobId,
      attempt: run.attempt,
      instance_id: run.instanceId,
      started_at: run.now,
      finished_at: null,
      outcome: 'running',
      error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records how a run ended. */
export async function finishRun(
  db: Conn,
  id: number,
  outcome: 'succeeded' | 'failed',
  error: string | null,
  now: string,
) {
  await db
    .updateTable('scheduled_job_runs')
    .set({ outcome, error, finished_at: now })
    .where('id', '=', id)
    .execute();
}

/** Every job, soonest due first. */
export async function listJobs(db: Conn) {
  return db.selectFrom('scheduled_jobs').selectAll().orderBy('run_at').orderBy('id').execute();
}

/** One job. */
export async function findJob(db: Conn, id: number) {
  return db.selectFrom('scheduled_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of a job's runs, newest first. */
export async function listRuns(db: Conn, jobId: number, page: PageRequest) {
  return pageOf(
    db,
    db.selectFrom('scheduled_job_runs').selectAll().where('job_id', '=', jobId).orderBy('id', 'desc'),
    page,
  );
}

/** Makes a failed (or waiting) job due now, with its attempts counted afresh. */
export async function retryJob(db: Conn, id: number, now: string) {
  const r = await db
    .updateTable('scheduled_jobs')
    .set({ status: 'pending', run_at: now, attempts: 0, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'pending', 'done'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- instances ----

/** Registers this instance, or refreshes its heartbeat. */
export async function heartbeat(db: Conn, instance: { id: string; host: string; pid: number; now: string }) {
  await db
    .insertInto('app_instances')
    .values({
      id: instance.id,
      host: instance.host,
      pid: instance.pid,
      started_at: instance.now,
      heartbeat_at: instance.now,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: instance.now }))
    .execute();
}

/** Forgets an instance (clean stop), and instances silent since long before `staleBefore`. */
export async function removeInstances(db: Conn, id: string | null, staleBefore: string) {
  let q = db.deleteFrom('app_instances').where('heartbeat_at', '<', staleBefore);
  if (id)
    q = db
      .deleteFrom('app_instances')
      .where((eb) => eb.or([eb('id', '=', id), eb('heartbeat_at', '<', staleBefore)]));
  await q.execute();
}

/**
 * Marks imports and exports still in a running state whose instance is not alive (no heartbeat
 * since `aliveSince`, or none recorded) as interrupted, with the reason the user will see.
 * Answers the ids marked.
 */
export async function interruptOrphanJobs(db: Conn, aliveSince: string, error: string, now: string) {
  const rows = await db
    .updateTable('jobs')
    .set({ status: 'interrupted', error, updated_at: now })
    .where('status', 'in', ['validating', 'committing'])
    .where((eb) =>
      eb.or([
        eb('instance_id', 'is', null),
        eb(
          'instance_id',
          'not in',
          eb.selectFrom('app_instances as i').select('i.id').where('i.heartbeat_at', '>=', aliveSince),
        ),
      ]),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

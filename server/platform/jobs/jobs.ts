import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { INSTANCE_ID } from '../scheduler/instance.ts';

type Conn = Kysely<Database>;

/** States of a background job; `interrupted`: its instance stopped while it was validating or committing. */
export type JobStatus = 'validating' | 'ready' | 'committing' | 'done' | 'failed' | 'interrupted';

/** Creates a job row. */
export async function createJob(
  db: Conn,
  job: {
    kind: string;
    entity: string;
    userId: number;
    scopePath: string;
    fileId: number | null;
    options: unknown;
  },
) {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      entity: job.entity,
      user_id: job.userId,
      scope_path: job.scopePath,
      status: 'validating',
      file_id: job.fileId,
      options: JSON.stringify(job.options ?? null),
      result: null,
      error: null,
      created_at: now,
      updated_at: now,
      instance_id: INSTANCE_ID,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A job of one user (others' jobs are as missing). */
export async function findJob(db: Conn, id: number, userId: number) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Any job by id (inside a worker). */
export async function findJobById(db: Conn, id: number) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a job to a state, with its result or error. */
export async function setJob(
  db: Conn,
  id: number,
  patch: { status: JobStatus; result?: unknown; error?: unknown; options?: unknown },
) {
  await db
    .updateTable('jobs')
    .set({
      status: patch.status,
      ...(patch.result !== undefined && { result: JSON.stringify(patch.result) }),
      ...(patch.error !== undefined && { error: JSON.stringify(patch.error) }),
      ...(patch.options !== undefined && { options: JSON.stringify(patch.options) }),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves a job from one state to another only if it is still in the first: two clicks on "commit" (or
 * two instances) cannot both start the same job. Returns whether this caller won.
 */
export async function claimJob(db: Conn, id: number, from: JobStatus, to: JobStatus) {
  const r = await db
    .updateTable('jobs')
    .set({ status: to, instance_id: INSTANCE_ID, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const progress = new Map<number, { done: number; total: number }>();

/**
 * Progress of running jobs, kept by the process that runs them: a running import holds SQLite's write
 * lock, so its progress cannot go through the database. Other instances see the job's state only.
 */
export const jobProgress = {
  set: (id: number, done: number, total: number) => progress.set(id, { done, total }),
  get: (id: number) => progress.get(id) ?? null,
  clear: (id: number) => progress.delete(id),
};

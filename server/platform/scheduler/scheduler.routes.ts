import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { type App, actorOf } from '../http/types.ts';
import * as repo from './scheduler.repository.ts';
import {
  ListRunsQuery,
  type ScheduledJob,
  ScheduledJobListSchema,
  ScheduledJobRunPageSchema,
  ScheduledJobSchema,
} from './scheduler.schema.ts';

type JobRow = NonNullable<Awaited<ReturnType<typeof repo.findJob>>>;

function toJob(r: JobRow): ScheduledJob {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    runAt: r.run_at,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    updatedAt: r.updated_at,
  };
}

/** Makes a job due now with its attempts afresh (a failed one-off, or a recurring one run early). */
async function retry(db: Db, actor: Actor, id: number, now: Date) {
  const job = await repo.findJob(db, id);
  if (!job) throw new AppError('scheduler.job_not_found');
  if (job.status === 'running') throw new AppError('scheduler.job_running');
  if (!(await repo.retryJob(db, id, now.toISOString()))) throw new AppError('scheduler.job_running');
  await recordAudit(db, actor, {
    action: 'scheduler.retry',
    entity: 'scheduled_job',
    entityId: id,
    summary: job.key,
    before: { status: job.status, attempts: job.attempts, lastError: job.last_error },
  });
  return toJob((await repo.findJob(db, id)) as JobRow);
}

/** The scheduler's jobs and their runs, for the system administrator. */
export default async function schedulerRoutes(app: App) {
  const tags = ['scheduler'];

  app.get('/api/scheduler/jobs', {
    schema: {
      tags,
      summary: 'Scheduled jobs, soonest due first',
      response: { 200: ScheduledJobListSchema, ...errorResponses },
    },
    config: { access: 'scheduler:read' },
    handler: async () => ({ items: (await repo.listJobs(app.db)).map(toJob) }),
  });

  app.get('/api/scheduler/jobs/:id/runs', {
    schema: {
      tags,
      summary: "A job's runs, newest first: who ran it, when, and how it ended",
      params: IdParams,
      querystring: ListRunsQuery,
      response: { 200: ScheduledJobRunPageSchema, ...errorResponses },
    },
    config: { access: 'scheduler:read' },
    handler: async (req) => {
      if (!(await repo.findJob(app.db, req.params.id))) throw new AppError('scheduler.job_not_found');
      const { items, total } = await repo.listRuns(app.db, req.params.id, req.query);
      return {
        items: items.map((r) => ({
          id: r.id,
          attempt: r.attempt,
          instanceId: r.instance_id,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          outcome: r.outcome,
          error: r.error,
        })),
        total,
      };
    },
  });

  app.post('/api/scheduler/jobs/:id/retry', {
    schema: {
      tags,
      summary: 'Run a job again now, its attempts counted afresh (not while it runs)',
      params: IdParams,
      response: { 200: ScheduledJobSchema, ...errorResponses },
    },
    config: { access: 'scheduler:run' },
    handler: async (req) => retry(app.db, actorOf(req), req.params.id, app.clock.now()),
  });
}

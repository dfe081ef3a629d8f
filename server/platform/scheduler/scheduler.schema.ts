import { type Static, Type } from 'typebox';
import { Instant, Nullable, PageOf, PageQuery } from '../http/schemas.ts';

/** A durable job of the scheduler, as administrators see it. */
export const ScheduledJobSchema = Type.Object(
  {
    id: Type.Integer(),
    /** unique name: a recurring job's kind, or a one-off's own key */
    key: Type.String(),
    kind: Type.String(),
    /** next due (pending), or last due (done, failed) */
    runAt: Instant,
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('running'),
      Type.Literal('done'),
      Type.Literal('failed'),
    ]),
    /** runs begun for the current occurrence */
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    /** the instance running it now */
    leaseOwner: Nullable(Type.String()),
    leaseUntil: Nullable(Instant),
    lastError: Nullable(Type.String()),
    updatedAt: Instant,
  },
  { $id: 'ScheduledJob' },
);
export type ScheduledJob = Static<typeof ScheduledJobSchema>;

/** One run of a scheduled job. */
export const ScheduledJobRunSchema = Type.Object(
  {
    id: Type.Integer(),
    attempt: Type.Integer(),
    instanceId: Type.String(),
    startedAt: Instant,
    finishedAt: Nullable(Instant),
    /** abandoned: its instance stopped before it ended, and another took the job over */
    outcome: Type.Union([
      Type.Literal('running'),
      Type.Literal('succeeded'),
      Type.Literal('failed'),
      Type.Literal('abandoned'),
    ]),
    error: Nullable(Type.String()),
  },
  { $id: 'ScheduledJobRun' },
);

export const ScheduledJobListSchema = Type.Object({ items: Type.Array(ScheduledJobSchema) });
export const ScheduledJobRunPageSchema = PageOf(ScheduledJobRunSchema);
export const ListRunsQuery = Type.Object({ page: PageQuery.page, pageSize: PageQuery.pageSize });
export type ListRunsQuery = Static<typeof ListRunsQuery>;

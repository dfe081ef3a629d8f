// Durable jobs in the database, run on time and once, whatever the number of app instances: each
// instance polls, claims the next due job with a lease in one statement (scheduler.repository.ts,
// `claimNextJob`), runs it, and settles it only while it still holds the lease. A failed run is tried
// again later with exponential backoff, up to the job's attempts; every run is recorded. An instance
// that dies mid-run stops renewing its lease; when the lease runs out another instance takes the job
// over (so a job cut off by a crash runs again: handlers are written to be safe to repeat).
import os from 'node:os';
import type { Db } from '../../db/database.ts';
import { type Clock, systemClock } from '../calendar/clock.ts';
import { INSTANCE_ID } from './instance.ts';
import * as repo from './scheduler.repository.ts';

/** What a job's handler gets. */
export interface JobContext {
  db: Db;
  /** when the scheduler took the job (its clock: tests set it) */
  now: Date;
  payload: unknown;
  log: SchedulerLog;
}

/** A kind of job: its handler and, for recurring work, when it is due next. */
export interface JobDefinition {
  kind: string;
  run(ctx: JobContext): Promise<void>;
  /** recurring: the next time it is due after `after` (the first occurrence is `next(start)`) */
  next?: (after: Date) => Date;
  /** runs of one occurrence before it is given up as failed (default 5) */
  maxAttempts?: number;
}

/** The part of a logger the scheduler uses (pino's shape). */
export interface SchedulerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface SchedulerOptions {
  db: Db;
  definitions: readonly JobDefinition[];
  log: SchedulerLog;
  /** this instance's name (default: the process's INSTANCE_ID) */
  instanceId?: string;
  /** the clock (default: the real one; the app passes its own) */
  clock?: Clock;
  /** how often to look for due jobs (default 5 s) */
  pollMs?: number;
  /** how long a claim lasts without renewal (default 60 s; renewed every third of it) */
  leaseMs?: number;
  /** first retry delay, doubled at each failure up to an hour (default 30 s) */
  backoffMs?: number;
  /** work to do once at start, after the instance is registered (recovering interrupted imports) */
  onStart?: (scheduler: Scheduler) => Promise<void>;
}

/** An instance whose heartbeat is older than this is taken for dead. */
export const INSTANCE_STALE_MS = 60_000;
const HEARTBEAT_MS = 15_000;
const MAX_BACKOFF_MS = 3_600_000;

/** Delay before retry number `attempt` (1 = after the first failure): base, 2×base, 4×base… at most an hour. */
export function backoffDelay(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
}

/** Adds a one-off job, due at `runAt`; a second call with the same key adds nothing. */
export async function enqueueJob(
  db: Db,
  job: { key: string; kind: string; payload?: unknown; runAt: Date; maxAttempts?: number },
  now = new Date(),
) {
  await repo.insertJobOnce(db, {
    key: job.key,
    kind: job.kind,
    payload: job.payload,
    runAt: job.runAt.toISOString(),
    maxAttempts: job.maxAttempts ?? 5,
    now: now.toISOString(),
  });
}

/** The scheduler of one app instance. */
export class Scheduler {
  readonly instanceId: string;
  private readonly definitions: Map<string, JobDefinition>;
  readonly clock: Clock;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoffMs: number;
  private pollTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private halted = false;

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? INSTANCE_ID;
    this.definitions = new Map(options.definitions.map((d) => [d.kind, d]));
    this.clock = options.clock ?? systemClock;
    this.pollMs = options.pollMs ?? 5_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.backoffMs = options.backoffMs ?? 30_000;
  }

  private get db() {
    return this.options.db;
  }

  /** Registers the instance, adds the recurring jobs that are missing, runs `onStart`, and starts polling. */
  async start() {
    await this.beat();
    const now = this.clock.now();
    for (const d of this.definitions.values()) {
      if (!d.next) continue;
      await repo.insertJobOnce(this.db, {
        key: d.kind,
        kind: d.kind,
        payload: null,
        runAt: d.next(now).toISOString(),
        maxAttempts: d.maxAttempts ?? 5,
        now: now.toISOString(),
      });
    }
    await this.options.onStart?.(this);
    this.heartbeatTimer = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
    this.schedulePoll();
  }

  private schedulePoll() {
    if (this.halted) return;
    this.pollTimer = setTimeout(() => {
      this.running = this.runDue()
        .then(() => undefined)
        .catch((error) => this.options.log.error({ err: error }, 'scheduler poll failed'))
        .finally(() => {
          this.running = null;
          this.schedulePoll();
        });
    }, this.pollMs);
    this.pollTimer.unref();
  }

  /** Refreshes this instance's heartbeat (a failure is logged: on SQLite a long import may hold the write lock). */
  async beat() {
    try {
      await repo.heartbeat(this.db, {
        id: this.instanceId,
        host: os.hostname(),
        pid: process.pid,
        now: this.clock.now().toISOString(),
      });
    } catch (error) {
      this.options.log.warn({ err: error }, 'scheduler heartbeat failed');
    }
  }

  /** Runs every job due now, one after another; answers how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    while (!this.halted) {
      if (!(await this.runNext())) break;
      ran++;
      if (ran >= 100) break;
    }
    return ran;
  }

  /** Claims and runs the next due job, if any; answers whether one ran. */
  async runNext(): Promise<boolean> {
    const now = this.clock.now();
    const job = await repo.claimNextJob(
      this.db,
      this.instanceId,
      now.toISOString(),
      new Date(now.getTime() + this.leaseMs).toISOString(),
      [...this.definitions.keys()],
    );
    if (!job) return false;
    await repo.abandonOpenRuns(this.db, job.id, now.toISOString());
    const runId = await repo.insertRun(this.db, {
      jobId: job.id,
      attempt: job.attempts,
      instanceId: this.instanceId,
      now: now.toISOString(),
    });
    const definition = this.definitions.get(job.kind);
    const renew = setInterval(() => {
      const until = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
      repo.renewLease(this.db, job.id, this.instanceId, until).catch(() => undefined);
    }, this.leaseMs / 3);
    renew.unref();
    let error: string | null = null;
    try {
      if (!definition) throw new Error(`no handler for job kind '${job.kind}'`);
      await definition.run({
        db: this.db,
        now,
        payload: job.payload ? JSON.parse(job.payload) : null,
        log: this.options.log,
      });
    } catch (e) {
      error = (e as Error)?.stack ?? String(e);
      this.options.log.error({ err: e, job: job.key, attempt: job.attempts }, 'scheduled job failed');
    } finally {
      clearInterval(renew);
    }
    const end = this.clock.now();
    await repo.finishRun(this.db, runId, error ? 'failed' : 'succeeded', error, end.toISOString());
    await repo.settleJob(this.db, job.id, this.instanceId, this.settlement(job, definition, error, end));
    return true;
  }

  /** What becomes of a job after a run: done, due again (retry or next occurrence), or failed. */
  private settlement(
    job: { attempts: number; max_attempts: number },
    definition: JobDefinition | undefined,
    error: string | null,
    end: Date,
  ) {
    const now = end.toISOString();
    if (error && job.attempts < job.max_attempts) {
      const runAt = new Date(end.getTime() + backoffDelay(job.attempts, this.backoffMs)).toISOString();
      return { status: 'pending' as const, runAt, error, now };
    }
    // Recurring work goes on to its next occurrence even after its retries ran out; the error stays.
    if (definition?.next) {
      return {
        status: 'pending' as const,
        runAt: definition.next(end).toISOString(),
        attempts: 0,
        error,
        now,
      };
    }
    return { status: error ? ('failed' as const) : ('done' as const), error, now };
  }

  /** Stops polling, waits for the job in hand (at most `waitMs`), and deregisters the instance. */
  async stop(waitMs = 10_000) {
    this.halted = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.pollTimer = null;
    this.heartbeatTimer = null;
    if (this.running) {
      const timeout = new Promise((resolve) => setTimeout(resolve, waitMs).unref());
      await Promise.race([this.running, timeout]);
    }
    try {
      await repo.removeInstances(
        this.db,
        this.instanceId,
        new Date(this.clock.now().getTime() - 24 * 3_600_000).toISOString(),
      );
    } catch (error) {
      this.options.log.warn({ err: error }, 'scheduler could not deregister');
    }
  }
}

// Imports and exports (`jobs`, platform/jobs) run in a worker of the instance that started them. When
// that instance dies (a crash, a kill, a power cut), the job's row stays in `validating` or
// `committing` for ever, and a second commit answered 409. Here such rows are found — their instance
// has no recent heartbeat — and marked interrupted with a reason the user sees; the import can then
// be run again (cadres.transfer.ts `commitImport`). A commit is one transaction, so an interrupted
// commit wrote nothing.
import type { Db } from '../../db/database.ts';
import * as repo from './scheduler.repository.ts';
import { INSTANCE_STALE_MS, type JobDefinition } from './scheduler.ts';

/** The error an interrupted job carries (its message: errors.ts `job.interrupted`). */
export const INTERRUPTED = JSON.stringify({ code: 'job.interrupted' });

/** Marks running imports and exports of dead instances interrupted; answers their ids. */
export async function recoverInterruptedJobs(db: Db, now: Date): Promise<number[]> {
  return repo.interruptOrphanJobs(
    db,
    new Date(now.getTime() - INSTANCE_STALE_MS).toISOString(),
    INTERRUPTED,
    now.toISOString(),
  );
}

/**
 * The same, every minute: at start an instance cannot yet tell a crashed instance from one still
 * running (its heartbeat may be fresh), so the check repeats until the dead one's heartbeat is stale.
 */
export const recoverJobsJob: JobDefinition = {
  kind: 'jobs.recover',
  next: (after) => new Date(Math.floor(after.getTime() / 60_000) * 60_000 + 60_000),
  run: async ({ db, now, log }) => {
    const ids = await recoverInterruptedJobs(db, now);
    if (ids.length > 0)
      log.warn({ jobs: ids }, 'imports and exports of a stopped instance marked interrupted');
  },
};

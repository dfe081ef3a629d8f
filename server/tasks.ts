/**
 * Every task that runs in a worker thread, by name. Registered explicitly, like the modules in app.ts;
 * each entry loads its module only inside the worker.
 */
import type { Task } from './platform/jobs/workers.ts';

export const TASKS = {
  'cadres.import.validate': async () =>
    (await import('./modules/cadres/cadres.import.ts')).validateImportTask,
  'cadres.import.commit': async () => (await import('./modules/cadres/cadres.import.ts')).commitImportTask,
  'cadres.export': async () => (await import('./modules/cadres/cadres.export.ts')).exportTask,
} satisfies Record<string, () => Promise<Task<never, unknown>>>;

export type TaskName = keyof typeof TASKS;

/**
 * Every task that runs in a worker thread, by name, with the lane it runs in. Registered explicitly,
 * like the modules in app.ts; each entry loads its module only inside the worker.
 */
import type { Lane, Task } from './platform/jobs/workers.ts';

export const TASKS = {
  'cadres.import.validate': {
    lane: 'bulk',
    load: async () => (await import('./modules/cadres/cadres.import.ts')).validateImportTask,
  },
  'cadres.import.commit': {
    lane: 'bulk',
    load: async () => (await import('./modules/cadres/cadres.import.ts')).commitImportTask,
  },
  'lists.export': {
    lane: 'stream',
    load: async () => (await import('./platform/lists/export.ts')).exportTask,
  },
} satisfies Record<string, { lane: Lane; load: () => Promise<Task<never, unknown>> }>;

export type TaskName = keyof typeof TASKS;

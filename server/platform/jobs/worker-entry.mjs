// Bootstraps a worker thread: registers tsx when the worker module is TypeScript (development, tests),
// then loads it. Plain JavaScript, because nothing can be compiled before this runs.
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);

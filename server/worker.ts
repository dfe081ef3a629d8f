/**
 * The body of the task worker thread: opens the database and keys once from the configuration it was
 * given, then runs the tasks the parent sends, one at a time, reporting progress, chunks and results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { applyBulkWriteSettings } from './db/dialect.ts';
import { AppError } from './errors.ts';
import { loadKeyring } from './platform/crypto/personal-data.ts';
import { DiskFileStore } from './platform/files/files.ts';
import type { Lane, TaskContext, WorkerMessage, WorkerRequest } from './platform/jobs/workers.ts';
import { TASKS, type TaskName } from './tasks.ts';

const { config, lane } = workerData as { config: Config; lane: Lane };
const db = openDatabase(config);
if (lane === 'bulk') await applyBulkWriteSettings(db);
const keyring = loadKeyring(config.keysFile, false);
const files = new DiskFileStore(`${config.dataDir}/files`);
const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => parentPort?.postMessage(message, transfer);

let queue = Promise.resolve();

async function run({ id, task, input }: WorkerRequest) {
  const ctx: TaskContext = {
    db,
    config,
    keyring,
    files,
    progress: (done, total) => post({ id, type: 'progress', done, total }),
    emit: (bytes) => {
      const copy = new Uint8Array(bytes);
      post({ id, type: 'chunk', bytes: copy }, [copy.buffer as ArrayBuffer]);
    },
    report: (value) => post({ id, type: 'report', value }),
  };
  try {
    const fn = await TASKS[task as TaskName].load();
    post({ id, type: 'result', value: await fn(ctx, input as never) });
  } catch (error) {
    if (error instanceof AppError)
      post({ id, type: 'error', message: error.message, code: error.code, details: error.details });
    else post({ id, type: 'error', message: (error as Error)?.stack ?? String(error) });
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.task === 'stop') {
    // Finish what is queued, close the connection, and let the thread end.
    queue = queue.then(async () => {
      await db.destroy();
      parentPort?.close();
    });
    return;
  }
  queue = queue.then(() => run(request));
});

/**
 * The body of every worker thread: opens the database and keys from the configuration it was given,
 * runs one named task, reports progress, chunks and the result to the parent, and closes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { AppError } from './errors.ts';
import { loadKeyring } from './platform/crypto/personal-data.ts';
import { DiskFileStore } from './platform/files/files.ts';
import type { WorkerMessage } from './platform/jobs/workers.ts';
import { TASKS, type TaskName } from './tasks.ts';

const { task, input, config } = workerData as { task: TaskName; input: unknown; config: Config };
const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => parentPort?.postMessage(message, transfer);

const db = openDatabase(config);
try {
  const run = await TASKS[task]();
  const value = await run(
    {
      db,
      config,
      keyring: loadKeyring(config.keysFile, false),
      files: new DiskFileStore(`${config.dataDir}/files`),
      progress: (done, total) => post({ type: 'progress', done, total }),
      emit: (bytes) => {
        const copy = new Uint8Array(bytes);
        post({ type: 'chunk', bytes: copy }, [copy.buffer as ArrayBuffer]);
      },
    },
    input as never,
  );
  post({ type: 'result', value });
} catch (error) {
  if (error instanceof AppError)
    post({ type: 'error', message: error.message, code: error.code, details: error.details });
  else post({ type: 'error', message: (error as Error)?.stack ?? String(error) });
} finally {
  await db.destroy();
}

import { Worker } from 'node:worker_threads';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Keyring } from '../crypto/personal-data.ts';
import type { FileStore } from '../files/files.ts';

/** What a worker sends back while it runs. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'result'; value: unknown }
  | { type: 'error'; message: string; code?: string; details?: unknown };

/** What a task gets to work with inside its worker. */
export interface TaskContext {
  db: Db;
  config: Config;
  keyring: Keyring;
  files: FileStore;
  /** reports progress to the parent */
  progress(done: number, total: number): void;
  /** streams bytes to the parent (exports) */
  emit(bytes: Uint8Array): void;
}

/** A unit of long work that runs in a worker thread. */
export type Task<I, O> = (ctx: TaskContext, input: I) => Promise<O>;

export interface WorkerHandlers {
  onProgress?: (done: number, total: number) => void;
  onChunk?: (bytes: Uint8Array) => void;
}

const entry = new URL('./worker-entry.mjs', import.meta.url);
const workerModule = new URL('../../worker.ts', import.meta.url).href;

/** A failure inside a worker, carrying its stable code when it was an AppError. */
export class WorkerError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * Runs a named task (see server/tasks.ts) in a worker thread, so long work (imports, exports) never
 * blocks the event loop. The worker opens its own database connection from the same configuration.
 */
export function runInWorker<T>(
  task: string,
  input: unknown,
  config: Config,
  handlers: WorkerHandlers = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(entry, {
      workerData: { module: workerModule, task, input, config },
    });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') handlers.onProgress?.(message.done, message.total);
      else if (message.type === 'chunk') handlers.onChunk?.(message.bytes);
      else if (message.type === 'result') {
        settled = true;
        resolve(message.value as T);
      } else if (message.type === 'error') {
        settled = true;
        reject(new WorkerError(message.message, message.code, message.details));
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`worker for ${task} exited with ${code}`));
    });
  });
}

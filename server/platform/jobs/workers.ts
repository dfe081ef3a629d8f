import { Worker } from 'node:worker_threads';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { TASKS, type TaskName } from '../../tasks.ts';
import type { Keyring } from '../crypto/personal-data.ts';
import type { FileStore } from '../files/files.ts';

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
  /** tells the parent something it needs before the result (an export's file name, before its bytes) */
  report(value: unknown): void;
}

/** A unit of long work that runs in a worker thread. */
export type Task<I, O> = (ctx: TaskContext, input: I) => Promise<O>;

/** What the parent asks of the worker. */
export interface WorkerRequest {
  id: number;
  task: string;
  input: unknown;
}

/** What the worker sends back about one request. */
export type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'chunk'; bytes: Uint8Array }
  | { id: number; type: 'report'; value: unknown }
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; message: string; code?: string; details?: unknown };

export interface WorkerHandlers {
  onProgress?: (done: number, total: number) => void;
  onChunk?: (bytes: Uint8Array) => void;
  onReport?: (value: unknown) => void;
}

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

const entry = new URL('./worker-entry.mjs', import.meta.url);
const workerModule = new URL('../../worker.ts', import.meta.url).href;

interface Pending extends WorkerHandlers {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * One long-lived worker thread per database, started on first use: it loads the code and opens its
 * connection once, runs tasks one after another (long work never blocks the event loop, and two
 * imports never fight over SQLite's write lock), and may keep what one task learned for the next.
 */
class TaskWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly config: Config,
    private readonly lane: Lane,
  ) {}

  private start(): Worker {
    const worker = new Worker(entry, {
      workerData: { module: workerModule, config: this.config, lane: this.lane },
      ...(LANES[this.lane].resourceLimits && { resourceLimits: LANES[this.lane].resourceLimits }),
    });
    worker.unref();
    worker.on('message', (m: WorkerMessage) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.done, m.total);
      else if (m.type === 'chunk') p.onChunk?.(m.bytes);
      else if (m.type === 'report') p.onReport?.(m.value);
      else {
        this.pending.delete(m.id);
        if (m.type === 'result') p.resolve(m.value);
        else p.reject(new WorkerError(m.message, m.code, m.details));
      }
    });
    const fail = (error: Error) => {
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`task worker exited with ${code}`)));
    return worker;
  }

  run<T>(task: string, input: unknown, handlers: WorkerHandlers): Promise<T> {
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { ...handlers, resolve: resolve as (v: unknown) => void, reject });
      this.worker?.postMessage({ id, task, input } satisfies WorkerRequest);
    });
  }

  /** Asks the worker to finish its queue and close its database, then waits for it (at most 5 s). */
  async stop() {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ id: 0, task: 'stop', input: null } satisfies WorkerRequest);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') await worker.terminate();
  }
}

/**
 * The lanes tasks run in, each its own long-lived worker: `bulk` for imports (one writer at a time, and
 * a validated file's rows kept for its commit, so its heap is left to grow), `stream` for exports (reads
 * that stream out in batches: a small fixed heap keeps V8 collecting as it goes, so the server's memory
 * stays flat, and an export never waits behind an import).
 */
export const LANES = {
  bulk: { resourceLimits: undefined },
  stream: { resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 } },
} as const;
export type Lane = keyof typeof LANES;

const workers = new Map<string, TaskWorker>();
const keyOf = (config: Config) => `${config.DATABASE_URL ?? ''}|${config.dataDir}`;

/**
 * Runs a named task (see server/tasks.ts) in its lane's worker thread for this configuration's
 * database, so long work (imports, exports) never blocks the event loop.
 */
export function runInWorker<T>(
  task: TaskName,
  input: unknown,
  config: Config,
  handlers: WorkerHandlers = {},
): Promise<T> {
  const lane = TASKS[task].lane;
  const key = `${keyOf(config)}|${lane}`;
  let worker = workers.get(key);
  if (!worker) {
    worker = new TaskWorker(config, lane);
    workers.set(key, worker);
  }
  return worker.run<T>(task, input, handlers);
}

/** Stops the workers of a configuration (at shutdown). */
export async function stopWorkers(config: Config) {
  for (const lane of Object.keys(LANES)) {
    const key = `${keyOf(config)}|${lane}`;
    await workers.get(key)?.stop();
    workers.delete(key);
  }
}

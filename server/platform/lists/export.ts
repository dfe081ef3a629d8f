/**
 * Export of any list: its rows are read and written into an .xlsx inside the export worker (the
 * `stream` lane, decision 0008), never on the request path, and streamed to the caller as they are
 * written; each export is audited with the filters it used and the rows it wrote.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, isErrorCode, type Locale } from '../../errors.ts';
import { EXPORTS, type ExportInput, type ExportName } from '../../exports.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import { today } from '../calendar/days.ts';
import type { Keyring } from '../crypto/personal-data.ts';
import type { ColumnDef, Dictionaries } from '../excel/columns.ts';
import { writeXlsx } from '../excel/write.ts';
import type { Auth } from '../http/types.ts';
import { runInWorker, type Task, WorkerError } from '../jobs/workers.ts';

/** What a list's export reads with, inside the worker. */
export interface ExportContext {
  db: Db;
  keyring: Keyring;
  auth: Auth;
  locale: Locale;
}

type Rows = Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;

/** A list that can be exported: its columns and dictionaries, and how it is read. */
export interface ListExport<I> {
  columns: readonly ColumnDef[];
  /** the dictionaries the coded columns are labelled from (none: the columns carry their options) */
  dictionaries?(ctx: ExportContext): Promise<Dictionaries>;
  /**
   * Reads what is exported (or starts to: rows may be an async generator reading batch by batch) and
   * names it. A refusal thrown here (a record outside the caller's scope) reaches the caller as an
   * ordinary error reply, since no byte has been sent yet.
   */
  open(ctx: ExportContext, input: I): Promise<ExportContent>;
}

/** An export's sheet, file name and rows. */
export interface ExportContent {
  sheet: string;
  fileName: string;
  rows: Rows;
}

/** Declares a list's export (typed by its input). */
export const listExport = <I>(definition: ListExport<I>) => definition;

/** An export's file name: the list's name in the caller's language and today's date. */
export const datedName = (locale: Locale, zh: string, en: string) =>
  `${locale === 'en-US' ? en : zh}-${today()}.xlsx`;

/** What the export worker is asked. */
interface ExportTaskInput {
  list: ExportName;
  input: unknown;
  auth: Auth;
  locale: Locale;
}

/** The worker's side: names the file, then writes the rows into it as the parent streams them on. */
export const exportTask: Task<ExportTaskInput, { count: number }> = async (
  task,
  { list, input, auth, locale },
) => {
  const source = (await EXPORTS[list]()) as ListExport<unknown>;
  const ctx: ExportContext = { db: task.db, keyring: task.keyring, auth, locale };
  const { sheet, fileName, rows } = await source.open(ctx, input);
  const dictionaries = source.dictionaries ? await source.dictionaries(ctx) : new Map();
  task.report({ fileName });
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => task.emit(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', () => resolve());
    out.on('error', reject);
  });
  const count = await writeXlsx(out, sheet.slice(0, 31), source.columns, rows, dictionaries, locale, (n) =>
    task.progress(n, 0),
  );
  await ended;
  return { count };
};

/** What an export is and how it is audited. */
export interface ExportRequest<N extends ExportName> {
  list: N;
  input: ExportInput<N>;
  /** the filters the caller chose, as recorded in the audit log */
  filters: unknown;
  audit: {
    action: string;
    entity: string;
    entityId?: number | undefined;
    /** what was exported, in the summary: `${what}: ${rows} rows` */
    what: string;
    /** more to record beside the filters (e.g. that numbers were not masked) */
    extra?: Record<string, unknown>;
    note?: string;
  };
}

/** Where an export runs, and for whom. */
export interface ExportCaller {
  db: Db;
  config: Config;
  auth: Auth;
  actor: Actor;
  locale: Locale;
  log?: (error: unknown) => void;
}

/** An export on its way: the .xlsx stream and its file's name. */
export interface ExportedFile {
  stream: Readable;
  fileName: string;
}

const appError = (error: unknown) =>
  error instanceof WorkerError && isErrorCode(error.code)
    ? new AppError(error.code, error.details as never)
    : error;

/**
 * Runs a list's export in the worker and answers once its file is named: a refusal (a record outside
 * the scope, a filter naming an org not in it) still becomes an ordinary error reply. The bytes follow
 * as the worker writes them; the audit entry is written when the last row is, before the stream ends.
 */
export function exportList<N extends ExportName>(
  caller: ExportCaller,
  request: ExportRequest<N>,
): Promise<ExportedFile> {
  const stream = new PassThrough();
  return new Promise<ExportedFile>((resolve, reject) => {
    let named = false;
    runInWorker<{ count: number }>(
      'lists.export',
      {
        list: request.list,
        input: request.input,
        auth: caller.auth,
        locale: caller.locale,
      } satisfies ExportTaskInput,
      caller.config,
      {
        onReport: (report) => {
          named = true;
          resolve({ stream, fileName: (report as { fileName: string }).fileName });
        },
        onChunk: (bytes) => stream.write(bytes),
      },
    )
      .then(async ({ count }) => {
        const { audit } = request;
        await recordAudit(caller.db, caller.actor, {
          action: audit.action,
          entity: audit.entity,
          ...(audit.entityId !== undefined && { entityId: audit.entityId }),
          summary: `${audit.what}: ${count} rows${audit.note ? `, ${audit.note}` : ''}`,
          after: { what: audit.what, filters: request.filters, rows: count, ...audit.extra },
        });
        stream.end();
      })
      .catch((error) => {
        if (!named) return reject(appError(error));
        caller.log?.(error);
        stream.destroy(error as Error);
      });
  });
}

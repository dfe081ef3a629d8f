import type { Db } from '../../db/database.ts';
import { refreshStatistics } from '../../db/dialect.ts';
import { AppError } from '../../errors.ts';
import { pathInScope, type Scope, WHOLE_TREE } from '../../platform/access/scope.ts';
import { recordAuditMany } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import type { ColumnDef } from '../../platform/excel/columns.ts';
import { convertRow, isBlankRow, mapHeaders } from '../../platform/excel/convert.ts';
import { reason } from '../../platform/excel/messages.ts';
import { fileKind, readRows } from '../../platform/excel/read.ts';
import { findFile, readWhole } from '../../platform/files/files.ts';
import { findJobById, setJob } from '../../platform/jobs/jobs.ts';
import type { Task, TaskContext } from '../../platform/jobs/workers.ts';
import { codeOptions } from '../dictionaries/dictionaries.service.ts';
import { listOrgs } from '../orgs/orgs.service.ts';
import { CADRE_COLUMN_DICTIONARIES, CADRE_COLUMNS } from './cadres.columns.ts';
import * as repo from './cadres.repository.ts';
import { type CadreFacts, checkCadre, type Derived } from './cadres.rules.ts';
import type { CreateCadreBody } from './cadres.schema.ts';
import { searchTerms } from './cadres.search.ts';
import { loadCodeSets, toColumns, toInput } from './cadres.service.ts';

/** What a user chose when starting an import. */
export interface ImportOptions {
  /** the org new people go to when the sheet names none; the subtree org names are looked up in */
  targetOrgId: number;
  /** what to do with people already on the roster: update them, or leave them as they are */
  duplicates?: 'update' | 'skip';
}

/** One bad cell: row and column as the user sees them in Excel, and why. */
export interface ImportError {
  row: number;
  column: string;
  columnEn: string;
  zh: string;
  en: string;
}

/** A row whose person is already on the roster. */
export interface ImportDuplicate {
  row: number;
  name: string;
  existingId: number;
  existingName: string;
}

/** What validation found; the console shows it as the preview. */
export interface ImportPreview {
  totalRows: number;
  validRows: number;
  newRows: number;
  errorCount: number;
  errors: ImportError[];
  duplicateCount: number;
  duplicates: ImportDuplicate[];
}

const SHOWN = 2000;

interface ValidRow {
  row: number;
  body: CreateCadreBody;
  derived: Derived;
  bidx: string;
  existingId: number | null;
  /** the fields the sheet filled in (an update changes only these; "现管单位" counts as orgId) */
  filled: string[];
}

/** What reading the file gave: rows ready to write and the problems found, before duplicates. */
interface Parsed {
  rows: ValidRow[];
  errors: ImportError[];
  errorCount: number;
  totalRows: number;
}

/**
 * Files parsed by this worker, by job: the commit reuses the validation's work instead of reading and
 * checking every row again (it still re-checks duplicates). Another instance, or a restart, re-reads.
 */
const parsedByJob = new Map<number, Parsed>();
function remember(jobId: number, parsed: Parsed) {
  parsedByJob.set(jobId, parsed);
  while (parsedByJob.size > 2) parsedByJob.delete(parsedByJob.keys().next().value as number);
}

const columnOf = new Map<string, ColumnDef>(CADRE_COLUMNS.map((c) => [c.key, c]));

/**
 * Reads and checks every row with the same rules as the API, finds people already on the roster by
 * ID number (blind index), and returns the rows ready to write and the problems, by row and column.
 */
async function parseFile(
  db: Db,
  keyring: Keyring,
  bytes: Buffer,
  fileName: string,
  scope: Scope,
  options: ImportOptions,
  progress: (done: number) => void,
): Promise<Parsed> {
  const kind = fileKind(fileName);
  if (!kind) throw new AppError('file.type_not_allowed');
  const [codes, dictionaries, orgs] = await Promise.all([
    loadCodeSets(db),
    codeOptions(db, CADRE_COLUMN_DICTIONARIES),
    listOrgs(db, scope, false),
  ]);
  const target = orgs.find((o) => o.id === options.targetOrgId);
  if (!target) throw new AppError('org.not_found');
  const byName = new Map<string, number[]>();
  for (const o of orgs)
    if (o.path.startsWith(target.path)) byName.set(o.name, [...(byName.get(o.name) ?? []), o.id]);

  const errors: ImportError[] = [];
  let errorCount = 0;
  const addError = (row: number, column: ColumnDef | undefined, why: { zh: string; en: string }) => {
    errorCount++;
    if (errors.length < SHOWN) {
      errors.push({
        row,
        column: column?.header ?? '',
        columnEn: column?.headerEn ?? '',
        zh: why.zh,
        en: why.en,
      });
    }
  };
  const rows: ValidRow[] = [];
  const seen = new Map<string, number>();
  let totalRows = 0;
  let headers: ReturnType<typeof mapHeaders> | null = null;
  const on = today();

  try {
    for await (const raw of readRows(bytes, kind)) {
      if (!headers) {
        headers = mapHeaders(CADRE_COLUMNS, raw.cells);
        if (headers.missing.length > 0) {
          for (const m of headers.missing)
            addError(raw.rowNumber, m, reason('missing_header', { column: m.header }));
          break;
        }
        continue;
      }
      if (isBlankRow(raw.cells)) continue;
      totalRows++;
      if (totalRows % 1000 === 0) progress(totalRows);
      const { values, problems } = convertRow(CADRE_COLUMNS, headers, raw.cells, dictionaries);
      for (const p of problems) addError(raw.rowNumber, p.column, p.reason);
      if (problems.length > 0) continue;

      let orgId = target.id;
      if (values.orgName) {
        const ids = byName.get(String(values.orgName)) ?? [];
        if (ids.length !== 1) {
          addError(raw.rowNumber, columnOf.get('orgName'), {
            zh:
              ids.length === 0
                ? `“${values.orgName}”不在所选单位之下`
                : `“${values.orgName}”有重名，请改为导入到具体单位`,
            en:
              ids.length === 0
                ? `"${values.orgName}" is not under the chosen org`
                : `"${values.orgName}" is ambiguous`,
          });
          continue;
        }
        orgId = ids[0] as number;
      }
      const body = {
        ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
        formerNames: values.formerNames
          ? String(values.formerNames)
              .split(/[、,，;；]/)
              .filter(Boolean)
          : [],
        orgId,
        relocated: values.relocated === true,
        militaryTransfer: values.militaryTransfer === true,
      } as unknown as CreateCadreBody;
      delete (body as { orgName?: unknown }).orgName;
      const checked = checkCadre(body as CadreFacts, codes, on);
      if (!checked.ok) {
        for (const p of checked.problems) addError(raw.rowNumber, columnOf.get(p.field), p);
        continue;
      }
      const first = seen.get(checked.derived.idNumber);
      if (first !== undefined) {
        addError(raw.rowNumber, columnOf.get('idNumber'), reason('duplicate_in_file', { row: first }));
        continue;
      }
      seen.set(checked.derived.idNumber, raw.rowNumber);
      rows.push({
        row: raw.rowNumber,
        body,
        derived: checked.derived,
        bidx: keyring.lookup('id_number', checked.derived.idNumber),
        existingId: null,
        filled: Object.keys(values)
          .filter((k) => values[k] !== null)
          .map((k) => (k === 'orgName' ? 'orgId' : k)),
      });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    addError(0, undefined, reason('unreadable', { detail: (error as Error).message.slice(0, 200) }));
  }
  if (headers && totalRows === 0 && errorCount === 0) addError(1, undefined, reason('empty_file'));
  return { rows, errors, errorCount, totalRows };
}

/**
 * Finds people already on the roster by ID number (blind index): in scope they are duplicates to
 * update or skip; outside it, errors. Runs at validation and again at commit.
 */
async function resolveDuplicates(
  db: Db,
  scope: Scope,
  parsed: Parsed,
): Promise<{ preview: ImportPreview; rows: ValidRow[] }> {
  const errors = [...parsed.errors];
  let errorCount = parsed.errorCount;
  const addError = (row: number, column: ColumnDef | undefined, why: { zh: string; en: string }) => {
    errorCount++;
    if (errors.length < SHOWN) {
      errors.push({
        row,
        column: column?.header ?? '',
        columnEn: column?.headerEn ?? '',
        zh: why.zh,
        en: why.en,
      });
    }
  };
  const { rows, totalRows } = parsed;
  const duplicates: ImportDuplicate[] = [];
  let duplicateCount = 0;
  const existing = new Map(
    (
      await repo.findByIdNumberIndexes(
        db,
        rows.map((r) => r.bidx),
      )
    ).map((e) => [e.id_number_bidx, e]),
  );
  const kept: ValidRow[] = [];
  for (const r of rows) {
    const found = existing.get(r.bidx);
    if (!found) {
      kept.push(r);
      continue;
    }
    if (!pathInScope(found.org_path, scope)) {
      addError(r.row, columnOf.get('idNumber'), {
        zh: '此人已在您管理范围以外的单位登记，请联系上级',
        en: 'This person is on the roster of an org outside your scope',
      });
      continue;
    }
    duplicateCount++;
    if (duplicates.length < SHOWN)
      duplicates.push({ row: r.row, name: r.body.name, existingId: found.id, existingName: found.name });
    kept.push({ ...r, existingId: found.id });
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    preview: {
      totalRows,
      validRows: kept.length,
      newRows: kept.filter((r) => r.existingId === null).length,
      errorCount,
      errors,
      duplicateCount,
      duplicates,
    },
    rows: kept,
  };
}

async function loadJob(ctx: TaskContext, jobId: number) {
  const job = await findJobById(ctx.db, jobId);
  if (!job?.file_id) throw new AppError('import.not_found');
  const file = await findFile(ctx.db, job.file_id);
  if (!file) throw new AppError('file.not_found');
  return {
    job,
    bytes: await readWhole(ctx.files, file.sha256),
    fileName: file.name,
    scope: { orgId: 0, path: job.scope_path },
    options: JSON.parse(job.options ?? '{}') as ImportOptions,
  };
}

/** The first pass (in a worker): validate and store the preview. */
export const validateImportTask: Task<{ jobId: number }, ImportPreview> = async (ctx, { jobId }) => {
  const { bytes, fileName, scope, options } = await loadJob(ctx, jobId);
  try {
    const parsed = await parseFile(ctx.db, ctx.keyring, bytes, fileName, scope, options, (n) =>
      ctx.progress(n, 0),
    );
    remember(jobId, parsed);
    const { preview } = await resolveDuplicates(ctx.db, scope, parsed);
    await setJob(ctx.db, jobId, { status: 'ready', result: preview });
    return preview;
  } catch (error) {
    await setJob(ctx.db, jobId, {
      status: 'failed',
      error: { code: (error as AppError).code ?? 'internal' },
    });
    throw error;
  }
};

/**
 * The second pass (in a worker): validate again (the roster may have changed since the preview), then
 * write every row in one transaction, or nothing. Each person's history gets an entry.
 */
export const commitImportTask: Task<
  { jobId: number; actor: { userId: number; name: string; ip: string } },
  ImportPreview
> = async (ctx, { jobId, actor }) => {
  const { bytes, fileName, scope, options } = await loadJob(ctx, jobId);
  try {
    const parsed =
      parsedByJob.get(jobId) ??
      (await parseFile(ctx.db, ctx.keyring, bytes, fileName, scope, options, () => {}));
    parsedByJob.delete(jobId);
    const { preview, rows } = await resolveDuplicates(ctx.db, scope, parsed);
    if (preview.errorCount > 0) throw new AppError('import.has_errors');
    const update = options.duplicates === 'update';
    const toInsert = rows.filter((r) => r.existingId === null);
    const toUpdate = update ? rows.filter((r) => r.existingId !== null) : [];
    const total = toInsert.length + toUpdate.length;
    const now = new Date().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let i = 0; i < toInsert.length; i += 1000) {
        const chunk = toInsert.slice(i, i + 1000);
        ids.push(
          ...(await repo.insertCadres(
            trx,
            chunk.map((r) => ({
              ...toColumns(r.body, r.derived, ctx.keyring),
              status: 'active',
              created_at: now,
              updated_at: now,
            })),
          )),
        );
        ctx.progress(Math.min(i + 1000, toInsert.length), total);
      }
      const codes = await loadCodeSets(trx);
      for (const [i, r] of toUpdate.entries()) {
        // An update changes what the sheet filled in and keeps the rest: a blank cell is not an erasure.
        const existing = await repo.findCadre(trx, r.existingId as number, WHOLE_TREE);
        if (!existing) throw new AppError('cadre.not_found');
        const merged = { ...toInput(existing, ctx.keyring) } as Record<string, unknown>;
        for (const key of r.filled) merged[key] = (r.body as Record<string, unknown>)[key];
        const checked = checkCadre(merged as CadreFacts, codes, today());
        if (!checked.ok) throw new AppError('import.has_errors');
        await repo.updateCadre(trx, r.existingId as number, {
          ...toColumns(merged as CreateCadreBody, checked.derived, ctx.keyring),
          updated_at: now,
        });
        if (i % 500 === 0) ctx.progress(toInsert.length + i, total);
      }
      const written = [
        ...toInsert.map((r, i) => ({ id: ids[i] as number, r, action: 'cadre.import_create' })),
        ...toUpdate.map((r) => ({ id: r.existingId as number, r, action: 'cadre.import_update' })),
      ];
      await repo.replaceSearchTerms(
        trx,
        written.map(({ id, r }) => ({
          cadreId: id,
          terms: searchTerms([r.body.name, ...(r.body.formerNames ?? [])]),
        })),
      );
      await recordAuditMany(
        trx,
        { userId: actor.userId, name: actor.name, ip: actor.ip, requestId: `job-${jobId}` },
        [
          ...written.map(({ id, r, action }) => ({
            action,
            entity: 'cadre',
            entityId: id,
            summary: `${r.body.name}（${fileName} 第${r.row}行）`,
          })),
          {
            action: 'cadre.import',
            entity: 'job',
            entityId: jobId,
            summary: `${fileName}: ${toInsert.length} new, ${toUpdate.length} updated, ${rows.length - total} skipped`,
          },
        ],
      );
    });
    await refreshStatistics(ctx.db);
    const result = {
      ...preview,
      inserted: toInsert.length,
      updated: toUpdate.length,
      skipped: rows.length - total,
    };
    await setJob(ctx.db, jobId, { status: 'done', result });
    return result;
  } catch (error) {
    const code = (error as AppError).code ?? 'internal';
    await setJob(ctx.db, jobId, {
      status: code === 'import.has_errors' ? 'ready' : 'failed',
      error: { code },
    });
    throw error;
  }
};

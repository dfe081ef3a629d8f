import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, type ErrorCode, errorMessage, type Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { buildTemplate } from '../../platform/excel/write.ts';
import { findFile, recordFile } from '../../platform/files/files.ts';
import type { ReceivedUpload } from '../../platform/files/upload.ts';
import type { Auth } from '../../platform/http/types.ts';
import { claimJob, createJob, findJob, jobProgress, setJob } from '../../platform/jobs/jobs.ts';
import { runInWorker } from '../../platform/jobs/workers.ts';
import { type ExportCaller, exportList } from '../../platform/lists/export.ts';
import { codeOptions } from '../dictionaries/dictionaries.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import { CADRE_COLUMN_DICTIONARIES, CADRE_COLUMNS } from './cadres.columns.ts';
import type { ImportError, ImportOptions, ImportPreview } from './cadres.import.ts';
import type { ImportJob, ListCadresQuery } from './cadres.schema.ts';
import { listOrgIds } from './cadres.service.ts';

/** The import template: the roster's columns with drop-down lists from the dictionaries. */
export async function importTemplate(db: Db) {
  return buildTemplate('花名册', CADRE_COLUMNS, await codeOptions(db, CADRE_COLUMN_DICTIONARIES));
}

function run(
  config: Config,
  task: 'cadres.import.validate' | 'cadres.import.commit',
  jobId: number,
  input: object,
  log: (e: unknown) => void,
) {
  runInWorker(task, { jobId, ...input }, config, {
    onProgress: (done, total) => jobProgress.set(jobId, done, total),
  })
    .catch(log)
    .finally(() => jobProgress.clear(jobId));
}

/**
 * Records an uploaded spreadsheet (already streamed into the store and checked) and starts its
 * validation in a worker; the console polls the job for the preview.
 */
export async function startImport(
  db: Db,
  config: Config,
  auth: Auth,
  actor: Actor,
  upload: ReceivedUpload,
  options: ImportOptions,
  log: (e: unknown) => void,
) {
  if (!auth.scope) throw new AppError('org.not_found');
  const org = await getOrg(db, options.targetOrgId, auth.scope);
  if (org.active !== 1) throw new AppError('org.inactive');
  const fileId = await recordFile(db, { ...upload, userId: auth.userId });
  const jobId = await createJob(db, {
    kind: 'import',
    entity: 'cadres',
    userId: auth.userId,
    scopePath: auth.scope.path,
    fileId,
    options,
  });
  await recordAudit(db, actor, {
    action: 'cadre.import_upload',
    entity: 'job',
    entityId: jobId,
    summary: upload.name,
  });
  run(config, 'cadres.import.validate', jobId, {}, log);
  return getImport(db, auth, jobId, 'zh-CN');
}

const localise = (e: ImportError, locale: Locale) => ({
  row: e.row,
  column: locale === 'en-US' ? e.columnEn : e.column,
  reason: locale === 'en-US' ? e.en : e.zh,
});

/** The state of one of the caller's imports, its preview in the caller's language. */
export async function getImport(db: Db, auth: Auth, id: number, locale: Locale): Promise<ImportJob> {
  const job = await findJob(db, id, auth.userId);
  if (job?.kind !== 'import' || job.entity !== 'cadres') throw new AppError('import.not_found');
  const file = job.file_id ? await findFile(db, job.file_id) : undefined;
  const preview = job.result ? (JSON.parse(job.result) as ImportPreview & { inserted?: number }) : null;
  const error = job.error ? (JSON.parse(job.error) as { code: string }) : null;
  const options = JSON.parse(job.options ?? '{}') as ImportOptions;
  return {
    id: job.id,
    status: job.status,
    fileName: file?.name ?? '',
    progress: jobProgress.get(job.id),
    preview: preview ? { ...preview, errors: preview.errors.map((e) => localise(e, locale)) } : null,
    error: error
      ? {
          code: error.code,
          message: (() => {
            try {
              return errorMessage(error.code as ErrorCode, locale);
            } catch {
              return errorMessage('internal', locale);
            }
          })(),
        }
      : null,
    duplicates: options.duplicates ?? null,
    createdAt: job.created_at,
  };
}

/** Starts writing a validated import, all or nothing, in a worker. */
export async function commitImport(
  db: Db,
  config: Config,
  auth: Auth,
  actor: Actor,
  id: number,
  duplicates: 'update' | 'skip',
  log: (e: unknown) => void,
) {
  const job = await findJob(db, id, auth.userId);
  if (job?.kind !== 'import') throw new AppError('import.not_found');
  const preview = job.result ? (JSON.parse(job.result) as ImportPreview) : null;
  // An import interrupted by a crash (see platform/scheduler) is run again from where it stood: a
  // validation that never finished validates again; a commit rolled back by the crash commits again.
  if (job.status === 'interrupted' && !preview) {
    if (!(await claimJob(db, id, 'interrupted', 'validating'))) throw new AppError('import.not_ready');
    await setJob(db, id, { status: 'validating', error: null });
    run(config, 'cadres.import.validate', id, {}, log);
    return getImport(db, auth, id, 'zh-CN');
  }
  if ((job.status !== 'ready' && job.status !== 'interrupted') || !preview) {
    throw new AppError('import.not_ready');
  }
  if (preview.errorCount > 0) throw new AppError('import.has_errors');
  if (!(await claimJob(db, id, job.status, 'committing'))) throw new AppError('import.not_ready');
  await setJob(db, id, {
    status: 'committing',
    error: null,
    options: { ...JSON.parse(job.options ?? '{}'), duplicates },
  });
  run(
    config,
    'cadres.import.commit',
    id,
    { actor: { userId: auth.userId, name: auth.name, ip: actor.ip } },
    log,
  );
  return getImport(db, auth, id, 'zh-CN');
}

/**
 * The filtered roster as an .xlsx stream, built in the export worker; personal numbers masked unless
 * the caller holds the reveal permission. The export is audited with its filters and row count.
 */
export async function exportRoster(caller: ExportCaller, query: Omit<ListCadresQuery, 'page' | 'pageSize'>) {
  const reveal = caller.auth.permissions.has('cadres:reveal');
  return exportList(caller, {
    list: 'cadres.roster',
    input: { orgIds: await listOrgIds(caller.db, query.orgId, caller.auth.scope), query, reveal },
    filters: query,
    audit: {
      action: 'cadre.export',
      entity: 'cadre',
      what: 'roster',
      ...(reveal && { note: 'unmasked' }),
      extra: { unmasked: reveal },
    },
  });
}

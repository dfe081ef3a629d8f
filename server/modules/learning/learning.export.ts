import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { BUREAU_UTC_OFFSET_HOURS, today } from '../../platform/calendar/days.ts';
import type { ColumnDef } from '../../platform/excel/columns.ts';
import { xlsxBuffer } from '../../platform/excel/write.ts';
import type { Auth } from '../../platform/http/types.ts';
import {
  ATTENDANCE_EXPORT_COLUMNS,
  LESSON_EXPORT_COLUMNS,
  POST_EXPORT_COLUMNS,
  PROGRAMME_EXPORT_COLUMNS,
  RECORD_EXPORT_COLUMNS,
} from './learning.columns.ts';
import type { ExportLessonsQuery, ExportRecordsQuery } from './learning.schema.ts';
import * as service from './learning.service.ts';
import type { ExportPostsQuery } from './posts.schema.ts';
import * as posts from './posts.service.ts';

/** An export ready to send: the .xlsx bytes and the file's name. */
export interface Exported {
  bytes: Buffer;
  fileName: string;
}

/**
 * Writes a list into .xlsx bytes on the request path: a scope's lessons, records, programmes and posts
 * run to hundreds or a few thousand rows a year, far from the roster's sizes that need the task worker.
 * The columns' codes carry their own labels, so no dictionary is read.
 */
async function exported(
  db: Db,
  actor: Actor,
  what: { zh: string; en: string; audit: string },
  columns: ColumnDef[],
  rows: Record<string, unknown>[],
  filters: unknown,
  locale: Locale,
): Promise<Exported> {
  const bytes = await xlsxBuffer(locale === 'en-US' ? what.en : what.zh, columns, rows, new Map(), locale);
  await recordAudit(db, actor, {
    action: 'learning.export',
    entity: 'learning',
    summary: `${what.audit}: ${rows.length} rows`,
    after: { what: what.audit, filters, rows: rows.length },
  });
  const name = locale === 'en-US' ? what.en : what.zh;
  return { bytes, fileName: `${name}-${today()}.xlsx` };
}

/** The day of an instant in the bureau's calendar (China time). */
const dayOf = (instant: string) =>
  new Date(Date.parse(instant) + BUREAU_UTC_OFFSET_HOURS * 3600_000).toISOString().slice(0, 10);

export async function exportLessons(db: Db, auth: Auth, actor: Actor, q: ExportLessonsQuery, locale: Locale) {
  const rows = await service.listAllLessons(db, auth, q);
  return exported(
    db,
    actor,
    { zh: '云端党课', en: 'Lessons', audit: 'lessons' },
    LESSON_EXPORT_COLUMNS,
    rows,
    q,
    locale,
  );
}

export async function exportRecords(db: Db, auth: Auth, actor: Actor, q: ExportRecordsQuery, locale: Locale) {
  const rows = await service.listAllRecords(db, auth, q);
  return exported(
    db,
    actor,
    { zh: '学习记录', en: 'Learning records', audit: 'learning_records' },
    RECORD_EXPORT_COLUMNS,
    rows,
    q,
    locale,
  );
}

export async function exportProgrammes(
  db: Db,
  auth: Auth,
  actor: Actor,
  q: { year?: number },
  locale: Locale,
) {
  const rows = await service.programmeStats(db, auth, q.year);
  return exported(
    db,
    actor,
    { zh: '培训项目', en: 'Training programmes', audit: 'programmes' },
    PROGRAMME_EXPORT_COLUMNS,
    rows,
    q,
    locale,
  );
}

export async function exportAttendance(
  db: Db,
  auth: Auth,
  actor: Actor,
  programmeId: number,
  locale: Locale,
) {
  const { programme, rows } = await service.programmeAttendance(db, auth, programmeId);
  return exported(
    db,
    actor,
    {
      zh: `${programme.year}${programme.name}参训名单`,
      en: `Attendance ${programme.year} ${programme.code}`,
      audit: `programme_attendance ${programmeId}`,
    },
    ATTENDANCE_EXPORT_COLUMNS,
    rows.map((r) => ({ ...r, hours: String(r.hours) })),
    { programmeId },
    locale,
  );
}

export async function exportPosts(db: Db, auth: Auth, actor: Actor, q: ExportPostsQuery, locale: Locale) {
  const rows = (await posts.listAllPosts(db, auth, q)).map((p) => ({
    ...p,
    audience: p.branchName ?? (locale === 'en-US' ? `All branches of ${p.orgName}` : `${p.orgName}全部支部`),
    publishedOn: dayOf(p.publishedAt),
    files: p.files.length,
  }));
  return exported(
    db,
    actor,
    { zh: '网上党支部帖子', en: 'Branch posts', audit: 'posts' },
    POST_EXPORT_COLUMNS,
    rows,
    q,
    locale,
  );
}

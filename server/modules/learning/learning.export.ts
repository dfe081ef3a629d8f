import { dayOf } from '../../platform/calendar/days.ts';
import type { ColumnDef } from '../../platform/excel/columns.ts';
import {
  datedName,
  type ExportCaller,
  type ExportContext,
  exportList,
  listExport,
} from '../../platform/lists/export.ts';
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

/** The day of an instant in the bureau's calendar (China time). */
const dayOfInstant = (instant: string) => dayOf(new Date(instant));

/**
 * A learning list's export: named in both languages, its rows read by `read`. The columns' codes carry
 * their own labels, so no dictionary is read.
 */
const learningExport = <I>(
  columns: ColumnDef[],
  read: (
    ctx: ExportContext,
    input: I,
  ) => Promise<{ zh: string; en: string; rows: Record<string, unknown>[] }>,
) =>
  listExport<I>({
    columns,
    open: async (ctx, input) => {
      const { zh, en, rows } = await read(ctx, input);
      return { sheet: ctx.locale === 'en-US' ? en : zh, fileName: datedName(ctx.locale, zh, en), rows };
    },
  });

export const lessonsExport = learningExport<ExportLessonsQuery>(
  LESSON_EXPORT_COLUMNS,
  async ({ db, auth }, q) => ({
    zh: '云端党课',
    en: 'Lessons',
    rows: await service.listAllLessons(db, auth, q),
  }),
);

export const recordsExport = learningExport<ExportRecordsQuery>(
  RECORD_EXPORT_COLUMNS,
  async ({ db, auth }, q) => ({
    zh: '学习记录',
    en: 'Learning records',
    rows: await service.listAllRecords(db, auth, q),
  }),
);

export const programmesExport = learningExport<{ year?: number }>(
  PROGRAMME_EXPORT_COLUMNS,
  async ({ db, auth }, q) => ({
    zh: '培训项目',
    en: 'Training programmes',
    rows: await service.programmeStats(db, auth, q.year),
  }),
);

export const attendanceExport = learningExport<{ programmeId: number }>(
  ATTENDANCE_EXPORT_COLUMNS,
  async ({ db, auth }, { programmeId }) => {
    const { programme, rows } = await service.programmeAttendance(db, auth, programmeId);
    return {
      zh: `${programme.year}${programme.name}参训名单`,
      en: `Attendance ${programme.year} ${programme.code}`,
      rows: rows.map((r) => ({ ...r, hours: String(r.hours) })),
    };
  },
);

export const postsExport = learningExport<ExportPostsQuery>(
  POST_EXPORT_COLUMNS,
  async ({ db, auth, locale }, q) => ({
    zh: '网上党支部帖子',
    en: 'Branch posts',
    rows: (await posts.listAllPosts(db, auth, q)).map((p) => ({
      ...p,
      audience:
        p.branchName ?? (locale === 'en-US' ? `All branches of ${p.orgName}` : `${p.orgName}全部支部`),
      publishedOn: dayOfInstant(p.publishedAt),
      files: p.files.length,
    })),
  }),
);

const audit = (what: string) => ({ action: 'learning.export', entity: 'learning', what });

export const exportLessons = (caller: ExportCaller, q: ExportLessonsQuery) =>
  exportList(caller, { list: 'learning.lessons', input: q, filters: q, audit: audit('lessons') });

export const exportRecords = (caller: ExportCaller, q: ExportRecordsQuery) =>
  exportList(caller, { list: 'learning.records', input: q, filters: q, audit: audit('learning_records') });

export const exportProgrammes = (caller: ExportCaller, q: { year?: number }) =>
  exportList(caller, { list: 'learning.programmes', input: q, filters: q, audit: audit('programmes') });

export const exportAttendance = (caller: ExportCaller, programmeId: number) =>
  exportList(caller, {
    list: 'learning.attendance',
    input: { programmeId },
    filters: { programmeId },
    audit: audit(`programme_attendance ${programmeId}`),
  });

export const exportPosts = (caller: ExportCaller, q: ExportPostsQuery) =>
  exportList(caller, { list: 'learning.posts', input: q, filters: q, audit: audit('posts') });

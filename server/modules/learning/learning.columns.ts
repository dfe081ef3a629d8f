import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';

const KIND_OPTIONS: CodeOption[] = [
  { code: 'video', labelZh: '视频', labelEn: 'Video' },
  { code: 'text', labelZh: '图文', labelEn: 'Text' },
  { code: 'file', labelZh: '文件', labelEn: 'File' },
];

/** The lesson list's export (云端党课). */
export const LESSON_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'title', header: '党课名称', headerEn: 'Title', kind: 'text', width: 36 },
  { key: 'kind', header: '形式', headerEn: 'Kind', kind: 'code', options: KIND_OPTIONS, width: 8 },
  { key: 'publishedOn', header: '发布日期', headerEn: 'Published on', kind: 'date', width: 12 },
  { key: 'views', header: '浏览次数', headerEn: 'Views', kind: 'integer', width: 10 },
  { key: 'learners', header: '学习人数', headerEn: 'Learners', kind: 'integer', width: 10 },
  { key: 'url', header: '链接', headerEn: 'Link', kind: 'text', width: 40 },
];

/** The learning records' export (学习记录). */
export const RECORD_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'cadreName', header: '姓名', headerEn: 'Name', kind: 'text', width: 12 },
  { key: 'lessonTitle', header: '党课名称', headerEn: 'Lesson', kind: 'text', width: 36 },
  { key: 'learnedOn', header: '学习日期', headerEn: 'Studied on', kind: 'date', width: 12 },
  { key: 'minutes', header: '学习时长（分钟）', headerEn: 'Minutes', kind: 'integer', width: 14 },
];

/** The training programmes' export: per programme, its sessions, person-times (人次) and people. */
export const PROGRAMME_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'year', header: '年度', headerEn: 'Year', kind: 'integer', width: 8 },
  { key: 'name', header: '培训项目', headerEn: 'Programme', kind: 'text', width: 24 },
  { key: 'code', header: '项目代码', headerEn: 'Code', kind: 'text', width: 12 },
  { key: 'sessions', header: '培训班次', headerEn: 'Sessions', kind: 'integer', width: 10 },
  { key: 'personTimes', header: '培训人次', headerEn: 'Person-times', kind: 'integer', width: 10 },
  { key: 'people', header: '培训人数', headerEn: 'People', kind: 'integer', width: 10 },
];

/** A programme's attendance export: one row per person-time (人次). */
export const ATTENDANCE_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'heldOn', header: '培训日期', headerEn: 'Held on', kind: 'date', width: 12 },
  { key: 'sessionTitle', header: '培训班次', headerEn: 'Session', kind: 'text', width: 30 },
  { key: 'hours', header: '学时', headerEn: 'Hours', kind: 'text', width: 8 },
  { key: 'cadreName', header: '姓名', headerEn: 'Name', kind: 'text', width: 12 },
];

const STATE_OPTIONS: CodeOption[] = [
  { code: 'published', labelZh: '已发布', labelEn: 'Published' },
  { code: 'withdrawn', labelZh: '已撤回', labelEn: 'Withdrawn' },
];

/** The online branch's posts export (网上党支部). */
export const POST_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'title', header: '标题', headerEn: 'Title', kind: 'text', width: 32 },
  { key: 'audience', header: '发送对象', headerEn: 'Audience', kind: 'text', width: 24 },
  { key: 'authorName', header: '发布人', headerEn: 'Author', kind: 'text', width: 12 },
  { key: 'publishedOn', header: '发布日期', headerEn: 'Published on', kind: 'date', width: 12 },
  { key: 'pinned', header: '置顶', headerEn: 'Pinned', kind: 'boolean', width: 6 },
  { key: 'state', header: '状态', headerEn: 'State', kind: 'code', options: STATE_OPTIONS, width: 8 },
  { key: 'withdrawReason', header: '撤回原因', headerEn: 'Withdrawal reason', kind: 'text', width: 20 },
  { key: 'reads', header: '已读人数', headerEn: 'Read by', kind: 'integer', width: 10 },
  { key: 'files', header: '附件数', headerEn: 'Files', kind: 'integer', width: 8 },
];

import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';
import { FREQUENCIES } from './meetings.rules.ts';
import { MEETING_TYPES } from './meetings.schema.ts';
import { meetingWorkflow } from './meetings.workflow.ts';

/** The meeting types with their names, from the one frequency table. */
export const TYPE_OPTIONS: CodeOption[] = MEETING_TYPES.map((t) => ({
  code: t,
  labelZh: FREQUENCIES[t].label.zh,
  labelEn: FREQUENCIES[t].label.en,
}));

/** The review states with their names, from the workflow's declaration. */
const STATE_OPTIONS: CodeOption[] = Object.entries(meetingWorkflow.states).map(([code, label]) => ({
  code,
  labelZh: label.zh,
  labelEn: label.en,
}));

/** The meeting list's export (the ledger, 台账). */
export const MEETING_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'branchName', header: '支部名称', headerEn: 'Branch', kind: 'text', width: 24 },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 20 },
  { key: 'type', header: '会议类型', headerEn: 'Type', kind: 'code', options: TYPE_OPTIONS, width: 14 },
  { key: 'period', header: '所属期间', headerEn: 'Period', kind: 'text', width: 10 },
  { key: 'heldOn', header: '召开日期', headerEn: 'Held on', kind: 'date', width: 12 },
  { key: 'startTime', header: '时间', headerEn: 'Time', kind: 'text', width: 8 },
  { key: 'place', header: '地点', headerEn: 'Place', kind: 'text', width: 20 },
  { key: 'chair', header: '主持人', headerEn: 'Chair', kind: 'text', width: 10 },
  { key: 'recorder', header: '记录人', headerEn: 'Recorder', kind: 'text', width: 10 },
  { key: 'expectedCount', header: '应到人数', headerEn: 'Expected', kind: 'integer', width: 10 },
  { key: 'presentCount', header: '实到人数', headerEn: 'Present', kind: 'integer', width: 10 },
  { key: 'absentCount', header: '缺席人数', headerEn: 'Absent', kind: 'integer', width: 10 },
  { key: 'outsideAttendees', header: '列席人员', headerEn: 'Outside attendees', kind: 'text', width: 20 },
  { key: 'topics', header: '议题', headerEn: 'Topics', kind: 'text', width: 30 },
  { key: 'resolutions', header: '决议', headerEn: 'Resolutions', kind: 'text', width: 30 },
  { key: 'photoCount', header: '照片数', headerEn: 'Photos', kind: 'integer', width: 8 },
  { key: 'attachmentCount', header: '附件数', headerEn: 'Attachments', kind: 'integer', width: 8 },
  { key: 'state', header: '审核状态', headerEn: 'Review', kind: 'code', options: STATE_OPTIONS, width: 10 },
];

const LEVEL_OPTIONS: CodeOption[] = [
  { code: 'total', labelZh: '合计', labelEn: 'Total' },
  { code: 'city', labelZh: '市', labelEn: 'City' },
  { code: 'county', labelZh: '县（市、区）', labelEn: 'County' },
  { code: 'town', labelZh: '乡镇（街道）', labelEn: 'Town' },
  { code: 'unit', labelZh: '单位', labelEn: 'Unit' },
  { code: 'branch', labelZh: '支部', labelEn: 'Branch' },
];

/**
 * The completion matrix's export: one row for the node's total, one per child org and one per branch
 * the node holds directly. Per type, a group's row counts branches on track and behind; a branch's row
 * counts periods done and behind.
 */
export const MATRIX_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'name', header: '名称', headerEn: 'Name', kind: 'text', width: 24 },
  { key: 'level', header: '层级', headerEn: 'Level', kind: 'code', options: LEVEL_OPTIONS, width: 12 },
  { key: 'branches', header: '应开展支部数', headerEn: 'Branches bound', kind: 'integer', width: 12 },
  { key: 'behindBranches', header: '滞后支部数', headerEn: 'Branches behind', kind: 'integer', width: 12 },
  ...MEETING_TYPES.flatMap((t): ColumnDef[] => [
    {
      key: `${t}_ok`,
      header: `${FREQUENCIES[t].label.zh}·完成`,
      headerEn: `${FREQUENCIES[t].label.en}: on track`,
      kind: 'integer',
      width: 12,
    },
    {
      key: `${t}_behind`,
      header: `${FREQUENCIES[t].label.zh}·滞后`,
      headerEn: `${FREQUENCIES[t].label.en}: behind`,
      kind: 'integer',
      width: 12,
    },
  ]),
  { key: 'done', header: '已完成（期）', headerEn: 'Periods done', kind: 'integer', width: 12 },
  { key: 'due', header: '应完成（期）', headerEn: 'Periods due', kind: 'integer', width: 12 },
  { key: 'rate', header: '完成率', headerEn: 'Completion', kind: 'text', width: 10 },
];

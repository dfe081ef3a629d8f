import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';
import { xlsxBuffer } from '../../platform/excel/write.ts';
import type { Auth } from '../../platform/http/types.ts';
import type { ExportBoardQuery, ExportHistoryQuery, ExportRoundsQuery } from './rounds.schema.ts';
import { branchHistory, getRound, listAllBoard, listAllRounds } from './rounds.service.ts';
import { assessmentWorkflow } from './rounds.workflow.ts';

const STATE_OPTIONS: CodeOption[] = Object.entries(assessmentWorkflow.states).map(([code, label]) => ({
  code,
  labelZh: label.zh,
  labelEn: label.en,
}));

const RESULT_OPTIONS: CodeOption[] = [
  { code: 'compliant', labelZh: '达标', labelEn: 'Compliant' },
  { code: 'not_compliant', labelZh: '不达标', labelEn: 'Not compliant' },
];

const LEVEL_OPTIONS: CodeOption[] = [
  { code: 'city', labelZh: '市级示范', labelEn: 'City demonstration' },
  { code: 'province', labelZh: '省级示范', labelEn: 'Province demonstration' },
];

/** The round's results table (考核结果汇总表): one row per branch. */
export const BOARD_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'branchName', header: '支部名称', headerEn: 'Branch', kind: 'text', width: 26 },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 20 },
  { key: 'state', header: '考核状态', headerEn: 'State', kind: 'code', options: STATE_OPTIONS, width: 10 },
  { key: 'answered', header: '已自评细则', headerEn: 'Measures answered', kind: 'integer', width: 10 },
  { key: 'measureCount', header: '细则总数', headerEn: 'Measures', kind: 'integer', width: 8 },
  { key: 'score', header: '得分', headerEn: 'Score', kind: 'integer', width: 6 },
  { key: 'result', header: '考核结果', headerEn: 'Result', kind: 'code', options: RESULT_OPTIONS, width: 10 },
  {
    key: 'demoLevel',
    header: '示范等级',
    headerEn: 'Demonstration',
    kind: 'code',
    options: LEVEL_OPTIONS,
    width: 12,
  },
  { key: 'verifiedAt', header: '核验时间', headerEn: 'Verified at', kind: 'text', width: 22 },
];

/** A round's filtered board as .xlsx (at most the city's branches, so written on the request path). */
export async function exportBoard(
  db: Db,
  auth: Auth,
  actor: Actor,
  roundId: number,
  query: ExportBoardQuery,
  locale: Locale,
) {
  const round = await getRound(db, auth, roundId);
  const rows = await listAllBoard(db, auth, roundId, query);
  const en = locale === 'en-US';
  const sheet = (en ? `Round ${round.year}` : `${round.name}考核结果`).slice(0, 31);
  const bytes = await xlsxBuffer(sheet, BOARD_EXPORT_COLUMNS, rows, new Map(), locale);
  await recordAudit(db, actor, {
    action: 'assessment_round.export',
    entity: 'assessment_round',
    entityId: roundId,
    summary: `${round.name}: ${rows.length} rows`,
    after: { filters: query, rows: rows.length },
  });
  const name = en ? `round-${round.id}-results` : `${round.name}考核结果`;
  return { bytes, fileName: `${name}-${today()}.xlsx` };
}

const STATUS_OPTIONS: CodeOption[] = [
  { code: 'open', labelZh: '进行中', labelEn: 'Open' },
  { code: 'closed', labelZh: '已关闭', labelEn: 'Closed' },
];

/** The round list's export. */
export const ROUND_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'name', header: '轮次名称', headerEn: 'Round', kind: 'text', width: 20 },
  { key: 'year', header: '年度', headerEn: 'Year', kind: 'integer', width: 8 },
  { key: 'standard', header: '考核标准', headerEn: 'Standard', kind: 'text', width: 20 },
  { key: 'dueOn', header: '自评截止', headerEn: 'Due on', kind: 'date', width: 12 },
  { key: 'passMark', header: '达标分数', headerEn: 'Pass mark', kind: 'integer', width: 8 },
  { key: 'branchCount', header: '参评支部', headerEn: 'Branches', kind: 'integer', width: 10 },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'code', options: STATUS_OPTIONS, width: 8 },
];

/** The filtered round list as .xlsx (a handful of rounds a year). */
export async function exportRounds(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: ExportRoundsQuery,
  locale: Locale,
) {
  const rounds = await listAllRounds(db, auth, query);
  const en = locale === 'en-US';
  const rows = rounds.map((r) => ({
    ...r,
    standard: en ? `${r.standardName} v${r.versionNumber}` : `${r.standardName}第${r.versionNumber}版`,
  }));
  const bytes = await xlsxBuffer(en ? 'Rounds' : '考核轮次', ROUND_EXPORT_COLUMNS, rows, new Map(), locale);
  await recordAudit(db, actor, {
    action: 'assessment_round.export',
    entity: 'assessment_round',
    summary: `rounds: ${rows.length} rows`,
    after: { filters: query, rows: rows.length },
  });
  return { bytes, fileName: `${en ? 'rounds' : '考核轮次'}-${today()}.xlsx` };
}

/** A branch's history across rounds (历次考核). */
export const HISTORY_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'roundName', header: '考核轮次', headerEn: 'Round', kind: 'text', width: 20 },
  { key: 'year', header: '年度', headerEn: 'Year', kind: 'integer', width: 8 },
  { key: 'state', header: '考核状态', headerEn: 'State', kind: 'code', options: STATE_OPTIONS, width: 10 },
  { key: 'answered', header: '已自评细则', headerEn: 'Measures answered', kind: 'integer', width: 10 },
  { key: 'measureCount', header: '细则总数', headerEn: 'Measures', kind: 'integer', width: 8 },
  { key: 'score', header: '得分', headerEn: 'Score', kind: 'integer', width: 6 },
  { key: 'result', header: '考核结果', headerEn: 'Result', kind: 'code', options: RESULT_OPTIONS, width: 10 },
  {
    key: 'demoLevel',
    header: '示范等级',
    headerEn: 'Demonstration',
    kind: 'code',
    options: LEVEL_OPTIONS,
    width: 12,
  },
];

/** A branch's rounds, filtered by state and result, as .xlsx (a few rows: one per round it was in). */
export async function exportBranchHistory(
  db: Db,
  auth: Auth,
  actor: Actor,
  branchId: number,
  query: ExportHistoryQuery,
  locale: Locale,
) {
  const rows = (await branchHistory(db, auth, branchId)).filter(
    (r) =>
      (!query.state || r.state === query.state) && (!query.result || (r.result ?? 'none') === query.result),
  );
  const en = locale === 'en-US';
  const branchName = rows[0]?.branchName ?? String(branchId);
  const bytes = await xlsxBuffer(en ? 'Rounds' : '历次考核', HISTORY_EXPORT_COLUMNS, rows, new Map(), locale);
  await recordAudit(db, actor, {
    action: 'assessment_round.export',
    entity: 'branch',
    entityId: branchId,
    summary: `branch ${branchId} rounds: ${rows.length} rows`,
    after: { filters: query, rows: rows.length },
  });
  const name = en ? `branch-${branchId}-rounds` : `${branchName}历次考核`;
  return { bytes, fileName: `${name}-${today()}.xlsx` };
}

import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';
import { datedName, type ExportCaller, exportList, listExport } from '../../platform/lists/export.ts';
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

/** A round's filtered board (at most the city's branches). */
export const boardExport = listExport<{ roundId: number; query: ExportBoardQuery }>({
  columns: BOARD_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, { roundId, query }) => {
    const round = await getRound(db, auth, roundId);
    return {
      sheet: locale === 'en-US' ? `Round ${round.year}` : `${round.name}考核结果`,
      fileName: datedName(locale, `${round.name}考核结果`, `round-${round.id}-results`),
      rows: await listAllBoard(db, auth, roundId, query),
    };
  },
});

const audit = (what: string, entity: string, entityId?: number) => ({
  action: 'assessment_round.export',
  entity,
  entityId,
  what,
});

/** A round's filtered board as .xlsx. */
export const exportBoard = (caller: ExportCaller, roundId: number, query: ExportBoardQuery) =>
  exportList(caller, {
    list: 'rounds.board',
    input: { roundId, query },
    filters: query,
    audit: audit('board', 'assessment_round', roundId),
  });

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

/** The filtered round list (a handful of rounds a year). */
export const roundsExport = listExport<ExportRoundsQuery>({
  columns: ROUND_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, query) => {
    const en = locale === 'en-US';
    return {
      sheet: en ? 'Rounds' : '考核轮次',
      fileName: datedName(locale, '考核轮次', 'rounds'),
      rows: (await listAllRounds(db, auth, query)).map((r) => ({
        ...r,
        standard: en ? `${r.standardName} v${r.versionNumber}` : `${r.standardName}第${r.versionNumber}版`,
      })),
    };
  },
});

/** The filtered round list as .xlsx. */
export const exportRounds = (caller: ExportCaller, query: ExportRoundsQuery) =>
  exportList(caller, {
    list: 'rounds.rounds',
    input: query,
    filters: query,
    audit: audit('rounds', 'assessment_round'),
  });

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

/** A branch's rounds, filtered by state and result (a few rows: one per round it was in). */
export const historyExport = listExport<{ branchId: number; query: ExportHistoryQuery }>({
  columns: HISTORY_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, { branchId, query }) => {
    const rows = (await branchHistory(db, auth, branchId)).filter(
      (r) =>
        (!query.state || r.state === query.state) && (!query.result || (r.result ?? 'none') === query.result),
    );
    const branchName = rows[0]?.branchName ?? String(branchId);
    return {
      sheet: locale === 'en-US' ? 'Rounds' : '历次考核',
      fileName: datedName(locale, `${branchName}历次考核`, `branch-${branchId}-rounds`),
      rows,
    };
  },
});

/** A branch's rounds as .xlsx. */
export const exportBranchHistory = (caller: ExportCaller, branchId: number, query: ExportHistoryQuery) =>
  exportList(caller, {
    list: 'rounds.history',
    input: { branchId, query },
    filters: query,
    audit: audit(`branch ${branchId} rounds`, 'branch', branchId),
  });

import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';

/** Where a brand stands, with its names. */
const STATUS_OPTIONS: CodeOption[] = [
  { code: 'draft', labelZh: '草稿', labelEn: 'Draft' },
  { code: 'submitted', labelZh: '待审批', labelEn: 'Submitted' },
  { code: 'returned', labelZh: '已退回', labelEn: 'Returned' },
  { code: 'active', labelZh: '创建期内', labelEn: 'Active' },
  { code: 'expired', labelZh: '已期满', labelEn: 'Expired' },
  { code: 'withdrawn', labelZh: '已撤销', labelEn: 'Withdrawn' },
];

/** The selections' kinds with their names. */
export const AWARD_OPTIONS: CodeOption[] = [
  { code: 'top10', labelZh: '十佳', labelEn: 'Top ten' },
  { code: 'excellent', labelZh: '优秀', labelEn: 'Excellent' },
  { code: 'province_case', labelZh: '省级党建创新典型案例', labelEn: 'Provincial innovation case' },
];

/** The brand list's export. */
export const BRAND_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'name', header: '品牌名称', headerEn: 'Brand', kind: 'text', width: 24 },
  { key: 'branchName', header: '支部名称', headerEn: 'Branch', kind: 'text', width: 24 },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 20 },
  { key: 'systemName', header: '品牌体系', headerEn: 'Umbrella brand', kind: 'text', width: 18 },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'code', options: STATUS_OPTIONS, width: 10 },
  { key: 'cycleNo', header: '创建周期', headerEn: 'Cycle', kind: 'integer', width: 8 },
  { key: 'cycleStart', header: '周期开始', headerEn: 'Cycle start', kind: 'date', width: 12 },
  { key: 'cycleEnd', header: '周期结束', headerEn: 'Cycle end', kind: 'date', width: 12 },
  { key: 'nextReviewDue', header: '下次复核', headerEn: 'Next review due', kind: 'date', width: 12 },
  { key: 'reviewOverdue', header: '复核逾期', headerEn: 'Review overdue', kind: 'boolean', width: 10 },
  { key: 'withdrawnOn', header: '撤销日期', headerEn: 'Withdrawn on', kind: 'date', width: 12 },
  { key: 'idea', header: '品牌理念', headerEn: 'Idea', kind: 'text', width: 30 },
  { key: 'practices', header: '主要做法', headerEn: 'Practices', kind: 'text', width: 40 },
  { key: 'results', header: '取得成效', headerEn: 'Results', kind: 'text', width: 40 },
];

/** The selections' export (十佳, 优秀, provincial cases). */
export const AWARD_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'year', header: '年度', headerEn: 'Year', kind: 'integer', width: 8 },
  { key: 'kind', header: '类别', headerEn: 'Selection', kind: 'code', options: AWARD_OPTIONS, width: 20 },
  { key: 'brandName', header: '品牌名称', headerEn: 'Brand', kind: 'text', width: 24 },
  { key: 'branchName', header: '支部名称', headerEn: 'Branch', kind: 'text', width: 24 },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 20 },
  { key: 'title', header: '案例名称', headerEn: 'Case title', kind: 'text', width: 24 },
  { key: 'note', header: '备注', headerEn: 'Note', kind: 'text', width: 30 },
];

import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';
import { type ExportCaller, exportList, listExport } from '../../platform/lists/export.ts';
import { matchesKeyword } from '../../platform/lists/keyword.ts';
import type { EvidenceKind, ExportStandardsQuery } from './assessments.schema.ts';
import { getVersion, listStandards } from './assessments.service.ts';

/** The evidence kinds' names (佐证材料类型). */
export const EVIDENCE_LABELS: Record<EvidenceKind, { zh: string; en: string }> = {
  document: { zh: '文件资料', en: 'Document' },
  photo: { zh: '照片', en: 'Photo' },
  meetings: { zh: '平台会议记录', en: 'Meeting records' },
  elections: { zh: '平台换届记录', en: 'Election records' },
  committee: { zh: '平台支委会记录', en: 'Committee records' },
  members: { zh: '平台党员名册', en: 'Member roster' },
};

const RULE_OPTIONS: CodeOption[] = [
  { code: 'scored', labelZh: '计分', labelEn: 'Scored' },
  { code: 'required', labelZh: '必达', labelEn: 'Must pass' },
];

/** A version's export: one row per measure, under its dimension. */
export const STANDARD_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'dimensionCode', header: '维度编号', headerEn: 'Dimension no.', kind: 'text', width: 8 },
  { key: 'dimensionTitle', header: '考核维度', headerEn: 'Dimension', kind: 'text', width: 20 },
  { key: 'code', header: '细则编号', headerEn: 'Measure no.', kind: 'text', width: 8 },
  { key: 'text', header: '考核细则', headerEn: 'Measure', kind: 'text', width: 50 },
  { key: 'evidence', header: '佐证材料', headerEn: 'Evidence', kind: 'text', width: 40 },
  { key: 'evidenceKinds', header: '材料类型', headerEn: 'Evidence kinds', kind: 'text', width: 24 },
  { key: 'rule', header: '计分方式', headerEn: 'Rule', kind: 'code', options: RULE_OPTIONS, width: 8 },
  { key: 'weight', header: '分值', headerEn: 'Points', kind: 'integer', width: 6 },
  { key: 'remarks', header: '备注', headerEn: 'Remarks', kind: 'text', width: 20 },
];

/** A version of a standard (about thirty rows). */
export const versionExport = listExport<{ id: number }>({
  columns: STANDARD_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, { id }) => {
    const v = await getVersion(db, auth, id);
    const en = locale === 'en-US';
    const sheet = (en ? `${v.standardCode} v${v.version}` : `${v.standardName}第${v.version}版`).slice(0, 31);
    const rows = v.dimensions.flatMap((d) =>
      d.measures.map((m) => ({
        dimensionCode: d.code,
        dimensionTitle: d.title,
        code: m.code,
        text: m.text,
        evidence: m.evidence,
        evidenceKinds: m.evidenceKinds
          .map((k) => (en ? EVIDENCE_LABELS[k].en : EVIDENCE_LABELS[k].zh))
          .join(en ? ', ' : '、'),
        rule: m.rule,
        weight: m.weight,
        remarks: m.remarks,
      })),
    );
    return { sheet, fileName: `${sheet}.xlsx`, rows };
  },
});

/** A version of a standard as .xlsx. */
export const exportVersion = (caller: ExportCaller, id: number) =>
  exportList(caller, {
    list: 'assessments.version',
    input: { id },
    filters: { id },
    audit: {
      action: 'assessment_version.export',
      entity: 'assessment_version',
      entityId: id,
      what: 'version',
    },
  });

const STATUS_OPTIONS: CodeOption[] = [
  { code: 'draft', labelZh: '草稿', labelEn: 'Draft' },
  { code: 'published', labelZh: '已发布', labelEn: 'Published' },
  { code: 'frozen', labelZh: '已冻结', labelEn: 'Frozen' },
];

/** The standards list's export: one row per version (a standard without versions: one row without). */
export const STANDARDS_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'code', header: '标准代码', headerEn: 'Code', kind: 'text', width: 12 },
  { key: 'name', header: '标准名称', headerEn: 'Standard', kind: 'text', width: 24 },
  { key: 'isDemo', header: '演示内容', headerEn: 'Demo', kind: 'boolean', width: 8 },
  { key: 'version', header: '版本', headerEn: 'Version', kind: 'integer', width: 6 },
  { key: 'status', header: '状态', headerEn: 'State', kind: 'code', options: STATUS_OPTIONS, width: 8 },
  { key: 'dimensionCount', header: '维度数', headerEn: 'Dimensions', kind: 'integer', width: 8 },
  { key: 'measureCount', header: '细则数', headerEn: 'Measures', kind: 'integer', width: 8 },
  { key: 'publishedAt', header: '发布时间', headerEn: 'Published at', kind: 'text', width: 22 },
  { key: 'frozenAt', header: '冻结时间', headerEn: 'Frozen at', kind: 'text', width: 22 },
  { key: 'notes', header: '版本说明', headerEn: 'Notes', kind: 'text', width: 30 },
];

/**
 * The standards and their versions as the list shows them with its filters (a handful of rows); drafts
 * only for authors, as in the list.
 */
export const standardsExport = listExport<ExportStandardsQuery>({
  columns: STANDARDS_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, query) => {
    const standards = (await listStandards(db, auth)).filter(
      (s) =>
        (!query.standardId || s.id === query.standardId) &&
        (!query.keyword || matchesKeyword(query.keyword, s.code, s.name)) &&
        (!query.status || s.versions.some((v) => v.status === query.status)),
    );
    const rows = standards.flatMap((s) => {
      const standard = { code: s.code, name: s.name, isDemo: s.isDemo };
      const versions = s.versions.filter((v) => !query.status || v.status === query.status);
      if (versions.length === 0) return [standard];
      return versions.map((v) => ({
        ...standard,
        version: v.version,
        status: v.status,
        dimensionCount: v.dimensionCount,
        measureCount: v.measureCount,
        publishedAt: v.publishedAt,
        frozenAt: v.frozenAt,
        notes: v.notes,
      }));
    });
    const sheet = locale === 'en-US' ? 'Standards' : '考核标准';
    return { sheet, fileName: `${sheet}.xlsx`, rows };
  },
});

/** The standards list as .xlsx. */
export const exportStandards = (caller: ExportCaller, query: ExportStandardsQuery) =>
  exportList(caller, {
    list: 'assessments.standards',
    input: query,
    filters: query,
    audit: {
      action: 'assessment_standard.export',
      entity: 'assessment_standard',
      entityId: query.standardId,
      what: 'standards',
    },
  });

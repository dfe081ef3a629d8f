import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';
import { xlsxBuffer } from '../../platform/excel/write.ts';
import type { Auth } from '../../platform/http/types.ts';
import type { EvidenceKind } from './assessments.schema.ts';
import { getVersion } from './assessments.service.ts';

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

/** A version of a standard as .xlsx (about thirty rows, so written on the request path). */
export async function exportVersion(db: Db, auth: Auth, actor: Actor, id: number, locale: Locale) {
  const v = await getVersion(db, auth, id);
  const en = locale === 'en-US';
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
  const sheet = en ? `${v.standardCode} v${v.version}` : `${v.standardName}第${v.version}版`;
  const bytes = await xlsxBuffer(sheet.slice(0, 31), STANDARD_EXPORT_COLUMNS, rows, new Map(), locale);
  await recordAudit(db, actor, {
    action: 'assessment_version.export',
    entity: 'assessment_version',
    entityId: id,
    summary: `${sheet}: ${rows.length} rows`,
  });
  return { bytes, fileName: `${sheet}.xlsx` };
}

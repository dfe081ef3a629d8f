/** Reasons a cell is refused, in both languages; `{x}` placeholders are filled in. */
export const CELL_PROBLEMS = {
  required: { zh: '必填', en: 'is required' },
  too_long: { zh: '超过 {max} 个字符', en: 'is longer than {max} characters' },
  date: { zh: '不是有效日期（应为 YYYY-MM-DD）', en: 'is not a valid date (YYYY-MM-DD)' },
  integer: { zh: '应为整数', en: 'must be a whole number' },
  boolean: { zh: '应为“是”或“否”', en: 'must be yes or no' },
  code: { zh: '“{value}”不是有效取值', en: '"{value}" is not an allowed value' },
  number_lost_digits: {
    zh: '单元格是数字格式，长数字已丢失精度，请把该列设为文本后重新填写',
    en: 'the cell holds a number, so long digits were lost; format the column as text and re-enter',
  },
  missing_header: { zh: '缺少必需的列“{column}”', en: 'required column "{column}" is missing' },
  empty_file: { zh: '文件中没有数据行', en: 'the file has no data rows' },
  unreadable: { zh: '无法读取文件：{detail}', en: 'the file cannot be read: {detail}' },
  duplicate_in_file: { zh: '与第 {row} 行重复', en: 'duplicates row {row}' },
} as const;

export type CellProblemCode = keyof typeof CELL_PROBLEMS;

/** A reason in both languages. */
export interface Reason {
  zh: string;
  en: string;
}

/** Fills a problem's message templates. */
export function reason(code: CellProblemCode, params: Record<string, string | number> = {}): Reason {
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return { zh: fill(CELL_PROBLEMS[code].zh), en: fill(CELL_PROBLEMS[code].en) };
}

/**
 * Column definitions drive the one import/export engine: each entity declares its columns once and
 * gets a template, parsing with a validation preview, and export from them.
 */

/** A code table's entry as the engine needs it (dictionary items, or fixed options). */
export interface CodeOption {
  code: string;
  labelZh: string;
  labelEn: string;
}

/** The result of a column's own check: a value, or a reason in both languages. */
export type Parsed = { value: unknown } | { error: { zh: string; en: string } };

export interface ColumnDef {
  /** the field in the converted row */
  key: string;
  /** the column header in templates and exports (zh-CN); also accepted on import */
  header: string;
  headerEn: string;
  /** other headers accepted on import (older templates, other systems' names) */
  aliases?: string[];
  required?: boolean;
  /** text as is; date YYYY-MM-DD; integer; boolean 是/否; code: a dictionary code, accepted as code or label */
  kind: 'text' | 'date' | 'integer' | 'boolean' | 'code';
  /** for kind 'code': the dictionary whose items are the allowed values */
  dictionary?: string;
  /** for kind 'code' without a dictionary: the allowed values */
  options?: CodeOption[];
  maxLength?: number;
  /** an extra check on the converted, non-empty value (e.g. the ID-number checksum) */
  parse?: (value: unknown) => Parsed;
  /** column width in characters, for templates and exports */
  width?: number;
  /** a hint shown in the template's header note */
  note?: string;
}

/** Values of dictionary columns, by dictionary code. */
export type Dictionaries = ReadonlyMap<string, readonly CodeOption[]>;

/** The options of a code column. */
export function optionsOf(column: ColumnDef, dictionaries: Dictionaries): readonly CodeOption[] {
  return column.options ?? (column.dictionary ? (dictionaries.get(column.dictionary) ?? []) : []);
}

import { type ColumnDef, type Dictionaries, optionsOf } from './columns.ts';
import { type Reason, reason } from './messages.ts';
import type { RawCell } from './read.ts';

/** Where each column sits in the file, and which required ones are missing. */
export interface HeaderMap {
  indexes: Map<string, number>;
  missing: ColumnDef[];
}

const normalizeHeader = (h: string) => h.replace(/[\s*＊（）()]/g, '').toLowerCase();

/** Matches the file's header row to the columns, by header, English header or alias. */
export function mapHeaders(columns: readonly ColumnDef[], headerCells: readonly RawCell[]): HeaderMap {
  const positions = new Map<string, number>();
  headerCells.forEach((cell, i) => {
    const key = normalizeHeader(cell.text);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const indexes = new Map<string, number>();
  const missing: ColumnDef[] = [];
  for (const column of columns) {
    const names = [column.header, column.headerEn, ...(column.aliases ?? [])].map(normalizeHeader);
    const index = names.map((n) => positions.get(n)).find((i) => i !== undefined);
    if (index !== undefined) indexes.set(column.key, index);
    else if (column.required) missing.push(column);
  }
  return { indexes, missing };
}

/** A problem with one cell. */
export interface CellProblem {
  column: ColumnDef;
  reason: Reason;
}

const DATE_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** Parses the date forms people type: 1945-01-01, 1945/1/1, 1945.1.1, 1945年1月1日, 19450101. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const m = DATE_RE.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

/**
 * Converts one row's cells to typed values by the column definitions; empty cells become null.
 * Returns the values and every problem, so a preview can name them all at once.
 */
export function convertRow(
  columns: readonly ColumnDef[],
  headers: HeaderMap,
  cells: readonly RawCell[],
  dictionaries: Dictionaries,
): { values: Record<string, unknown>; problems: CellProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const column of columns) {
    const index = headers.indexes.get(column.key);
    const cell = index === undefined ? undefined : cells[index];
    const text = (cell?.text ?? '').trim();
    if (text === '') {
      values[column.key] = null;
      if (column.required) problems.push({ column, reason: reason('required') });
      continue;
    }
    if (column.maxLength && text.length > column.maxLength) {
      problems.push({ column, reason: reason('too_long', { max: column.maxLength }) });
      continue;
    }
    let value: unknown = text;
    switch (column.kind) {
      case 'date': {
        value = parseDate(text);
        if (value === null) problems.push({ column, reason: reason('date') });
        break;
      }
      case 'integer': {
        value = /^-?\d+$/.test(text) ? Number(text) : null;
        if (value === null) problems.push({ column, reason: reason('integer') });
        break;
      }
      case 'boolean': {
        const t = text.toLowerCase();
        value = YES.has(t) ? true : NO.has(t) ? false : null;
        if (value === null) problems.push({ column, reason: reason('boolean') });
        break;
      }
      case 'code': {
        const t = text.toLowerCase();
        const option = optionsOf(column, dictionaries).find(
          (o) => o.code.toLowerCase() === t || o.labelZh === text || o.labelEn.toLowerCase() === t,
        );
        value = option?.code ?? null;
        if (value === null) problems.push({ column, reason: reason('code', { value: text }) });
        break;
      }
      default:
        // Excel keeps 15 significant digits: an 18-digit ID number typed as a number is already damaged.
        if (cell?.wasNumber && (/e\+/i.test(text) || text.replace(/\D/g, '').length >= 16)) {
          problems.push({ column, reason: reason('number_lost_digits') });
          value = null;
        }
    }
    if (value !== null && column.parse) {
      const parsed = column.parse(value);
      if ('error' in parsed) {
        problems.push({ column, reason: parsed.error });
        value = null;
      } else value = parsed.value;
    }
    values[column.key] = value;
  }
  return { values, problems };
}

/** True when every cell is blank (such rows are skipped, as Excel leaves them). */
export function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c.text.trim() === '');
}

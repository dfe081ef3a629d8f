import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One row of a sheet as text cells; `rowNumber` is the row as the user sees it in Excel (1-based). */
export interface RawRow {
  rowNumber: number;
  cells: RawCell[];
}

/** A cell as read: its text, and whether it came in as a number (long digit strings lose precision). */
export interface RawCell {
  text: string;
  wasNumber: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Decodes a CSV file as Excel and WPS save it: UTF-8 (with or without a BOM), or GBK/GB18030 when the
 * bytes are not valid UTF-8 (the "CSV" of Chinese Excel).
 */
export function decodeCsv(buffer: Buffer): string {
  if (buffer.subarray(0, 3).equals(UTF8_BOM)) return buffer.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return { text: '', wasNumber: false };
  if (value instanceof Date) return { text: isoDate(value), wasNumber: false };
  if (typeof value === 'number') return { text: String(value), wasNumber: true };
  if (typeof value === 'boolean') return { text: value ? '是' : '否', wasNumber: false };
  if (typeof value === 'string') return { text: value, wasNumber: false };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join(''), wasNumber: false };
    if ('text' in value && typeof value.text === 'string') return { text: value.text, wasNumber: false };
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return { text: '', wasNumber: false };
  }
  return { text: String(value), wasNumber: false };
}

function toRawRow(row: ExcelJS.Row): RawRow {
  const values = row.values as ExcelJS.CellValue[];
  const cells: RawCell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
  return { rowNumber: row.number, cells };
}

async function* readXlsxStreaming(buffer: Buffer): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) yield toRawRow(row);
    return; // the first sheet only
  }
}

async function* readXlsxWhole(buffer: Buffer): AsyncGenerator<RawRow> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as never);
  const rows: RawRow[] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push(toRawRow(row));
  });
  yield* rows;
}

/**
 * Reads the first sheet, streaming. ExcelJS's streaming reader now and then meets the worksheet before
 * it has parsed the workbook part ("reading 'sheets'"); that happens before any row comes out, and the
 * file is then read whole instead.
 */
async function* readXlsx(buffer: Buffer): AsyncGenerator<RawRow> {
  let yielded = 0;
  try {
    for await (const row of readXlsxStreaming(buffer)) {
      yielded++;
      yield row;
    }
  } catch (error) {
    if (yielded > 0) throw error;
    yield* readXlsxWhole(buffer);
  }
}

async function* readCsv(buffer: Buffer): AsyncGenerator<RawRow> {
  const parser = Readable.from([decodeCsv(buffer)]).pipe(
    parse({ relax_column_count: true, skip_empty_lines: false, bom: true, trim: false }),
  );
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber++;
    yield { rowNumber, cells: record.map((text) => ({ text, wasNumber: false })) };
  }
}

/** The kinds of file the engine reads. */
export function fileKind(filename: string): 'xlsx' | 'csv' | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

/** Reads the first sheet of an .xlsx file, or a .csv file, row by row (streaming). */
export function readRows(buffer: Buffer, kind: 'xlsx' | 'csv'): AsyncGenerator<RawRow> {
  return kind === 'xlsx' ? readXlsx(buffer) : readCsv(buffer);
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type ColumnDef, type Dictionaries, optionsOf } from './columns.ts';

type Locale = 'zh-CN' | 'en-US';

const header = (c: ColumnDef, locale: Locale) => (locale === 'en-US' ? c.headerEn : c.header);

/** The text a value is exported as: codes as labels, booleans as 是/否, dates as YYYY-MM-DD. */
function exportValue(column: ColumnDef, value: unknown, dictionaries: Dictionaries, locale: Locale) {
  if (value === null || value === undefined) return null;
  if (column.kind === 'code') {
    const option = optionsOf(column, dictionaries).find((o) => o.code === value);
    return option ? (locale === 'en-US' ? option.labelEn : option.labelZh) : String(value);
  }
  if (column.kind === 'boolean')
    return value ? (locale === 'en-US' ? 'Yes' : '是') : locale === 'en-US' ? 'No' : '否';
  if (column.kind === 'integer') return Number(value);
  return String(value);
}

/**
 * Waits until the zip has taken what the sheet wrote so far. ExcelJS pipes each sheet into the zip
 * through a stream (readable-stream 2, hence its `_writableState`) whose backpressure it ignores, and
 * row sources are often synchronous underneath (SQLite): without this the whole sheet would wait in
 * memory uncompressed, deflate never getting a turn of the event loop.
 */
async function zipped(sheet: ExcelJS.Worksheet) {
  type Entry = Writable & { _writableState?: { needDrain?: boolean } };
  const entry = (sheet as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
  if (entry?._writableState?.needDrain) await once(entry, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Streams rows into an .xlsx file: constant memory whatever the row count, since rows are committed
 * in blocks as they are written.
 */
export async function writeXlsx(
  out: Writable,
  sheetName: string,
  columns: readonly ColumnDef[],
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  dictionaries: Dictionaries,
  locale: Locale,
  onRow?: (count: number) => void,
): Promise<number> {
  // No styles (they halve the speed; values are written as strings, so long numbers stay intact) and
  // fast deflate: an export of 100,000 rows stays within seconds.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: header(c, locale),
    key: c.key,
    width: c.width ?? Math.max(10, header(c, locale).length * 2 + 2),
  }));
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    const values: Record<string, unknown> = {};
    for (const c of columns) values[c.key] = exportValue(c, row[c.key], dictionaries, locale);
    const added = sheet.addRow(values);
    count++;
    // Committing a row writes it and every row before it; committing in blocks keeps the zip stream's
    // writes large (one thread-pool round trip per block rather than per row) and memory bounded.
    if (count % 200 === 0) {
      added.commit();
      await zipped(sheet);
    }
    if (onRow && count % 1000 === 0) onRow(count);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * The import template: one header row (required columns marked *), notes on the headers, text
 * format everywhere, and drop-down lists for coded columns drawn from a hidden sheet of labels.
 */
export async function buildTemplate(
  sheetName: string,
  columns: readonly ColumnDef[],
  dictionaries: Dictionaries,
  rowsWithValidation = 2000,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('取值', { state: 'veryHidden' });
  sheet.columns = columns.map((c) => ({
    header: `${c.required ? '*' : ''}${c.header}`,
    key: c.key,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    const hint = [c.note, c.kind === 'date' ? '日期格式 YYYY-MM-DD' : null, c.required ? '必填' : null]
      .filter(Boolean)
      .join('；');
    if (hint) cell.note = hint;
  });
  let listColumn = 0;
  columns.forEach((c, i) => {
    const options = c.kind === 'code' ? optionsOf(c, dictionaries) : c.kind === 'boolean' ? null : undefined;
    const labels = options ? options.map((o) => o.labelZh) : c.kind === 'boolean' ? ['是', '否'] : null;
    if (!labels || labels.length === 0) return;
    listColumn++;
    const letter = lists.getColumn(listColumn).letter;
    labels.forEach((label, r) => {
      lists.getCell(r + 1, listColumn).value = label;
    });
    const formula = `'取值'!$${letter}$1:$${letter}$${labels.length}`;
    const col = sheet.getColumn(i + 1).letter;
    for (let r = 2; r <= rowsWithValidation + 1; r++) {
      sheet.getCell(`${col}${r}`).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: c.header,
        error: '请从下拉列表中选择',
      };
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

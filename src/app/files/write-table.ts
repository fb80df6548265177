/**
 * Header + rows of plain cells -> a CSV or XLSX file that opens cleanly in Excel (including Excel on Chinese
 * Windows). Knows nothing about record kinds.
 */
import { stringify } from 'csv-stringify/sync';
import type { Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import type { Cell } from './read-table.ts';

export type WriteFormat = 'csv' | 'xlsx';
export type WriteTableInput = {
  sheetName: string;
  headers: string[];
  rows: Cell[][];
  /** optional per-column help text: written as header cell notes in XLSX, ignored in CSV */
  columnNotes?: (string | undefined)[];
  /** optional second sheet (XLSX only) listing instructions, e.g. [['列 Column','说明 Meaning'], ...] */
  instructions?: { sheetName: string; rows: string[][] };
};

export async function writeTable(format: WriteFormat, input: WriteTableInput): Promise<Buffer> {
  return format === 'csv' ? writeCsv(input) : writeXlsx(input);
}

export function contentTypeFor(format: WriteFormat): string {
  return format === 'csv'
    ? 'text/csv; charset=utf-8'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
}

/** Calendar date of a Date by its UTC fields: ExcelJS reads and writes date cells as UTC, so both formats agree. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function writeCsv(input: WriteTableInput): Buffer {
  const text = stringify([input.headers, ...input.rows], {
    bom: true, // without it Excel on Windows reads the file in the ANSI code page and garbles Chinese
    record_delimiter: 'windows',
    // csv-stringify only quotes the record delimiter itself (CRLF); a bare LF from an Alt+Enter cell needs quotes too.
    quoted_match: /[\r\n]/,
    cast: {
      date: isoDate,
      // Excel's own spelling; csv-stringify's default would write 1 and an empty cell.
      boolean: (value) => (value ? 'TRUE' : 'FALSE'),
    },
  });
  return Buffer.from(text, 'utf8');
}

const MAX_COLUMN_WIDTH = 50;
const MIN_COLUMN_WIDTH = 8;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

async function writeXlsx(input: WriteTableInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheetName = excelSheetName(input.sheetName, 'Sheet1');
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = input.headers.length;

  sheet.addRow(input.headers);
  for (let c = 1; c <= width; c++) {
    const cell = sheet.getCell(1, c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    const note = input.columnNotes?.[c - 1];
    if (note) cell.note = note;
  }
  for (const values of input.rows) {
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  if (width > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
  // The header gets room for the filter drop-down button.
  fitColumns(sheet, [input.headers.map((header) => textWidth(header) + 2)], input.rows, cellWidth);

  if (input.instructions) {
    const name = excelSheetName(input.instructions.sheetName, 'Instructions');
    const taken = name.toLowerCase() === sheetName.toLowerCase();
    const help = workbook.addWorksheet(taken ? `${name.slice(0, 27)} (2)` : name);
    for (const [i, values] of input.instructions.rows.entries()) {
      const row = help.addRow(values);
      row.eachCell((cell) => {
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (i === 0) {
          cell.font = { bold: true };
          cell.fill = HEADER_FILL;
        }
      });
    }
    fitColumns(help, [], input.instructions.rows, textWidth);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Excel's sheet name rules: 1 to 31 characters, none of [ ] : * ? / \, no apostrophe at either end, not "History".
 * Anything else is repaired rather than refused: the name is cosmetic.
 */
function excelSheetName(name: string, fallback: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '-').trim();
  let cut = '';
  for (const char of cleaned) {
    // 31 UTF-16 units, never splitting a surrogate pair.
    if (cut.length + char.length > 31) break;
    cut += char;
  }
  cut = cut.replace(/^'+|'+$/g, '').trim();
  return cut === '' || cut.toLowerCase() === 'history' ? fallback : cut;
}

function fitColumns<T>(sheet: Worksheet, fixed: number[][], rows: T[][], widthOf: (value: T) => number): void {
  // Loops, not Math.max(...spread): 100k rows would overflow the argument stack.
  const widest: number[] = [];
  const widen = (c: number, width: number) => {
    widest[c] = Math.max(widest[c] ?? 0, width);
  };
  for (const row of fixed) for (const [c, width] of row.entries()) widen(c, width);
  for (const row of rows) for (const [c, value] of row.entries()) widen(c, widthOf(value));
  widest.forEach((width, c) => {
    sheet.getColumn(c + 1).width = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width + 2));
  });
}

function cellWidth(cell: Cell): number {
  if (cell === null) return 0;
  if (cell instanceof Date) return 10;
  if (typeof cell === 'boolean') return 5;
  return textWidth(String(cell));
}

// East Asian wide and full-width characters take two columns in Excel's default fonts.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Display width of text in Excel columns: the widest line, counting CJK characters double. */
function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const char of line) width += WIDE.test(char) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

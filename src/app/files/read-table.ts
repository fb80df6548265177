/**
 * Uploaded file (CSV or XLSX) -> header + rows of plain cells. Knows nothing about record kinds: mapping headers to
 * fields and validating values is the caller's job.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { CellValue, Cell as ExcelCell, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { FileFormatError, formatSize } from './file-error.ts';
import { guardZip, startsLikeZip } from './zip-guard.ts';

export type Cell = string | number | boolean | Date | null;
export type TableRow = { rowNumber: number; cells: Cell[] };
export type ReadTableResult = {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gbk' | 'utf-16le';
  sheetName?: string;
  headers: string[];
  rows: TableRow[];
};
export type ReadLimits = { maxBytes: number; maxRows: number; maxUnzippedBytes: number };

const MB = 1024 * 1024;
export const defaultReadLimits: ReadLimits = { maxBytes: 20 * MB, maxRows: 100_000, maxUnzippedBytes: 200 * MB };

type CsvEncoding = NonNullable<ReadTableResult['encoding']>;

export async function readTable(
  input: { bytes: Buffer | Uint8Array; fileName: string },
  limits: Partial<ReadLimits> = {},
): Promise<ReadTableResult> {
  const { fileName } = input;
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const lim = { ...defaultReadLimits, ...limits };
  const format = formatOf(fileName);
  if (bytes.length > lim.maxBytes) {
    let [size, limit] = [formatSize(bytes.length), formatSize(lim.maxBytes)];
    // "20 MB; the limit is 20 MB" would puzzle anyone: fall back to exact bytes when rounding hides the difference.
    if (size === limit) [size, limit] = [`${bytes.length} bytes`, `${lim.maxBytes} bytes`];
    throw new FileFormatError('too_large', `${fileName} is ${size}; the limit is ${limit}`, {
      fileName,
      size: bytes.length,
      limit: lim.maxBytes,
    });
  }
  if (bytes.length === 0) throw new FileFormatError('empty', `${fileName} is empty`, { fileName });
  return format === 'csv' ? readCsv(bytes, fileName, lim.maxRows) : readXlsx(bytes, fileName, lim);
}

function formatOf(fileName: string): 'csv' | 'xlsx' {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  const what = extension === 'xls' ? 'an old Excel 97-2003 (.xls) workbook' : 'not a supported file type';
  throw new FileFormatError('unsupported_type', `${fileName} is ${what}; save it as .xlsx or .csv and upload again`, {
    fileName,
    extension,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Header and row collection shared by both formats

type Table = { headers: string[]; rows: TableRow[] };

/** Rows go in in file order; the first non-empty one becomes the header. Returns null from finish() if all empty. */
function tableCollector(fileName: string, maxRows: number) {
  let headers: string[] | null = null;
  let headerRow = 0;
  const rows: TableRow[] = [];
  return {
    add(rowNumber: number, cells: Cell[]): void {
      let last = cells.length - 1;
      while (last >= 0 && cells[last] === null) last--;
      if (last < 0) return;
      if (headers === null) {
        headers = cells.slice(0, last + 1).map(headerText);
        headerRow = rowNumber;
        return;
      }
      if (rows.length === maxRows) {
        throw new FileFormatError(
          'too_many_rows',
          `${fileName} has more than ${maxRows.toLocaleString('en-US')} data rows; split it into smaller files`,
          { fileName, limit: maxRows },
        );
      }
      // Every header column gets a cell (null when missing); extra non-empty cells past the header are kept.
      const width = Math.max(headers.length, last + 1);
      rows.push({ rowNumber, cells: Array.from({ length: width }, (_, i) => cells[i] ?? null) });
    },
    finish(): Table | null {
      if (headers === null) return null;
      // Column names always contain a letter; a first row of only numbers or dates means the header is missing.
      if (!headers.some((header) => /\p{L}/u.test(header))) {
        throw new FileFormatError(
          'no_header',
          `${fileName} has no header row: row ${headerRow}, the first non-empty row, should hold the column names`,
          { fileName, row: headerRow },
        );
      }
      return { headers, rows };
    },
  };
}

function headerText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

function emptyError(fileName: string): FileFormatError {
  return new FileFormatError('empty', `${fileName} contains no data`, { fileName });
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

function decodeCsv(bytes: Buffer, fileName: string): { text: string; encoding: CsvEncoding } {
  const notCsv = (reason: string) =>
    new FileFormatError('not_csv', `${fileName} is not a CSV text file: ${reason}`, { fileName, reason });
  if (startsLikeZip(bytes) || startsLikeOle2(bytes)) {
    throw notCsv('it looks like an Excel workbook; upload it with the .xlsx extension or save it as CSV UTF-8');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  // Excel's "Unicode Text" export: UTF-16LE with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    throw notCsv('UTF-16 big-endian text is not supported; save as CSV UTF-8');
  // A NUL byte never occurs in UTF-8 or GBK text; it means a binary file or BOM-less UTF-16.
  if (bytes.includes(0)) throw notCsv('it contains binary data');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Excel on Chinese Windows saves "CSV (Comma delimited)" in the ANSI code page, i.e. GBK; GB18030 is its superset.
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gbk' };
  }
}

function readCsv(bytes: Buffer, fileName: string, maxRows: number): ReadTableResult {
  const { text, encoding } = decodeCsv(bytes, fileName);
  const headerLine = /[^\r\n]*\S[^\r\n]*/.exec(text)?.[0] ?? '';
  const delimiter = headerLine.includes('\t') && !headerLine.includes(',') ? '\t' : ',';
  // csv-parse reports positions as UTF-8 byte offsets, so line numbers are worked out on a UTF-8 copy of the text.
  const utf8 = Buffer.from(text, 'utf8');
  const lines = lineCounter(utf8);
  const collector = tableCollector(fileName, maxRows);
  let recordEnd = 0;
  try {
    parse(utf8, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true, // a stray quote inside an unquoted cell (5" tablet) is kept as text
      skip_empty_lines: true,
      trim: true, // around cells only; whitespace inside quotes is kept
      on_record: (record: string[], context: { bytes: number }) => {
        // The record starts at its first non-blank byte after the previous record: a line number that stays right
        // across skipped blank lines and multi-line quoted cells (csv-parse's own line count drifts with CRLF).
        const rowNumber = lines.lineOf(lines.skipBlank(recordEnd));
        recordEnd = context.bytes;
        collector.add(
          rowNumber,
          record.map((value) => (value === '' ? null : value)),
        );
        return null; // collected above; nothing for csv-parse to accumulate
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lines.lineOf(lines.skipBlank(recordEnd));
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED' ? `a quoted cell starting on line ${line} is never closed` : error.message;
    throw new FileFormatError('not_csv', `${fileName} could not be read as CSV: ${reason}`, { fileName, line });
  }
  const table = collector.finish();
  if (!table) throw emptyError(fileName);
  return { format: 'csv', encoding, ...table };
}

/** Line numbers of byte offsets, asked for in increasing order. CRLF, LF and a lone CR each end a line. */
function lineCounter(buf: Buffer) {
  let pos = 0;
  let line = 1;
  return {
    skipBlank(offset: number): number {
      let at = offset;
      while (at < buf.length && (buf[at] === 0x20 || buf[at] === 0x09 || buf[at] === 0x0d || buf[at] === 0x0a)) at++;
      return at;
    },
    lineOf(offset: number): number {
      while (pos < offset) {
        const byte = buf[pos++];
        if (byte === 0x0a || (byte === 0x0d && buf[pos] !== 0x0a)) line++;
      }
      return line;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

function startsLikeOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

async function readXlsx(bytes: Buffer, fileName: string, limits: ReadLimits): Promise<ReadTableResult> {
  const notXlsx = (reason: string) =>
    new FileFormatError('not_xlsx', `${fileName} is not a valid .xlsx file: ${reason}`, { fileName, reason });
  if (startsLikeOle2(bytes)) {
    // Both old .xls files and password-protected .xlsx files are OLE2 containers.
    throw notXlsx(
      'it is an old .xls workbook or is password-protected; save it in Excel as an .xlsx without a password',
    );
  }
  if (!startsLikeZip(bytes)) throw notXlsx('it is not an Excel workbook');
  const entries = await guardZip(bytes, fileName, limits.maxUnzippedBytes);
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw notXlsx('it is a zip file but not an Excel workbook');
  }

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx('Excel data inside it is damaged; open it in Excel and save it again');
  }
  // Hidden sheets (lookup lists and the like) are only a fallback: users import what they can see.
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  for (const sheet of sheets) {
    const table = readSheet(sheet, fileName, limits.maxRows);
    if (table) return { format: 'xlsx', sheetName: sheet.name, ...table };
  }
  throw emptyError(fileName);
}

function readSheet(sheet: Worksheet, fileName: string, maxRows: number): Table | null {
  const collector = tableCollector(fileName, maxRows);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (!row) continue;
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.findCell(c)));
    collector.add(r, cells);
  }
  return collector.finish();
}

function cellOf(cell: ExcelCell | undefined): Cell {
  // Excel shows a merged range's value once, in its top-left cell (and saves it there only in CSV); do the same.
  if (!cell || cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value);
}

function plainValue(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return plainValue(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return null;
  // A hyperlink's text may itself be rich text.
  if ('hyperlink' in value) return plainValue(value.text as CellValue);
  // Formulas: the result Excel cached when the file was saved (absent if never calculated).
  return plainValue(value.result ?? null);
}

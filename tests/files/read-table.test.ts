import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/app/files/file-error.ts';
import { type ReadLimits, readTable } from '../../src/app/files/read-table.ts';
import { writeTable } from '../../src/app/files/write-table.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function xlsxOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Resolves to the FileFormatError readTable rejects with; fails the test if it resolves or throws anything else. */
async function failure(fileName: string, bytes: Buffer, limits?: Partial<ReadLimits>): Promise<FileFormatError> {
  const error = await readTable({ bytes, fileName }, limits).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
}

describe('readTable: CSV encodings', () => {
  it('reads GBK, the encoding of Excel CSV files saved on Chinese Windows', async () => {
    const bytes = iconv.encode('客户名称,等级,负责人\r\n华为技术,A,张三\r\n小米科技,B,李四\r\n', 'gbk');
    expect(await readTable({ bytes, fileName: '客户.csv' })).toEqual({
      format: 'csv',
      encoding: 'gbk',
      headers: ['客户名称', '等级', '负责人'],
      rows: [
        { rowNumber: 2, cells: ['华为技术', 'A', '张三'] },
        { rowNumber: 3, cells: ['小米科技', 'B', '李四'] },
      ],
    });
  });

  const text = '客户名称,城市\r\n上海电气,上海\r\n';
  it.each([
    ['UTF-8 with BOM', Buffer.concat([BOM, utf8(text)]), 'utf-8'],
    ['UTF-8 without BOM', utf8(text), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
  ])('reads %s', async (_label, bytes, encoding) => {
    expect(await readTable({ bytes, fileName: 'customers.csv' })).toEqual({
      format: 'csv',
      encoding,
      headers: ['客户名称', '城市'],
      rows: [{ rowNumber: 2, cells: ['上海电气', '上海'] }],
    });
  });
});

describe('readTable: CSV parsing', () => {
  it.each([
    {
      label: 'quoted commas, doubled quotes and line breaks; whitespace trimmed outside quotes only',
      text: 'Name,Note,Qty\r\n"Acme, Inc.","He said ""hi""",3\r\n"多行\r\n备注",  padded  ,"  keep  "\r\nlast,,\r\n',
      headers: ['Name', 'Note', 'Qty'],
      rows: [
        { rowNumber: 2, cells: ['Acme, Inc.', 'He said "hi"', '3'] },
        { rowNumber: 3, cells: ['多行\r\n备注', 'padded', '  keep  '] },
        { rowNumber: 5, cells: ['last', null, null] },
      ],
    },
    {
      label: 'blank, whitespace-only and all-empty lines skipped, row numbers kept (LF)',
      text: '\na,b\n\n1,2\n   \n,,\n3,4\n\n',
      headers: ['a', 'b'],
      rows: [
        { rowNumber: 4, cells: ['1', '2'] },
        { rowNumber: 7, cells: ['3', '4'] },
      ],
    },
    {
      label: 'a record spanning lines, then blank lines (CRLF): the next row number counts every line',
      text: 'a,b\r\n"x\r\ny\r\nz",1\r\n\r\n\r\nnext,2\r\n',
      headers: ['a', 'b'],
      rows: [
        { rowNumber: 2, cells: ['x\r\ny\r\nz', '1'] },
        { rowNumber: 7, cells: ['next', '2'] },
      ],
    },
    {
      label: 'old Mac line endings (CR only)',
      text: 'a,b\r1,2\r\r3,4',
      headers: ['a', 'b'],
      rows: [
        { rowNumber: 2, cells: ['1', '2'] },
        { rowNumber: 4, cells: ['3', '4'] },
      ],
    },
    {
      label: 'tab-delimited when the header has tabs and no commas',
      text: '名称\t备注\n深圳\t"a, b"\n',
      headers: ['名称', '备注'],
      rows: [{ rowNumber: 2, cells: ['深圳', 'a, b'] }],
    },
    {
      label: 'comma-delimited when the header has both',
      text: 'a\tb,c\n1\t2,3\n',
      headers: ['a\tb', 'c'],
      rows: [{ rowNumber: 2, cells: ['1\t2', '3'] }],
    },
    {
      label: 'ragged rows: trailing empty headers dropped, short rows padded, extra cells kept',
      text: 'a,b,,\n1\n1,2,3\n',
      headers: ['a', 'b'],
      rows: [
        { rowNumber: 2, cells: ['1', null] },
        { rowNumber: 3, cells: ['1', '2', '3'] },
      ],
    },
    {
      label: 'a stray quote inside an unquoted cell is text; numbers are not guessed',
      text: 'item,size\n5" tablet,007\n',
      headers: ['item', 'size'],
      rows: [{ rowNumber: 2, cells: ['5" tablet', '007'] }],
    },
  ])('$label', async ({ text, headers, rows }) => {
    const result = await readTable({ bytes: utf8(text), fileName: 'data.csv' });
    expect(result.headers).toEqual(headers);
    expect(result.rows).toEqual(rows);
  });

  it('treats .txt as CSV (Excel "Unicode Text" is UTF-16LE and tab-delimited)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称\t金额\r\n华为\t100\r\n', 'utf16le')]);
    expect(await readTable({ bytes, fileName: 'export.TXT' })).toEqual({
      format: 'csv',
      encoding: 'utf-16le',
      headers: ['名称', '金额'],
      rows: [{ rowNumber: 2, cells: ['华为', '100'] }],
    });
  });

  it('accepts exactly maxRows data rows', async () => {
    const result = await readTable({ bytes: utf8('h\n1\n2\n'), fileName: 'a.csv' }, { maxRows: 2 });
    expect(result.rows.map((row) => row.rowNumber)).toEqual([2, 3]);
  });
});

describe('readTable: XLSX', () => {
  it('round-trips Chinese headers, numbers, dates, booleans and nulls written by writeTable', async () => {
    const signed = new Date(Date.UTC(2024, 2, 15));
    const bytes = await writeTable('xlsx', {
      sheetName: '客户',
      headers: ['客户名称', '签约金额', '签约日期', '重点客户', '备注'],
      rows: [
        ['华为技术有限公司', 1250000.5, signed, true, null],
        ['小米科技', 0, null, false, '  续约  '],
      ],
    });
    expect(await readTable({ bytes, fileName: '客户.xlsx' })).toEqual({
      format: 'xlsx',
      sheetName: '客户',
      headers: ['客户名称', '签约金额', '签约日期', '重点客户', '备注'],
      rows: [
        { rowNumber: 2, cells: ['华为技术有限公司', 1250000.5, signed, true, null] },
        { rowNumber: 3, cells: ['小米科技', 0, null, false, '续约'] },
      ],
    });
  });

  it('normalises rich text, formulas, hyperlinks, errors and merged cells; keeps real row numbers', async () => {
    const bytes = await xlsxOf((workbook) => {
      workbook.addWorksheet('Empty');
      const hidden = workbook.addWorksheet('Lookup', { state: 'hidden' });
      hidden.addRow(['hidden header']);
      const sheet = workbook.addWorksheet('Deals');
      sheet.getCell('B3').value = ' Name ';
      sheet.getCell('C3').value = { richText: [{ text: 'Amount ' }, { text: '金额', font: { bold: true } }] };
      sheet.getCell('D3').value = 'Link';
      sheet.getCell('E3').value = 'Check';
      sheet.getCell('F3').value = '   ';
      sheet.getCell('B4').value = 'Acme';
      sheet.getCell('C4').value = { formula: 'SUM(1,2)', result: 3 };
      sheet.getCell('D4').value = { text: 'site', hyperlink: 'https://a.example' };
      sheet.getCell('E4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      sheet.getCell('B6').value = { richText: [{ text: ' 多' }, { text: '格式 ' }] };
      sheet.getCell('C6').value = { formula: 'C4*2', result: 6 };
      sheet.getCell('D6').value = { error: '#N/A' };
      sheet.getCell('E6').value = { formula: 'TODAY()' };
      sheet.getCell('B8').value = 'merged';
      sheet.mergeCells('B8:C8');
      sheet.getCell('G8').value = 'beyond';
    });
    expect(await readTable({ bytes, fileName: 'deals.xlsx' })).toEqual({
      format: 'xlsx',
      sheetName: 'Deals',
      headers: ['', 'Name', 'Amount 金额', 'Link', 'Check'],
      rows: [
        { rowNumber: 4, cells: [null, 'Acme', 3, 'site', null] },
        { rowNumber: 6, cells: [null, '多格式', 6, null, null] },
        { rowNumber: 8, cells: [null, 'merged', null, null, null, null, 'beyond'] },
      ],
    });
  });

  it('falls back to a hidden sheet when no visible sheet has data; non-text headers become text', async () => {
    const bytes = await xlsxOf((workbook) => {
      workbook.addWorksheet('Blank');
      const sheet = workbook.addWorksheet('Data', { state: 'hidden' });
      sheet.addRow(['Region', 2024, new Date(Date.UTC(2025, 0, 1)), true]);
      sheet.addRow(['East', 1, 2, 3]);
    });
    expect(await readTable({ bytes, fileName: 'plan.xlsx' })).toEqual({
      format: 'xlsx',
      sheetName: 'Data',
      headers: ['Region', '2024', '2025-01-01', 'TRUE'],
      rows: [{ rowNumber: 2, cells: ['East', 1, 2, 3] }],
    });
  });
});

describe('readTable: refusals', () => {
  const xlsx = () => writeTable('xlsx', { sheetName: 'S', headers: ['Name'], rows: [['a'], ['b'], ['c']] });
  const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  it.each([
    [
      'old.xls',
      'unsupported_type',
      'old.xls is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or .csv and upload again',
      async () => ole2,
      {},
    ],
    [
      'report.pdf',
      'unsupported_type',
      'report.pdf is not a supported file type; save it as .xlsx or .csv and upload again',
      async () => utf8('%PDF'),
      {},
    ],
    [
      'customers.xlsx',
      'too_large',
      'customers.xlsx is 31.2 MB; the limit is 20 MB',
      async () => Buffer.alloc(Math.round(31.2 * 1024 * 1024)),
      {},
    ],
    [
      'tiny.csv',
      'too_large',
      'tiny.csv is 8 bytes; the limit is 7 bytes',
      async () => utf8('a,b\n1,2\n'),
      { maxBytes: 7 },
    ],
    [
      'a.csv',
      'too_many_rows',
      'a.csv has more than 2 data rows; split it into smaller files',
      async () => utf8('h\n1\n\n2\n3\n'),
      { maxRows: 2 },
    ],
    ['a.xlsx', 'too_many_rows', 'a.xlsx has more than 2 data rows; split it into smaller files', xlsx, { maxRows: 2 }],
    ['none.csv', 'empty', 'none.csv is empty', async () => Buffer.alloc(0), {}],
    ['blank.csv', 'empty', 'blank.csv contains no data', async () => utf8('\r\n  \r\n,,\r\n'), {}],
    [
      'blank.xlsx',
      'empty',
      'blank.xlsx contains no data',
      () => xlsxOf((wb) => wb.addWorksheet('One').addRow([null, '  '])),
      {},
    ],
    [
      'numbers.csv',
      'no_header',
      'numbers.csv has no header row: row 2, the first non-empty row, should hold the column names',
      async () => utf8('\n1,2.5,2024-01-01\n3,4,5\n'),
      {},
    ],
    [
      'open.csv',
      'not_csv',
      'open.csv could not be read as CSV: a quoted cell starting on line 4 is never closed',
      async () => utf8('a,b\n1,2\n\n"never closed,3\n4,5\n'),
      {},
    ],
    [
      'renamed.csv',
      'not_csv',
      'renamed.csv is not a CSV text file: it looks like an Excel workbook; upload it with the .xlsx extension or save it as CSV UTF-8',
      xlsx,
      {},
    ],
    [
      'binary.csv',
      'not_csv',
      'binary.csv is not a CSV text file: it contains binary data',
      async () => Buffer.from([0x61, 0x00, 0x62]),
      {},
    ],
    [
      'random.xlsx',
      'not_xlsx',
      'random.xlsx is not a valid .xlsx file: it is not an Excel workbook',
      async () => Buffer.from('8d1f0c5e9a7b3c2d4e6f8091a2b3c4d5e6f70812', 'hex'),
      {},
    ],
    [
      'cut.xlsx',
      'not_xlsx',
      'cut.xlsx is not a valid .xlsx file: the zip directory is missing, the file may be cut off or damaged; open it in Excel and save it again as .xlsx',
      async () => (await xlsx()).subarray(0, 3000),
      {},
    ],
    [
      'legacy.xlsx',
      'not_xlsx',
      'legacy.xlsx is not a valid .xlsx file: it is an old .xls workbook or is password-protected; save it in Excel as an .xlsx without a password',
      async () => ole2,
      {},
    ],
  ] as const)('%s -> %s', async (fileName, code, message, bytes, limits) => {
    const error = await failure(fileName, await bytes(), limits);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.params.fileName).toBe(fileName);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/app/files/read-table.ts';
import { contentTypeFor, type WriteTableInput, writeTable } from '../../src/app/files/write-table.ts';

// 23:30 UTC: the written calendar date must come from the UTC fields whatever the machine's time zone.
const signed = new Date(Date.UTC(2024, 2, 15, 23, 30));

const input: WriteTableInput = {
  sheetName: '客户',
  headers: ['客户名称', '金额', '签约日期', '重点', '备注'],
  rows: [
    ['Acme, Inc.', 1250000.5, signed, true, 'He said "hi"'],
    ['多行\n备注', -3, null, false, null],
  ],
  columnNotes: ['必填 Required', undefined, '格式 YYYY-MM-DD'],
  instructions: {
    sheetName: '说明',
    rows: [
      ['列 Column', '说明 Meaning'],
      ['客户名称', '客户的法定名称 The legal name'],
    ],
  },
};

async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('writeTable: CSV', () => {
  it('writes UTF-8 with BOM, CRLF, RFC 4180 quoting, dates as YYYY-MM-DD, TRUE/FALSE, null as empty', async () => {
    const bytes = await writeTable('csv', input);
    expect(bytes.toString('utf8')).toBe(
      '\ufeff客户名称,金额,签约日期,重点,备注\r\n' +
        '"Acme, Inc.",1250000.5,2024-03-15,TRUE,"He said ""hi"""\r\n' +
        '"多行\n备注",-3,,FALSE,\r\n',
    );
  });

  it('reads back through readTable as text cells', async () => {
    const bytes = await writeTable('csv', input);
    expect(await readTable({ bytes, fileName: 'out.csv' })).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headers: ['客户名称', '金额', '签约日期', '重点', '备注'],
      rows: [
        { rowNumber: 2, cells: ['Acme, Inc.', '1250000.5', '2024-03-15', 'TRUE', 'He said "hi"'] },
        { rowNumber: 3, cells: ['多行\n备注', '-3', null, 'FALSE', null] },
      ],
    });
  });
});

describe('writeTable: XLSX', () => {
  it('styles the header, freezes it, filters it, annotates it and formats dates', async () => {
    const workbook = await loadXlsx(await writeTable('xlsx', input));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['客户', '说明']);
    const sheet = workbook.getWorksheet('客户') as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:E1');
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
    expect(sheet.getCell('E1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFDDEBF7' },
    });
    expect(sheet.getCell('F1').value).toBe(null);
    expect([sheet.getCell('A1').note, sheet.getCell('B1').note, sheet.getCell('C1').note]).toEqual([
      '必填 Required',
      undefined,
      '格式 YYYY-MM-DD',
    ]);
    expect(sheet.getCell('C2').value).toEqual(signed);
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('A2').font?.bold).toBeUndefined();

    const help = workbook.getWorksheet('说明') as ExcelJS.Worksheet;
    expect(help.getSheetValues().slice(1)).toEqual([
      [undefined, '列 Column', '说明 Meaning'],
      [undefined, '客户名称', '客户的法定名称 The legal name'],
    ]);
    expect(help.getCell('B1').font).toMatchObject({ bold: true });
    expect(help.getCell('B2').alignment).toMatchObject({ wrapText: true });
  });

  it('fits column widths to content, counting CJK characters double and capping at 50', async () => {
    const bytes = await writeTable('xlsx', {
      sheetName: 'W',
      headers: ['客户名称', '金额', '签约日期', '备注', 'Id'],
      rows: [
        ['华为技术有限公司', 1250000.5, signed, null, 1],
        ['小米', 12, null, 'x'.repeat(80), 2],
      ],
    });
    const sheet = (await loadXlsx(bytes)).worksheets[0] as ExcelJS.Worksheet;
    // Widest text + 2; a header also gets 2 for its filter button; never below 8.
    expect([1, 2, 3, 4, 5].map((c) => sheet.getColumn(c).width)).toEqual([18, 11, 12, 50, 8]);
  });

  it.each([
    ['Customers/Contacts: 2024?', 'Customers-Contacts- 2024-'],
    ['客户[2024]*', '客户-2024--'],
    ['A very long sheet name that exceeds the limit', 'A very long sheet name that exc'],
    [`${'x'.repeat(30)}😀`, 'x'.repeat(30)],
    ["'quoted'", 'quoted'],
    ['   ', 'Sheet1'],
    ['History', 'Sheet1'],
  ])('names the sheet %j as %j', async (sheetName, expected) => {
    const workbook = await loadXlsx(await writeTable('xlsx', { sheetName, headers: ['a'], rows: [] }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([expected]);
  });

  it('keeps the instructions sheet name distinct from the data sheet', async () => {
    const bytes = await writeTable('xlsx', {
      sheetName: 'Data',
      headers: ['a'],
      rows: [],
      instructions: { sheetName: 'data', rows: [['x']] },
    });
    expect((await loadXlsx(bytes)).worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'data (2)']);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['csv', 'text/csv; charset=utf-8'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const)('%s -> %s', (format, contentType) => {
    expect(contentTypeFor(format)).toBe(contentType);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, writeXlsx } from '../../src/web/ui/xlsx.ts';

// The browser's own XLSX writer (accounts export), read back by a real spreadsheet library.

describe('writeXlsx', () => {
  it('writes a sheet that ExcelJS reads back: Chinese text, numbers, empty cells, escaped XML', async () => {
    const bytes = writeXlsx(
      '账号与角色',
      ['显示名称', '邮箱', '数量'],
      [
        ['袁娜', 'rep@pacer.demo', 3],
        ['A & B <c> "d"', null, 0],
      ],
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe('账号与角色');
    const rows = [1, 2, 3].map((r) => [1, 2, 3].map((c) => sheet?.getRow(r).getCell(c).value ?? null));
    expect(rows).toEqual([
      ['显示名称', '邮箱', '数量'],
      ['袁娜', 'rep@pacer.demo', 3],
      ['A & B <c> "d"', null, 0],
    ]);
  });

  it('names columns past Z the way spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

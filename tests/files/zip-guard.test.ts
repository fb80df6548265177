import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/app/files/file-error.ts';
import { type ReadLimits, readTable } from '../../src/app/files/read-table.ts';
import { writeTable } from '../../src/app/files/write-table.ts';
import { guardZip } from '../../src/app/files/zip-guard.ts';
import { makeZip } from '../support/make-zip.ts';

const MB = 1024 * 1024;

const sheetXml = (bytes: number) => ({ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(bytes) });
const workbookPart = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };

async function failure(fileName: string, bytes: Buffer, limits?: Partial<ReadLimits>): Promise<FileFormatError> {
  const error = await readTable({ bytes, fileName }, limits).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
}

describe('zip-bomb guard', () => {
  it.each([
    {
      label: 'declared sizes add up to more than maxUnzippedBytes',
      zip: () => makeZip([workbookPart, sheetXml(3 * MB)]),
      limits: { maxUnzippedBytes: 2 * MB },
      message: 'bomb.xlsx expands to more than 2 MB when unzipped (zip-bomb guard)',
    },
    {
      label: 'a part over 10 MB compressed more than 200:1 (default limits)',
      zip: () => makeZip([workbookPart, sheetXml(11 * MB)]),
      limits: {},
      message: 'bomb.xlsx contains a part (xl/worksheets/sheet1.xml) compressed more than 200:1 (zip-bomb guard)',
    },
    {
      label: 'more than 10,000 parts',
      zip: () => makeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(0) }))),
      limits: {},
      message: 'bomb.xlsx contains more than 10000 parts (zip-bomb guard)',
    },
    {
      label: 'a part that inflates to more than it declares',
      zip: () => makeZip([workbookPart, { ...sheetXml(4 * MB), declaredSize: 1000 }]),
      limits: {},
      message:
        'bomb.xlsx contains a part (xl/worksheets/sheet1.xml) that expands beyond its declared size (zip-bomb guard)',
    },
    {
      label: 'ZIP64 sizes declaring 5 GB',
      zip: () => makeZip([workbookPart, { ...sheetXml(1000), declaredSize: 5 * 1024 * MB }], { zip64: true }),
      limits: {},
      message: 'bomb.xlsx expands to more than 200 MB when unzipped (zip-bomb guard)',
    },
  ])('refuses $label', async ({ zip, limits, message }) => {
    const error = await failure('bomb.xlsx', zip(), limits);
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toBe(message);
    expect(error.params.fileName).toBe('bomb.xlsx');
  });

  it('loads a real workbook whose declared sizes are within the limit, and refuses it under a tiny one', async () => {
    const bytes = await writeTable('xlsx', { sheetName: 'S', headers: ['Name'], rows: [['x'.repeat(5000)]] });
    const result = await readTable({ bytes, fileName: 'ok.xlsx' }, { maxUnzippedBytes: MB });
    expect(result.rows).toEqual([{ rowNumber: 2, cells: ['x'.repeat(5000)] }]);
    const error = await failure('ok.xlsx', bytes, { maxUnzippedBytes: 10_000 });
    expect(error.code).toBe('zip_bomb');
    expect(error.message).toBe('ok.xlsx expands to more than 9.8 KB when unzipped (zip-bomb guard)');
  });

  it('reads ZIP64 directories and honest sizes', async () => {
    const entries = await guardZip(makeZip([workbookPart, sheetXml(1000)], { zip64: true }), 'z.xlsx', MB);
    expect(entries.map(({ name, uncompressedSize }) => ({ name, uncompressedSize }))).toEqual([
      { name: 'xl/workbook.xml', uncompressedSize: 11 },
      { name: 'xl/worksheets/sheet1.xml', uncompressedSize: 1000 },
    ]);
  });

  it('refuses a zip that is not a workbook, and damaged directories, as not_xlsx', async () => {
    const notWorkbook = await failure('hello.xlsx', makeZip([{ name: 'hello.txt', data: Buffer.from('hi') }]));
    expect([notWorkbook.code, notWorkbook.message]).toEqual([
      'not_xlsx',
      'hello.xlsx is not a valid .xlsx file: it is a zip file but not an Excel workbook',
    ]);
    const zip = makeZip([workbookPart, sheetXml(1000)]);
    zip.writeUInt32LE(
      0xdeadbeef,
      zip.length - 22 - 2 * 46 - 'xl/workbook.xml'.length - 'xl/worksheets/sheet1.xml'.length,
    );
    const damaged = await failure('damaged.xlsx', zip);
    expect([damaged.code, damaged.message]).toEqual([
      'not_xlsx',
      'damaged.xlsx is not a valid .xlsx file: the zip directory is damaged; open it in Excel and save it again as .xlsx',
    ]);
  });
});

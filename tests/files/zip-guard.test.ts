import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/app/files/file-error.ts';
import { type ReadLimits, readTable } from '../../src/app/files/read-table.ts';
import { writeTable } from '../../src/app/files/write-table.ts';
import { guardZip } from '../../src/app/files/zip-guard.ts';

const MB = 1024 * 1024;

type Part = { name: string; data: Buffer; declaredSize?: number };

/**
 * A minimal but genuine zip (APPNOTE 4.3): deflated local entries, central directory, EOCD. `declaredSize` lets a
 * part lie about its uncompressed size. With `zip64`, sizes live in ZIP64 extra fields and a ZIP64 EOCD is written.
 */
function makeZip(parts: Part[], options: { zip64?: boolean } = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc32(part.data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(options.zip64 ? 20 : 0);
    if (options.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(45, 4);
    header.writeUInt16LE(45, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc32(part.data), 16);
    header.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 20);
    header.writeUInt32LE(options.zip64 ? 0xffffffff : size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    central.push(header, name, extra);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  if (!options.zip64) return Buffer.concat([...chunks, directory, eocd]);

  const eocd64 = Buffer.alloc(56);
  eocd64.writeUInt32LE(0x06064b50, 0);
  eocd64.writeBigUInt64LE(44n, 4);
  eocd64.writeUInt16LE(45, 12);
  eocd64.writeUInt16LE(45, 14);
  eocd64.writeBigUInt64LE(BigInt(parts.length), 24);
  eocd64.writeBigUInt64LE(BigInt(parts.length), 32);
  eocd64.writeBigUInt64LE(BigInt(directory.length), 40);
  eocd64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...chunks, directory, eocd64, locator, eocd]);
}

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

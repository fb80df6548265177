/**
 * Zip-bomb guard for uploaded .xlsx files (an .xlsx is a zip of XML parts).
 *
 * ExcelJS (through JSZip) inflates every part fully into memory, whatever sizes the zip declares, so a 20 MB upload
 * could expand to gigabytes. Before ExcelJS sees the file we:
 *   1. read the zip's own directory (End Of Central Directory record, ZIP64 variant too, then the central directory
 *      headers; layout per PKWARE APPNOTE.TXT sections 4.3.12 to 4.3.16 and 4.5.3),
 *   2. refuse when the declared sizes add up to too much, a part is implausibly compressible, or there are too many
 *      parts,
 *   3. inflate each part once with a hard output cap equal to its declared size, because declared sizes are written by
 *      whoever made the file and can lie. This costs one extra inflate pass; the cap keeps memory bounded.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { FileFormatError, formatSize } from './file-error.ts';

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

export const zipGuardRules = {
  maxEntries: 10_000,
  /** compression ratio above which a big part is refused */
  maxRatio: 200,
  /** parts smaller than this may be as compressible as they like (XML of empty cells compresses very well) */
  ratioAppliesAbove: 10 * 1024 * 1024,
} as const;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

export function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Throws FileFormatError ('zip_bomb' or, for a damaged zip, 'not_xlsx'); returns the parts it checked. */
export async function guardZip(bytes: Uint8Array, fileName: string, maxUnzippedBytes: number): Promise<ZipEntry[]> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (reason: string) =>
    new FileFormatError(
      'not_xlsx',
      `${fileName} is not a valid .xlsx file: ${reason}; open it in Excel and save it again as .xlsx`,
      { fileName, reason },
    );
  const bomb = (message: string, params: Record<string, string | number>) =>
    new FileFormatError('zip_bomb', `${fileName} ${message} (zip-bomb guard)`, { fileName, ...params });

  const directory = readDirectoryLocation(buf, corrupt);
  if (directory.entryCount > zipGuardRules.maxEntries) {
    throw bomb(`contains more than ${zipGuardRules.maxEntries} parts`, {
      entries: directory.entryCount,
      limit: zipGuardRules.maxEntries,
    });
  }
  if (directory.offset + directory.size > buf.length) throw corrupt('the zip directory is cut off');

  const entries: ZipEntry[] = [];
  const localOffsets: number[] = [];
  let total = 0;
  let pos = directory.offset;
  for (let i = 0; i < directory.entryCount; i++) {
    if (pos + CENTRAL_SIZE > buf.length || buf.readUInt32LE(pos) !== SIG_CENTRAL) {
      throw corrupt('the zip directory is damaged');
    }
    const flags = buf.readUInt16LE(pos + 8);
    const method = buf.readUInt16LE(pos + 10);
    let compressedSize = buf.readUInt32LE(pos + 20);
    let uncompressedSize = buf.readUInt32LE(pos + 24);
    const nameLength = buf.readUInt16LE(pos + 28);
    const extraLength = buf.readUInt16LE(pos + 30);
    const commentLength = buf.readUInt16LE(pos + 32);
    let localOffset = buf.readUInt32LE(pos + 42);
    const nameStart = pos + CENTRAL_SIZE;
    const extraStart = nameStart + nameLength;
    pos = extraStart + extraLength + commentLength;
    if (pos > buf.length) throw corrupt('the zip directory is damaged');
    // Bit 11: name is UTF-8; otherwise CP437, whose ASCII range is all we ever compare against.
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', nameStart, extraStart);

    // ZIP64 extended information (APPNOTE 4.5.3): 8-byte values, present only for fields that hold 0xFFFFFFFF.
    if (compressedSize === U32_MAX || uncompressedSize === U32_MAX || localOffset === U32_MAX) {
      const zip64 = findExtraField(buf, extraStart, extraStart + extraLength, 0x0001);
      if (!zip64) throw corrupt(`the ZIP64 sizes of ${name} are missing`);
      let at = zip64.start;
      const next = () => {
        if (at + 8 > zip64.end) throw corrupt(`the ZIP64 sizes of ${name} are damaged`);
        const value = readU64(buf, at);
        at += 8;
        return value;
      };
      if (uncompressedSize === U32_MAX) uncompressedSize = next();
      if (compressedSize === U32_MAX) compressedSize = next();
      if (localOffset === U32_MAX) localOffset = next();
    }

    if (flags & 0x1) throw corrupt('it is encrypted');
    if (method !== 0 && method !== 8) throw corrupt(`${name} uses an unsupported compression method`);
    // Declared sizes first: cheap, and they catch honest bombs before any inflating.
    total += uncompressedSize;
    if (total > maxUnzippedBytes) {
      throw bomb(`expands to more than ${formatSize(maxUnzippedBytes)} when unzipped`, { limit: maxUnzippedBytes });
    }
    if (
      uncompressedSize > zipGuardRules.ratioAppliesAbove &&
      uncompressedSize > compressedSize * zipGuardRules.maxRatio
    ) {
      throw bomb(`contains a part (${name}) compressed more than ${zipGuardRules.maxRatio}:1`, {
        entry: name,
        limit: zipGuardRules.maxRatio,
      });
    }
    if (localOffset + LOCAL_SIZE + compressedSize > buf.length) throw corrupt(`${name} is cut off`);
    entries.push({ name, compressedSize, uncompressedSize });
    localOffsets.push(localOffset);
  }

  // One part at a time so that at most one inflated part is held in memory.
  for (const [i, entry] of entries.entries()) {
    await verifyActualSize(buf, localOffsets[i] ?? 0, entry, corrupt, () =>
      bomb(`contains a part (${entry.name}) that expands beyond its declared size`, { entry: entry.name }),
    );
  }
  return entries;
}

type DirectoryLocation = { entryCount: number; size: number; offset: number };

function readDirectoryLocation(buf: Buffer, corrupt: (reason: string) => FileFormatError): DirectoryLocation {
  // The EOCD record sits at the very end, followed only by a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - EOCD_SIZE; i >= Math.max(0, buf.length - EOCD_SIZE - U16_MAX); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('the zip directory is missing, the file may be cut off or damaged');

  const entryCount = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (entryCount !== U16_MAX && size !== U32_MAX && offset !== U32_MAX) return { entryCount, size, offset };

  // ZIP64: a locator right before the EOCD points at the ZIP64 EOCD record holding the 8-byte values.
  const locator = eocd - 20;
  if (locator < 0 || buf.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw corrupt('the ZIP64 directory is missing');
  const zip64 = readU64(buf, locator + 8);
  if (zip64 + 56 > buf.length || buf.readUInt32LE(zip64) !== SIG_ZIP64_EOCD) {
    throw corrupt('the ZIP64 directory is damaged');
  }
  return { entryCount: readU64(buf, zip64 + 32), size: readU64(buf, zip64 + 40), offset: readU64(buf, zip64 + 48) };
}

const inflateRawAsync = promisify(inflateRaw);

async function verifyActualSize(
  buf: Buffer,
  localOffset: number,
  entry: ZipEntry,
  corrupt: (reason: string) => FileFormatError,
  tooBig: () => FileFormatError,
): Promise<void> {
  if (buf.readUInt32LE(localOffset) !== SIG_LOCAL) throw corrupt(`the header of ${entry.name} is damaged`);
  const method = buf.readUInt16LE(localOffset + 8);
  const dataStart = localOffset + LOCAL_SIZE + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
  if (dataStart + entry.compressedSize > buf.length) throw corrupt(`${entry.name} is cut off`);
  const data = buf.subarray(dataStart, dataStart + entry.compressedSize);
  if (method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw corrupt(`the sizes of ${entry.name} disagree`);
    return;
  }
  let inflated: Buffer;
  try {
    // Inflated off the main thread; Node stops with ERR_BUFFER_TOO_LARGE as soon as the output passes the cap.
    inflated = await inflateRawAsync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
    throw corrupt(`${entry.name} cannot be decompressed`);
  }
  if (inflated.length > entry.uncompressedSize) throw tooBig();
}

function findExtraField(buf: Buffer, start: number, end: number, id: number): { start: number; end: number } | null {
  for (let at = start; at + 4 <= end; ) {
    const size = buf.readUInt16LE(at + 2);
    if (buf.readUInt16LE(at) === id) return { start: at + 4, end: Math.min(end, at + 4 + size) };
    at += 4 + size;
  }
  return null;
}

/** 8-byte little-endian value; anything beyond 2^53 is absurd for an upload and reported as huge. */
function readU64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

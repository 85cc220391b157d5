import { inflateRawSync } from "node:zlib";

/**
 * What one uploaded .xlsx may unpack to, all entries together. A 2,000-row sheet unpacks to a few
 * MB; the cap holds whatever the archive's headers claim.
 */
export const MAX_XLSX_UNPACKED_BYTES = 30 * 1024 * 1024;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const HAS_DATA_DESCRIPTOR = 0x0008;
const STORED = 0;
const DEFLATED = 8;

interface CentralEntry {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Uint8Array;
  localOffset: number;
}

export type ArchiveProblem = "not_zip" | "too_large" | "inconsistent";

/**
 * Checks an .xlsx (a ZIP) before any library unzips it, and answers null when it is safe to hand on.
 *
 * A ZIP says every entry's size twice: in the central directory at the end and in a local header
 * before the data, and the real size is only known by inflating. Libraries trust different copies
 * (read-excel-file streams from the front and trusts the local headers), so a file whose central
 * directory claims 1,000 bytes could inflate to 400 MB. Here every entry must agree in both places,
 * the local entries must follow one another exactly as the directory lists them (nothing hidden
 * between them for a streaming reader to find), and every entry is inflated once with the output
 * itself capped at its declared size, which must then be exact. Only stored and deflated entries,
 * one disk and no ZIP64: an .xlsx from Excel, LibreOffice or Google Sheets needs nothing more.
 */
export function checkXlsxArchive(bytes: Uint8Array): ArchiveProblem | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === null) return "not_zip";
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || count === 0xffff || directoryOffset === 0xffffffff) {
    return "inconsistent";
  }
  if (directoryOffset + directorySize !== end || count === 0) return "inconsistent";

  const entries: CentralEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return "inconsistent";
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (at !== end) return "inconsistent";
  // What the directory claims is judged before anything is inflated.
  const claimed = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (claimed > MAX_XLSX_UNPACKED_BYTES) return "too_large";

  let expectedLocalOffset = 0;
  for (const entry of entries) {
    if (entry.method !== STORED && entry.method !== DEFLATED) return "inconsistent";
    // The local header must be the next thing after the previous entry, and say what the directory says.
    const local = entry.localOffset;
    if (local !== expectedLocalOffset || local + 30 > directoryOffset || view.getUint32(local, true) !== LOCAL_HEADER) return "inconsistent";
    const localFlags = view.getUint16(local + 6, true);
    const localName = bytes.subarray(local + 30, local + 30 + view.getUint16(local + 26, true));
    if (view.getUint16(local + 8, true) !== entry.method || localFlags !== entry.flags || !sameBytes(localName, entry.name)) return "inconsistent";
    const described = (entry.flags & HAS_DATA_DESCRIPTOR) !== 0;
    const localSizes = [view.getUint32(local + 14, true), view.getUint32(local + 18, true), view.getUint32(local + 22, true)];
    const sizesAgree = localSizes[0] === entry.crc && localSizes[1] === entry.compressedSize && localSizes[2] === entry.size;
    // With a data descriptor the local header may leave CRC and sizes zero; otherwise they must match.
    if (!sizesAgree && !(described && localSizes.every((n) => n === 0))) return "inconsistent";

    const dataStart = local + 30 + localName.length + view.getUint16(local + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > directoryOffset) return "inconsistent";
    if (entry.method === STORED ? entry.compressedSize !== entry.size : !inflatesTo(bytes.subarray(dataStart, dataEnd), entry.size)) return "inconsistent";
    const descriptor = described ? descriptorLength(view, dataEnd, entry) : 0;
    if (descriptor < 0) return "inconsistent";
    expectedLocalOffset = dataEnd + descriptor;
  }
  return expectedLocalOffset === directoryOffset ? null : "inconsistent";
}

/** The End of Central Directory record's offset: the last 22+ bytes, after at most a 64 KB comment. */
function findEndOfCentralDirectory(view: DataView): number | null {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY && i + 22 + view.getUint16(i + 20, true) === view.byteLength) return i;
  }
  return null;
}

/** Whether raw deflate data inflates to exactly `size` bytes; zlib stops at `size`, so a bomb never unpacks. */
function inflatesTo(data: Uint8Array, size: number): boolean {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }).byteLength === size;
  } catch {
    return false;
  }
}

/** Length of the data descriptor after an entry (with or without its optional signature), or -1 when it disagrees. */
function descriptorLength(view: DataView, at: number, entry: { crc: number; compressedSize: number; size: number }): number {
  const signed = at + 4 <= view.byteLength && view.getUint32(at, true) === DATA_DESCRIPTOR ? 4 : 0;
  const fields = at + signed;
  if (fields + 12 > view.byteLength) return -1;
  const agrees =
    view.getUint32(fields, true) === entry.crc && view.getUint32(fields + 4, true) === entry.compressedSize && view.getUint32(fields + 8, true) === entry.size;
  return agrees ? signed + 12 : -1;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

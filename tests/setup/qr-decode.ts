/**
 * Reads the text back out of a QR code in an image, for tests: a PNG the server made, or a browser's
 * screenshot of a printed page. No QR reader is among the project's dependencies, so this is a small
 * one for upright, unrotated codes (what a screen or a rendered page shows): it finds the symbol, reads
 * its modules from the pixels, its format information, unmasks the data and parses numeric,
 * alphanumeric and byte segments. It does no error correction: a misread module fails the caller's
 * comparison instead of being repaired. The symbol layout (which modules are function patterns,
 * how codewords split into blocks) comes from the `qrcode` package's own tables, not from the image's text.
 */
import { createRequire } from "node:module";
import QRCode from "qrcode";
import sharp from "sharp";

const require = createRequire(import.meta.url);
type Ecl = { bit: number };
const levels = require("qrcode/lib/core/error-correction-level") as { L: Ecl; M: Ecl; Q: Ecl; H: Ecl };
const formatInfo = require("qrcode/lib/core/format-info") as { getEncodedBits(ecl: Ecl, mask: number): number };
const ecc = require("qrcode/lib/core/error-correction-code") as { getBlocksCount(version: number, ecl: Ecl): number; getTotalCodewordsCount(version: number, ecl: Ecl): number };
const utils = require("qrcode/lib/core/utils") as { getSymbolTotalCodewords(version: number): number };

const LEVEL_NAMES = { L: levels.L, M: levels.M, Q: levels.Q, H: levels.H } as const;
type LevelName = keyof typeof LEVEL_NAMES;

/** Dark (true) or light modules, row by row, read from an image holding one QR code and its quiet zone. */
async function readModules(image: Buffer | string): Promise<boolean[][]> {
  const { data, info } = await sharp(image).flatten({ background: "#ffffff" }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const dark = (x: number, y: number) => data[y * width + x]! < 128;
  let top = height, left = width, bottom = -1, right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!dark(x, y)) continue;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (bottom < 0) throw new Error("no QR code in the image");
  // The top-left finder pattern's first row is 7 dark modules.
  let run = 0;
  const probeY = top + 1;
  while (left + run <= right && dark(left + run, probeY)) run++;
  const symbolWidth = right - left + 1;
  const moduleSize = run / 7;
  const size = Math.round((Math.round(symbolWidth / moduleSize) - 17) / 4) * 4 + 17;
  const step = symbolWidth / size;
  const stepY = (bottom - top + 1) / size;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => dark(Math.floor(left + (col + 0.5) * step), Math.floor(top + (row + 0.5) * stepY))),
  );
}

function maskAt(mask: number, i: number, j: number): boolean {
  switch (mask) {
    case 0: return (i + j) % 2 === 0;
    case 1: return i % 2 === 0;
    case 2: return j % 3 === 0;
    case 3: return (i + j) % 3 === 0;
    case 4: return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5: return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6: return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default: return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

const bitCount = (n: number) => n.toString(2).replaceAll("0", "").length;

/** The error-correction level and mask from the format information beside the top-left finder. */
function readFormat(m: boolean[][]): { level: LevelName; mask: number } {
  let bits = 0;
  for (let i = 0; i < 15; i++) {
    const row = i < 6 ? i : i < 8 ? i + 1 : m.length - 15 + i;
    if (m[row]![8]) bits |= 1 << i;
  }
  let best: { level: LevelName; mask: number; distance: number } | null = null;
  for (const level of Object.keys(LEVEL_NAMES) as LevelName[]) {
    for (let mask = 0; mask < 8; mask++) {
      const distance = bitCount(bits ^ formatInfo.getEncodedBits(LEVEL_NAMES[level], mask));
      if (!best || distance < best.distance) best = { level, mask, distance };
    }
  }
  if (!best || best.distance > 3) throw new Error("unreadable format information");
  return best;
}

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/** The text of the QR code in `image` (a PNG buffer or a file path). */
export async function decodeQr(image: Buffer | string): Promise<string> {
  const m = await readModules(image);
  const size = m.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 40) throw new Error(`not a QR symbol size: ${size}`);
  const { level, mask } = readFormat(m);
  const ecl = LEVEL_NAMES[level];
  // Which modules are function patterns for this version: the layout of any symbol of that version.
  const layout = QRCode.create("0", { version, errorCorrectionLevel: level }).modules as unknown as { reservedBit: Uint8Array };
  const reserved = (row: number, col: number) => layout.reservedBit[row * size + col] === 1;

  const bits: number[] = [];
  let inc = -1;
  let row = size - 1;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (;;) {
      for (let c = 0; c < 2; c++) {
        if (!reserved(row, col - c)) bits.push(Number(m[row]![col - c]!) ^ Number(maskAt(mask, row, col - c)));
      }
      row += inc;
      if (row < 0 || row >= size) {
        row -= inc;
        inc = -inc;
        break;
      }
    }
  }
  const codewords: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0));

  // Undo the interleaving of the data codewords across blocks.
  const total = utils.getSymbolTotalCodewords(version);
  const dataTotal = total - ecc.getTotalCodewordsCount(version, ecl);
  const blocks = ecc.getBlocksCount(version, ecl);
  const inGroup2 = total % blocks;
  const inGroup1 = blocks - inGroup2;
  const dataInGroup1 = Math.floor(dataTotal / blocks);
  const dataLengths = Array.from({ length: blocks }, (_, b) => (b < inGroup1 ? dataInGroup1 : dataInGroup1 + 1));
  const perBlock: number[][] = dataLengths.map(() => []);
  let at = 0;
  for (let i = 0; i < dataInGroup1 + 1; i++) {
    for (let b = 0; b < blocks; b++) if (i < dataLengths[b]!) perBlock[b]!.push(codewords[at++]!);
  }
  const data = perBlock.flat();

  let pos = 0;
  const read = (n: number) => {
    let value = 0;
    for (let i = 0; i < n; i++) {
      const byte = data[(pos + i) >> 3] ?? 0;
      value = (value << 1) | ((byte >> (7 - ((pos + i) & 7))) & 1);
    }
    pos += n;
    return value;
  };
  const band = version < 10 ? 0 : version < 27 ? 1 : 2;
  const out: number[] = [];
  const textParts: string[] = [];
  const flushBytes = () => {
    if (out.length) textParts.push(Buffer.from(out.splice(0)).toString("utf8"));
  };
  while (pos + 4 <= data.length * 8) {
    const mode = read(4);
    if (mode === 0) break;
    if (mode === 0b0100) {
      const count = read([8, 16, 16][band]!);
      for (let i = 0; i < count; i++) out.push(read(8));
    } else if (mode === 0b0010) {
      flushBytes();
      let count = read([9, 11, 13][band]!);
      let s = "";
      for (; count >= 2; count -= 2) {
        const v = read(11);
        s += ALNUM[Math.floor(v / 45)]! + ALNUM[v % 45]!;
      }
      if (count === 1) s += ALNUM[read(6)]!;
      textParts.push(s);
    } else if (mode === 0b0001) {
      flushBytes();
      let count = read([10, 12, 14][band]!);
      let s = "";
      for (; count >= 3; count -= 3) s += String(read(10)).padStart(3, "0");
      if (count === 2) s += String(read(7)).padStart(2, "0");
      if (count === 1) s += String(read(4));
      textParts.push(s);
    } else {
      throw new Error(`unsupported QR segment mode ${mode.toString(2)}`);
    }
  }
  flushBytes();
  return textParts.join("");
}

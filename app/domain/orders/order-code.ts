/**
 * Public order codes (PRODUCT.md §5): short, upper-case, unguessable, and readable back out of
 * the transfer content a bank forwards, which may have lost case, spaces and punctuation.
 */

export const ORDER_CODE_PREFIX = "OC";
/** No 0/O or 1/I, so a code read aloud or typed from a screen cannot be misread. 32 symbols = 5 bits each. */
export const ORDER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** Random characters after the prefix: 32^10 ≈ 1.1e15 codes, far beyond guessing one from another. */
export const ORDER_CODE_RANDOM_LENGTH = 10;
export const ORDER_CODE_LENGTH = ORDER_CODE_PREFIX.length + ORDER_CODE_RANDOM_LENGTH;

const ORDER_CODE_PATTERN = /^OC[A-HJ-NP-Z2-9]{10}$/;

/** Source of cryptographically strong random bytes; swappable in tests. */
export type RandomBytes = (n: number) => Uint8Array;

/** Web Crypto, present in Node 20 and in browsers alike. */
export const cryptoRandomBytes: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/**
 * `length` characters drawn uniformly from `alphabet`. Bytes at or above the largest multiple of the
 * alphabet size are thrown away (rejection sampling) so no symbol is favoured by `byte % size`.
 */
export function randomFromAlphabet(alphabet: string, length: number, random: RandomBytes = cryptoRandomBytes): string {
  const size = alphabet.length;
  if (size < 2 || size > 256) throw new Error("alphabet must have between 2 and 256 symbols");
  const limit = 256 - (256 % size);
  let out = "";
  while (out.length < length) {
    for (const byte of random(length - out.length)) {
      if (byte < limit) out += alphabet[byte % size];
    }
  }
  return out;
}

/** A fresh order code such as "OC7K2M9Q4XAB". Uniqueness is still enforced by the database. */
export function generateOrderCode(random: RandomBytes = cryptoRandomBytes): string {
  return ORDER_CODE_PREFIX + randomFromAlphabet(ORDER_CODE_ALPHABET, ORDER_CODE_RANDOM_LENGTH, random);
}

export function isOrderCode(text: string): boolean {
  return ORDER_CODE_PATTERN.test(text);
}

/**
 * Every code of a kind (`prefix`, `length`, `isCode`) that may be hidden in a bank transfer's content.
 * Banks upper- or lower-case it, add spaces or dashes, prepend their own words, so the text is folded
 * to bare A–Z0–9 first and each window of `length` starting at `prefix` is tried; the caller looks
 * each candidate up in the database. Order codes and market sale codes (market/stall-codes.ts) share it.
 */
export function codesInTransferContent(description: string, prefix: string, length: number, isCode: (text: string) => boolean): string[] {
  const compact = description
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "");
  const found = new Set<string>();
  for (let at = compact.indexOf(prefix); at !== -1; at = compact.indexOf(prefix, at + 1)) {
    const window = compact.slice(at, at + length);
    if (isCode(window)) found.add(window);
  }
  return [...found];
}

/** Every order code that may be hidden in a bank transfer's content ("OC" windows of 12). */
export function orderCodeCandidates(description: string): string[] {
  return codesInTransferContent(description, ORDER_CODE_PREFIX, ORDER_CODE_LENGTH, isOrderCode);
}

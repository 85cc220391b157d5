/**
 * Codes of chợ 4.0 stalls and their sales (issue 16). A sale code has the form of an order code
 * (PRODUCT.md §5: 12 upper-case letters and digits, unguessable, readable back out of a bank's transfer
 * content) but can never be one, nor be found inside a transfer content as one:
 *
 * - order codes are "OC" + 10 symbols of ORDER_CODE_ALPHABET; sale codes are "CS" + 10 of the same
 *   alphabet, which has no letter O. So a sale code never starts with "OC" (not an order code) and never
 *   contains "OC" anywhere (the order matcher, which looks for "OC" windows, never reads one out of a
 *   sale's transfer content). The reverse holds for the stall matcher, which only looks up the codes of
 *   that producer's own sales.
 * - stall codes, printed in a stall sign's QR as its purpose, are "ST" + 8 symbols: shorter than both,
 *   so a sign's transfer never names an order or a sale.
 */
import { codesInTransferContent, cryptoRandomBytes, ORDER_CODE_ALPHABET, ORDER_CODE_LENGTH, randomFromAlphabet, type RandomBytes } from "../orders/order-code";

export const SALE_CODE_PREFIX = "CS";
export const SALE_CODE_LENGTH = ORDER_CODE_LENGTH;
export const STALL_CODE_PREFIX = "ST";

const SALE_CODE_PATTERN = /^CS[A-HJ-NP-Z2-9]{10}$/;
const STALL_CODE_PATTERN = /^ST[A-HJ-NP-Z2-9]{8}$/;

/** A fresh sale code such as "CS7K2M9Q4XAB". Uniqueness is still enforced by the database. */
export function generateSaleCode(random: RandomBytes = cryptoRandomBytes): string {
  return SALE_CODE_PREFIX + randomFromAlphabet(ORDER_CODE_ALPHABET, SALE_CODE_LENGTH - SALE_CODE_PREFIX.length, random);
}

export function isSaleCode(text: string): boolean {
  return SALE_CODE_PATTERN.test(text);
}

/** A fresh stall code such as "ST4KX9M2PQ", the purpose of the stall sign's QR. */
export function generateStallCode(random: RandomBytes = cryptoRandomBytes): string {
  return STALL_CODE_PREFIX + randomFromAlphabet(ORDER_CODE_ALPHABET, 8, random);
}

export function isStallCode(text: string): boolean {
  return STALL_CODE_PATTERN.test(text);
}

/** A code typed or pasted by a person ("cs7k 2m9q-4xab") in the form sale codes are stored in. */
export function normalizedSaleCode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]+/g, "");
}

/** Every sale code that may be hidden in a transfer content ("CS" windows of 12), however the bank wrote it. */
export function saleCodeCandidates(description: string): string[] {
  return codesInTransferContent(description, SALE_CODE_PREFIX, SALE_CODE_LENGTH, isSaleCode);
}

/** Money is whole Vietnamese đồng (PRODUCT.md §2); this module is where it is read, formatted and, later, computed. */

/** Largest amount one Stripe charge may carry, so also the highest price of one unit. */
export const MAX_CHARGE_VND = 99_999_999;
const formatter = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });

/** "125.000 ₫", the way Vietnamese shoppers read prices, in every language of the site. */
export function formatVnd(amount: number): string {
  // Intl puts a no-break space before ₫; keep it so the symbol never wraps alone.
  return formatter.format(amount);
}

/**
 * How people write round amounts: "250k", "250 nghìn", "1,5 triệu", "2tr". Vietnamese shorthand for
 * thousands and millions, on price tags, in chat and at the market.
 */
const MULTIPLIERS: readonly [RegExp, number][] = [
  [/^(?:k|nghìn|nghin|ngàn|ngan|ng)$/, 1_000],
  [/^(?:tr|triệu|trieu)$/, 1_000_000],
];
/** A currency word or sign after the amount, which says nothing more: "250.000đ", "250.000 VNĐ". */
const CURRENCY = /\s*(?:₫|đ|đồng|dong|d|vnđ|vnd)\.?$/;

/**
 * Reads an amount typed by a person: "125.000", "125,000", "125 000" and "125000" are all
 * 125000 đồng (đồng have no decimals, so separators are only ever thousands), and so are "125k",
 * "125 nghìn", "125.000đ" and "0,125 triệu" (after a multiplier one separator is a decimal point,
 * as long as the result is whole đồng). Null if not a whole amount.
 */
export function parseVndInput(raw: string, max = 1_000_000_000): number | null {
  const text = raw.trim().toLowerCase().normalize("NFC").replace(CURRENCY, "");
  const match = /^([\d.,\s]*\d)\s*([^\d\s.,]*)$/.exec(text);
  if (!match) return null;
  const [, number = "", word = ""] = match;
  const multiplier = word === "" ? 1 : MULTIPLIERS.find(([pattern]) => pattern.test(word))?.[1];
  if (multiplier === undefined) return null;
  // After a multiplier one separator is a decimal point ("1,5 triệu", "0,125 triệu"), as people say it.
  const amount = multiplier === 1 ? groupedWhole(number) : (decimal(number) ?? groupedWhole(number));
  if (amount === null) return null;
  const value = amount * multiplier;
  // "1,2345 triệu" is not whole đồng; rounding absorbs float noise such as 1.1 × 1e6.
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-6 && whole <= max ? whole : null;
}

/** "250000", "250.000", "250,000", "250 000": separators only between groups of three digits. */
function groupedWhole(text: string): number | null {
  if (!/^\d+$/.test(text) && !/^\d{1,3}(?:[.,\s]\d{3})+$/.test(text)) return null;
  const digits = text.replace(/[.,\s]/g, "");
  return digits.length > 10 ? null : Number(digits);
}

/** "1,5" or "1.5": one decimal separator, after a multiplier only. */
function decimal(text: string): number | null {
  if (!/^\d{1,7}[.,]\d{1,3}$/.test(text)) return null;
  return Number(text.replace(",", "."));
}

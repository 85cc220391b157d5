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
 * Reads an amount typed by a person: "125.000", "125,000", "125 000" and "125000" are all
 * 125000 đồng (đồng have no decimals, so separators are only ever thousands). Null if not a whole amount.
 */
export function parseVndInput(raw: string, max = 1_000_000_000): number | null {
  const text = raw.trim();
  // Separators only between groups of three digits: "250.000" yes, "250000.5" or "1.5" no.
  if (!/^\d+$/.test(text) && !/^\d{1,3}(?:[.,\s]\d{3})+$/.test(text)) return null;
  const digits = text.replace(/[.,\s]/g, "");
  if (digits.length > 10) return null;
  const value = Number(digits);
  return value <= max ? value : null;
}

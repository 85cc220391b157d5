/**
 * Sizes and packs of one product ("Chai 250 ml", "Chai 500 ml"): rules that need no database.
 * Every product has at least one variant; one sold in a single size has one whose label may be empty
 * and is shown exactly as a product without sizes (ADR 0020).
 */

/** What a shopper chooses between on the product page and sees in the cart. */
export interface VariantChoice {
  id: number;
  label: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
  gtin: string | null;
}

/** A product's prices over its sizes on sale: one price, or "from … to …". */
export interface PriceRange {
  lowVnd: number;
  highVnd: number;
}

export function priceRange(variants: readonly Pick<VariantChoice, "priceVnd">[]): PriceRange | null {
  if (variants.length === 0) return null;
  let lowVnd = Infinity;
  let highVnd = -Infinity;
  for (const { priceVnd } of variants) {
    lowVnd = Math.min(lowVnd, priceVnd);
    highVnd = Math.max(highVnd, priceVnd);
  }
  return { lowVnd, highVnd };
}

/** Whether a product must show its sizes as a choice: more than one, or one the producer named. */
export function hasSizeChoice(variants: readonly Pick<VariantChoice, "label">[]): boolean {
  return variants.length > 1 || (variants.length === 1 && variants[0]!.label !== "");
}

/** "Mật ong rừng U Minh — Chai 500 ml", or just the name for a product sold in one unnamed size. */
export function variantName(productName: string, label: string): string {
  return label === "" ? productName : `${productName} — ${label}`;
}

/**
 * A GS1 GTIN (the barcode on a pack: EAN-8, UPC-A, EAN-13, GTIN-14) with a valid check digit:
 * from the right, digits are weighted 3, 1, 3, 1… after the check digit, and the weighted sum plus the
 * check digit is a multiple of 10. Vietnam's GS1 prefix is 893.
 */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

declare const vndBrand: unique symbol;
/** An amount of Vietnamese đồng: always a whole number, never a float. */
export type Vnd = number & { readonly [vndBrand]: true };

/** Largest amount one Stripe charge may carry (PRODUCT.md §2). */
export const MAX_CHARGE_VND = 99_999_999;

export function vnd(amount: number): Vnd {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`VND amounts are whole numbers, got ${amount}`);
  return amount as Vnd;
}

const formatter = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });

/** "125.000 ₫", the way Vietnamese shoppers read prices, in every language of the site. */
export function formatVnd(amount: number): string {
  // Intl puts a no-break space before ₫; keep it so the symbol never wraps alone.
  return formatter.format(amount);
}

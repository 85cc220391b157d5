/** Money is whole Vietnamese đồng (PRODUCT.md §2); this module is where it is formatted and, later, computed. */
const formatter = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });

/** "125.000 ₫", the way Vietnamese shoppers read prices, in every language of the site. */
export function formatVnd(amount: number): string {
  // Intl puts a no-break space before ₫; keep it so the symbol never wraps alone.
  return formatter.format(amount);
}

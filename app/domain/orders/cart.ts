/** A cart holds at most this many different products, each at most this many units. */
export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 999;

/** One size of a product in a cart, with its current price and stock. */
export interface CartLine {
  productId: number;
  variantId: number;
  /** The size's label; empty for a product sold in one unnamed size. */
  variantLabel: string;
  slug: string;
  name: string;
  unit: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
  quantity: number;
  /** On sale now (live, from a verified producer, the size not archived). */
  available: boolean;
  producerId: number;
  producerName: string;
  producerSlug: string;
  producerProvinceCode: string;
  producerRegion: "north" | "central" | "south";
  freeShippingThresholdVnd: number | null;
  photo: string | null;
}

export interface CartGroup {
  producerId: number;
  producerName: string;
  producerSlug: string;
  lines: CartLine[];
  goodsTotalVnd: number;
}

/** Lines grouped by producer, in the order they come (the query sorts by producer). */
export function groupByProducer(lines: CartLine[]): CartGroup[] {
  const groups = new Map<number, CartGroup>();
  for (const line of lines) {
    let group = groups.get(line.producerId);
    if (!group) {
      group = { producerId: line.producerId, producerName: line.producerName, producerSlug: line.producerSlug, lines: [], goodsTotalVnd: 0 };
      groups.set(line.producerId, group);
    }
    group.lines.push(line);
    group.goodsTotalVnd += line.priceVnd * line.quantity;
  }
  return [...groups.values()];
}

/** A line that cannot be bought as it stands: no longer on sale, or more than the stock on hand. */
export function lineProblem(line: CartLine): "unavailable" | "stock" | null {
  if (!line.available || line.stock === 0) return "unavailable";
  return line.quantity > line.stock ? "stock" : null;
}

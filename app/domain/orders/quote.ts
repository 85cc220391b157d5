import { groupByProducer, type CartGroup, type CartLine } from "./cart";
import { shippingFeeVnd, type Region } from "./shipping";

export interface PartQuote extends CartGroup {
  weightGrams: number;
  shippingFeeVnd: number;
  totalVnd: number;
}

export interface OrderQuote {
  parts: PartQuote[];
  goodsTotalVnd: number;
  shippingTotalVnd: number;
  totalVnd: number;
}

/**
 * What an order of these lines costs delivered to `destination`: goods at today's prices, and one
 * shipping fee per producer (PRODUCT.md §2). The server always computes this; nothing comes from a browser.
 */
export function quoteOrder(lines: CartLine[], destination: { provinceCode: string; region: Region }): OrderQuote {
  const parts = groupByProducer(lines).map((group): PartQuote => {
    const first = group.lines[0]!;
    const weightGrams = group.lines.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0);
    const fee = shippingFeeVnd({
      fromProvinceCode: first.producerProvinceCode,
      fromRegion: first.producerRegion,
      toProvinceCode: destination.provinceCode,
      toRegion: destination.region,
      weightGrams,
      goodsTotalVnd: group.goodsTotalVnd,
      freeShippingThresholdVnd: first.freeShippingThresholdVnd,
    });
    return { ...group, weightGrams, shippingFeeVnd: fee, totalVnd: group.goodsTotalVnd + fee };
  });
  const goodsTotalVnd = parts.reduce((sum, part) => sum + part.goodsTotalVnd, 0);
  const shippingTotalVnd = parts.reduce((sum, part) => sum + part.shippingFeeVnd, 0);
  return { parts, goodsTotalVnd, shippingTotalVnd, totalVnd: goodsTotalVnd + shippingTotalVnd };
}

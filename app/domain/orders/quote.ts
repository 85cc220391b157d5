import { groupByProducer, type CartGroup, type CartLine } from "./cart";
import { shippingFeeVnd, type Region } from "./shipping";

export interface PartQuote extends CartGroup {
  weightGrams: number;
  shippingFeeVnd: number;
  totalVnd: number;
  /** The carrier whose quote is the fee (issue 18), or null for the table fee. */
  carrier: string | null;
  expectedDeliveryAt: number | null;
}

/**
 * A carrier's fee for one producer's part, found before checkout by the shipping area (which orders
 * do not import): it replaces the table fee for that part.
 */
export interface CarrierFee {
  carrier: string;
  feeVnd: number;
  expectedAt: number | null;
}

export type CarrierFees = ReadonlyMap<number, CarrierFee>;
const NO_CARRIER_FEES: CarrierFees = new Map();

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
export function quoteOrder(lines: CartLine[], destination: { provinceCode: string; region: Region }, carrierFees: CarrierFees = NO_CARRIER_FEES): OrderQuote {
  const parts = groupByProducer(lines).map((group): PartQuote => {
    const first = group.lines[0]!;
    const weightGrams = group.lines.reduce((sum, line) => sum + line.weightGrams * line.quantity, 0);
    const tableFee = shippingFeeVnd({
      fromProvinceCode: first.producerProvinceCode,
      fromRegion: first.producerRegion,
      toProvinceCode: destination.provinceCode,
      toRegion: destination.region,
      weightGrams,
      goodsTotalVnd: group.goodsTotalVnd,
      freeShippingThresholdVnd: first.freeShippingThresholdVnd,
    });
    // A carrier's quote replaces the table fee, but not a free delivery the producer offers.
    const quoted = tableFee > 0 ? carrierFees.get(group.producerId) : undefined;
    const fee = quoted?.feeVnd ?? tableFee;
    return { ...group, weightGrams, shippingFeeVnd: fee, totalVnd: group.goodsTotalVnd + fee, carrier: quoted?.carrier ?? null, expectedDeliveryAt: quoted?.expectedAt ?? null };
  });
  const goodsTotalVnd = parts.reduce((sum, part) => sum + part.goodsTotalVnd, 0);
  const shippingTotalVnd = parts.reduce((sum, part) => sum + part.shippingFeeVnd, 0);
  return { parts, goodsTotalVnd, shippingTotalVnd, totalVnd: goodsTotalVnd + shippingTotalVnd };
}

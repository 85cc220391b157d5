/**
 * Shipping fee of one producer's part of an order and the marketplace commission, PRODUCT.md §2.
 * All money is integer VND.
 */

/** Which third of the country a province belongs to; comes from the admin-unit data, never from code. */
export type Region = "north" | "central" | "south";

/** Base fee by distance between the producer and the delivery address. */
export const SHIPPING_BASE_VND = {
  sameProvince: 20_000,
  sameRegion: 30_000,
  elsewhere: 40_000,
} as const;
/** Added for each started kilogram above the free weight. */
export const SHIPPING_PER_EXTRA_KG_VND = 5_000;
/** Weight the base fee covers. */
export const SHIPPING_FREE_WEIGHT_GRAMS = 2_000;

export type ShippingFeeInput = {
  fromProvinceCode: string;
  fromRegion: Region;
  toProvinceCode: string;
  toRegion: Region;
  /** Total weight of the part's goods. */
  weightGrams: number;
  /** Goods total of the part (without shipping), compared with the producer's threshold. */
  goodsTotalVnd: number;
  /** Producer's free-shipping threshold; null when the producer offers none. */
  freeShippingThresholdVnd: number | null;
};

function assertWholeVnd(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative whole number of đồng, got ${value}`);
}

/** Fee of one producer part: base by distance plus 5.000 ₫ per started kg above 2 kg, or 0 above the threshold. */
export function shippingFeeVnd({
  fromProvinceCode,
  fromRegion,
  toProvinceCode,
  toRegion,
  weightGrams,
  goodsTotalVnd,
  freeShippingThresholdVnd,
}: ShippingFeeInput): number {
  if (!Number.isFinite(weightGrams) || weightGrams < 0) throw new Error(`weightGrams must be a non-negative number, got ${weightGrams}`);
  assertWholeVnd("goodsTotalVnd", goodsTotalVnd);
  if (freeShippingThresholdVnd !== null) assertWholeVnd("freeShippingThresholdVnd", freeShippingThresholdVnd);

  if (freeShippingThresholdVnd !== null && goodsTotalVnd >= freeShippingThresholdVnd) return 0;

  const base =
    fromProvinceCode === toProvinceCode
      ? SHIPPING_BASE_VND.sameProvince
      : fromRegion === toRegion
        ? SHIPPING_BASE_VND.sameRegion
        : SHIPPING_BASE_VND.elsewhere;
  // "Started" kg: 1 g over a whole kilogram already costs the next one.
  const extraKg = Math.max(0, Math.ceil((weightGrams - SHIPPING_FREE_WEIGHT_GRAMS) / 1000));
  return base + extraKg * SHIPPING_PER_EXTRA_KG_VND;
}

/**
 * Marketplace commission on a goods total, in whole đồng rounded half up.
 * Computed in scaled integers (BigInt) so 2.5 % of an odd amount rounds the same on every machine,
 * free of binary floating-point error; percent is honoured to 6 decimal places.
 */
export function commissionVnd(goodsTotalVnd: number, percent: number): number {
  assertWholeVnd("goodsTotalVnd", goodsTotalVnd);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new Error(`commission percent must be between 0 and 100, got ${percent}`);
  }
  const scale = 1_000_000n;
  const scaledPercent = BigInt(Math.round(percent * Number(scale)));
  const numerator = BigInt(goodsTotalVnd) * scaledPercent;
  const denominator = 100n * scale;
  // floor(n/d + 1/2) = floor((2n + d) / 2d): half up for non-negative values.
  return Number((2n * numerator + denominator) / (2n * denominator));
}

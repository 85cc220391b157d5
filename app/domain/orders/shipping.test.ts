import { describe, expect, it } from "vitest";
import {
  commissionVnd,
  SHIPPING_BASE_VND,
  SHIPPING_FREE_WEIGHT_GRAMS,
  SHIPPING_PER_EXTRA_KG_VND,
  shippingFeeVnd,
  type ShippingFeeInput,
} from "./shipping";

// Cần Thơ (92, south) ships; the buyer's province varies.
const base: ShippingFeeInput = {
  fromProvinceCode: "92",
  fromRegion: "south",
  toProvinceCode: "92",
  toRegion: "south",
  weightGrams: 1000,
  goodsTotalVnd: 100_000,
  freeShippingThresholdVnd: null,
};

describe("shipping constants", () => {
  it("match PRODUCT.md §2", () => {
    expect(SHIPPING_BASE_VND).toEqual({ sameProvince: 20_000, sameRegion: 30_000, elsewhere: 40_000 });
    expect(SHIPPING_PER_EXTRA_KG_VND).toBe(5_000);
    expect(SHIPPING_FREE_WEIGHT_GRAMS).toBe(2_000);
  });
});

describe("shippingFeeVnd", () => {
  it("charges 20.000 ₫ inside one province", () => {
    expect(shippingFeeVnd(base)).toBe(20_000);
  });
  it("charges 30.000 ₫ to another province of the same region", () => {
    expect(shippingFeeVnd({ ...base, toProvinceCode: "79" })).toBe(30_000);
    expect(shippingFeeVnd({ ...base, fromRegion: "north", toRegion: "north", toProvinceCode: "01" })).toBe(30_000);
  });
  it("charges 40.000 ₫ between regions", () => {
    expect(shippingFeeVnd({ ...base, toProvinceCode: "01", toRegion: "north" })).toBe(40_000);
    expect(shippingFeeVnd({ ...base, toProvinceCode: "46", toRegion: "central" })).toBe(40_000);
    expect(shippingFeeVnd({ ...base, fromRegion: "central", toProvinceCode: "01", toRegion: "north" })).toBe(40_000);
  });
  it("goes by province code first: same province is the cheapest fee", () => {
    expect(shippingFeeVnd({ ...base, fromRegion: "north", toRegion: "north" })).toBe(20_000);
  });
  it("adds 5.000 ₫ per started kg above 2 kg", () => {
    const fee = (weightGrams: number) => shippingFeeVnd({ ...base, weightGrams });
    expect(fee(0)).toBe(20_000);
    expect(fee(1999)).toBe(20_000);
    expect(fee(2000)).toBe(20_000);
    expect(fee(2000.5)).toBe(25_000);
    expect(fee(2001)).toBe(25_000);
    expect(fee(3000)).toBe(25_000);
    expect(fee(3001)).toBe(30_000);
    expect(fee(4000)).toBe(30_000);
    expect(fee(12_500)).toBe(20_000 + 11 * 5_000);
  });
  it("adds the weight surcharge to every base", () => {
    expect(shippingFeeVnd({ ...base, toProvinceCode: "79", weightGrams: 3001 })).toBe(40_000);
    expect(shippingFeeVnd({ ...base, toProvinceCode: "01", toRegion: "north", weightGrams: 3001 })).toBe(50_000);
  });
  it("is free from the producer's threshold on, inclusive", () => {
    const far = { ...base, toProvinceCode: "01", toRegion: "north" as const, weightGrams: 10_000 };
    expect(shippingFeeVnd({ ...far, goodsTotalVnd: 499_999, freeShippingThresholdVnd: 500_000 })).toBe(80_000);
    expect(shippingFeeVnd({ ...far, goodsTotalVnd: 500_000, freeShippingThresholdVnd: 500_000 })).toBe(0);
    expect(shippingFeeVnd({ ...far, goodsTotalVnd: 500_001, freeShippingThresholdVnd: 500_000 })).toBe(0);
    expect(shippingFeeVnd({ ...far, goodsTotalVnd: 0, freeShippingThresholdVnd: 0 })).toBe(0);
  });
  it("never makes shipping free without a threshold", () => {
    expect(shippingFeeVnd({ ...base, goodsTotalVnd: 99_999_999, freeShippingThresholdVnd: null })).toBe(20_000);
  });
  it("refuses impossible weights and amounts", () => {
    for (const weightGrams of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => shippingFeeVnd({ ...base, weightGrams }), String(weightGrams)).toThrow(/weightGrams/);
    }
    for (const goodsTotalVnd of [-1, 1.5, Number.NaN]) {
      expect(() => shippingFeeVnd({ ...base, goodsTotalVnd }), String(goodsTotalVnd)).toThrow(/goodsTotalVnd/);
    }
    for (const freeShippingThresholdVnd of [-1, 0.5]) {
      expect(() => shippingFeeVnd({ ...base, freeShippingThresholdVnd })).toThrow(/freeShippingThresholdVnd/);
    }
  });
});

describe("commissionVnd", () => {
  it("takes a whole percentage", () => {
    expect(commissionVnd(100_000, 5)).toBe(5_000);
    expect(commissionVnd(125_000, 5)).toBe(6_250);
    expect(commissionVnd(0, 5)).toBe(0);
    expect(commissionVnd(123_456, 0)).toBe(0);
    expect(commissionVnd(123_456, 100)).toBe(123_456);
  });
  it("rounds half up to whole đồng", () => {
    expect(commissionVnd(10, 5)).toBe(1); // 0.5 → 1
    expect(commissionVnd(9, 5)).toBe(0); // 0.45 → 0
    expect(commissionVnd(11, 5)).toBe(1); // 0.55 → 1
    expect(commissionVnd(30, 5)).toBe(2); // 1.5 → 2
    expect(commissionVnd(29, 5)).toBe(1); // 1.45 → 1
  });
  it("takes fractional percentages", () => {
    expect(commissionVnd(100_000, 2.5)).toBe(2_500);
    expect(commissionVnd(1_000_020, 2.5)).toBe(25_001); // 25 000.5 → 25 001
    expect(commissionVnd(1_000_019, 2.5)).toBe(25_000); // 25 000.475 → 25 000
    expect(commissionVnd(1_000, 0.1)).toBe(1);
    expect(commissionVnd(5_000, 0.01)).toBe(1); // 0.5 → 1
    // 34.5 exactly, though 3000 * 1.15 / 100 is 34.49999… in floating point.
    expect(commissionVnd(3_000, 1.15)).toBe(35);
    expect(commissionVnd(1_500, 2.3)).toBe(35);
  });
  it("stays exact at the largest charge", () => {
    expect(commissionVnd(99_999_999, 5)).toBe(5_000_000); // 4 999 999.95
    expect(commissionVnd(99_999_999, 2.5)).toBe(2_500_000); // 2 499 999.975
  });
  it("refuses negative or impossible inputs", () => {
    expect(() => commissionVnd(-1, 5)).toThrow(/goodsTotalVnd/);
    expect(() => commissionVnd(1.5, 5)).toThrow(/goodsTotalVnd/);
    for (const percent of [-0.1, 100.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => commissionVnd(1_000, percent), String(percent)).toThrow(/percent/);
    }
  });
});

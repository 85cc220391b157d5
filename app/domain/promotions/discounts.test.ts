import { describe, expect, it } from "vitest";
import {
  MIN_PAID_GOODS_VND,
  applyDiscounts,
  buyerMayUse,
  commissionBaseVnd,
  campaignSavingVnd,
  discountPart,
  hasEnded,
  hasUsesLeft,
  isRunning,
  normaliseVoucherCode,
  offerSavingVnd,
  voucherProblem,
  VOUCHER_CODE,
  type CampaignOffer,
  type PricedPart,
  type VoucherOffer,
} from "./discounts";

const terms = { percent: null, capVnd: null, amountVnd: null, minOrderVnd: 0 };

function part(producerId: number, lines: [productId: number, priceVnd: number, quantity: number][], shippingFeeVnd = 30_000, province = "92"): PricedPart {
  const priced = lines.map(([productId, priceVnd, quantity]) => ({ productId, priceVnd, quantity, producerProvinceCode: province }));
  return { producerId, lines: priced, goodsTotalVnd: priced.reduce((s, l) => s + l.priceVnd * l.quantity, 0), shippingFeeVnd };
}

function campaign(overrides: Partial<CampaignOffer>): CampaignOffer {
  return { id: 1, title: "Tuần lễ OCOP", provinceCode: "92", producerIds: [], productIds: [], budgetVnd: null, spentVnd: 0, kind: "percent", ...terms, percent: 10, ...overrides };
}

function voucher(overrides: Partial<VoucherOffer>): VoucherOffer {
  return { id: 7, code: "TET2027", producerId: 1, kind: "fixed", ...terms, amountVnd: 20_000, ...overrides };
}

describe("offerSavingVnd", () => {
  it("takes a percent rounded down to whole đồng", () => {
    expect(offerSavingVnd({ kind: "percent", ...terms, percent: 15 }, 99_999, 0)).toEqual({ target: "goods", amountVnd: 14_999 });
  });
  it("caps a percent", () => {
    expect(offerSavingVnd({ kind: "percent", ...terms, percent: 50, capVnd: 30_000 }, 200_000, 0).amountVnd).toBe(30_000);
    expect(offerSavingVnd({ kind: "percent", ...terms, percent: 50, capVnd: 30_000 }, 40_000, 0).amountVnd).toBe(20_000);
  });
  it("takes a fixed amount, never more than the goods", () => {
    expect(offerSavingVnd({ kind: "fixed", ...terms, amountVnd: 25_000 }, 100_000, 0).amountVnd).toBe(25_000);
    expect(offerSavingVnd({ kind: "fixed", ...terms, amountVnd: 25_000 }, 10_000, 0).amountVnd).toBe(10_000);
  });
  it("makes free shipping the whole fee", () => {
    expect(offerSavingVnd({ kind: "free_shipping", ...terms }, 100_000, 35_000)).toEqual({ target: "shipping", amountVnd: 35_000 });
  });
});

describe("dates and limits", () => {
  it("runs from its first to its last day, both included", () => {
    const offer = { startsOn: "2026-12-01", endsOn: "2026-12-31" };
    expect(isRunning(offer, "2026-11-30")).toBe(false);
    expect(isRunning(offer, "2026-12-01")).toBe(true);
    expect(isRunning(offer, "2026-12-31")).toBe(true);
    expect(isRunning(offer, "2027-01-01")).toBe(false);
    expect(hasEnded(offer, "2026-12-31")).toBe(false);
    expect(hasEnded(offer, "2027-01-01")).toBe(true);
  });
  it("counts uses in all and per buyer", () => {
    expect(hasUsesLeft({ totalUses: 100, used: 99 })).toBe(true);
    expect(hasUsesLeft({ totalUses: 100, used: 100 })).toBe(false);
    expect(buyerMayUse({ perBuyer: 1 }, 0)).toBe(true);
    expect(buyerMayUse({ perBuyer: 1 }, 1)).toBe(false);
  });
  it("reads voucher codes upper-case, 4–16 letters and digits", () => {
    expect(normaliseVoucherCode(" tet 2027 ")).toBe("TET2027");
    expect(VOUCHER_CODE.test("TET2027")).toBe(true);
    expect(VOUCHER_CODE.test("ABC")).toBe(false);
    expect(VOUCHER_CODE.test("A".repeat(17))).toBe(false);
    expect(VOUCHER_CODE.test("TẾT2027")).toBe(false);
  });
});

describe("campaign coverage", () => {
  it("covers the goods of producers in its province, named producers or named products", () => {
    const p = part(1, [[10, 100_000, 1], [11, 50_000, 2]]);
    expect(campaignSavingVnd(campaign({}), p).amountVnd).toBe(20_000);
    expect(campaignSavingVnd(campaign({ provinceCode: "01" }), p).amountVnd).toBe(0);
    expect(campaignSavingVnd(campaign({ provinceCode: null }), p).amountVnd).toBe(20_000);
    expect(campaignSavingVnd(campaign({ productIds: [11] }), p).amountVnd).toBe(10_000);
    expect(campaignSavingVnd(campaign({ producerIds: [2] }), p).amountVnd).toBe(0);
    expect(campaignSavingVnd(campaign({ producerIds: [1] }), p).amountVnd).toBe(20_000);
  });
  it("applies only from its minimum order, on the goods it covers", () => {
    const p = part(1, [[10, 100_000, 1], [11, 50_000, 2]]);
    expect(campaignSavingVnd(campaign({ productIds: [11], minOrderVnd: 150_000 }), p).amountVnd).toBe(0);
    expect(campaignSavingVnd(campaign({ minOrderVnd: 200_000 }), p).amountVnd).toBe(20_000);
  });
  it("stays within what is left of its budget", () => {
    const p = part(1, [[10, 100_000, 2]]);
    expect(campaignSavingVnd(campaign({ budgetVnd: 1_000_000, spentVnd: 995_000 }), p).amountVnd).toBe(5_000);
    expect(campaignSavingVnd(campaign({ budgetVnd: 1_000_000, spentVnd: 1_000_000 }), p).amountVnd).toBe(0);
  });
});

describe("stacking: one campaign and one voucher per part", () => {
  const p = part(1, [[10, 100_000, 2]], 30_000);

  it("takes the campaign that saves the most, never two", () => {
    const d = discountPart(p, [campaign({ id: 1, percent: 10 }), campaign({ id: 2, kind: "fixed", percent: null, amountVnd: 25_000 }), campaign({ id: 3, kind: "free_shipping", percent: null })], null);
    expect(d.lines).toEqual([{ source: "campaign", offerId: 3, label: "Tuần lễ OCOP", target: "shipping", amountVnd: 30_000, payer: "platform" }]);
    expect(d).toMatchObject({ goodsDiscountVnd: 0, shippingDiscountVnd: 30_000, platformVnd: 30_000, producerVnd: 0 });
  });

  it("adds the producer's voucher on the goods left after the campaign", () => {
    const d = discountPart(p, [campaign({ percent: 10 })], voucher({ kind: "percent", amountVnd: null, percent: 10 }));
    // 10 % of 200.000 = 20.000 by the platform, then 10 % of 180.000 = 18.000 by the producer.
    expect(d.lines.map((l) => [l.source, l.amountVnd, l.payer])).toEqual([
      ["campaign", 20_000, "platform"],
      ["voucher", 18_000, "producer"],
    ]);
    expect(d).toMatchObject({ goodsDiscountVnd: 38_000, platformVnd: 20_000, producerVnd: 18_000 });
  });

  it("applies a voucher only to its producer's part and from its minimum order", () => {
    expect(discountPart(p, [], voucher({ producerId: 2 })).lines).toEqual([]);
    expect(discountPart(p, [], voucher({ minOrderVnd: 200_001 })).lines).toEqual([]);
    expect(discountPart(p, [], voucher({ minOrderVnd: 200_000 })).producerVnd).toBe(20_000);
  });

  it("never takes the goods below the least a part pays; the voucher gives way first", () => {
    const d = discountPart(p, [campaign({ kind: "fixed", percent: null, amountVnd: 150_000 })], voucher({ amountVnd: 100_000 }));
    expect(d.goodsDiscountVnd).toBe(200_000 - MIN_PAID_GOODS_VND);
    expect(d.platformVnd).toBe(150_000);
    expect(d.producerVnd).toBe(50_000 - MIN_PAID_GOODS_VND);
  });
});

describe("applyDiscounts", () => {
  it("gives each part what is left to pay and the order's totals", () => {
    const parts = [part(1, [[10, 100_000, 1]], 20_000), part(2, [[20, 55_555, 1]], 40_000, "01")];
    const priced = applyDiscounts(parts, [campaign({ kind: "free_shipping", percent: null })], voucher({ producerId: 2, kind: "percent", amountVnd: null, percent: 10 }));
    expect(priced.parts.map((p) => [p.paidGoodsVnd, p.paidShippingVnd, p.paidTotalVnd])).toEqual([
      [100_000, 0, 100_000],
      [50_000, 40_000, 90_000],
    ]);
    expect(priced).toMatchObject({ discountTotalVnd: 25_555, goodsTotalVnd: 150_000, shippingTotalVnd: 40_000, totalVnd: 190_000 });
  });
  it("shares a campaign's budget between the parts of one order", () => {
    const parts = [part(1, [[10, 100_000, 1]]), part(2, [[20, 100_000, 1]])];
    const priced = applyDiscounts(parts, [campaign({ percent: 10, budgetVnd: 15_000 })], null);
    expect(priced.parts.map((p) => p.discount.platformVnd)).toEqual([10_000, 5_000]);
  });
});

describe("voucherProblem", () => {
  const v = { ...voucher({}), startsOn: "2026-12-01", endsOn: "2026-12-31", totalUses: 3, used: 0, perBuyer: 1 };
  const parts = [part(1, [[10, 100_000, 1]])];
  it("names what is wrong with a typed code", () => {
    expect(voucherProblem(undefined, parts, "2026-12-03", 0)).toBe("unknown");
    expect(voucherProblem(v, parts, "2027-01-01", 0)).toBe("notRunning");
    expect(voucherProblem({ ...v, used: 3 }, parts, "2026-12-03", 0)).toBe("usedUp");
    expect(voucherProblem(v, parts, "2026-12-03", 1)).toBe("perBuyer");
    expect(voucherProblem({ ...v, producerId: 9 }, parts, "2026-12-03", 0)).toBe("notApplicable");
    expect(voucherProblem({ ...v, minOrderVnd: 500_000 }, parts, "2026-12-03", 0)).toBe("minimum");
    expect(voucherProblem(v, parts, "2026-12-03", 0)).toBeNull();
  });
});

describe("commissionBaseVnd", () => {
  it("is the goods less the producer's voucher, not less the platform's campaign", () => {
    const p = part(1, [[10, 100_000, 2]], 30_000);
    const discount = discountPart(p, [campaign({ percent: 10 })], voucher({ amountVnd: 15_000 }));
    expect(commissionBaseVnd({ goodsTotalVnd: p.goodsTotalVnd, discount })).toBe(200_000 - 15_000);
    const freeShipping = discountPart(p, [campaign({ kind: "free_shipping", percent: null })], null);
    expect(commissionBaseVnd({ goodsTotalVnd: p.goodsTotalVnd, discount: freeShipping })).toBe(200_000);
  });
});

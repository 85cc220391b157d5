/**
 * Campaign and voucher discounts of one order, as pure rules (ADR 0019). All money is integer VND.
 *
 * The input is what `orders/quote.ts` already produces (parts with lines of productId, producerId,
 * price × quantity, the part's goods and shipping fee); the types here are structural so this module
 * imports nothing from orders and keeps working whatever else a cart line comes to carry.
 *
 * Stacking rule, per producer part: at most one campaign (the one that saves the most; ties go to the
 * older campaign) and at most one voucher (the code the shopper typed, which belongs to one producer).
 * The voucher is worked out on the goods left after the campaign's goods discount; its minimum order is
 * judged on the part's goods before any discount. The goods discounts together never bring the part's
 * goods below MIN_PAID_GOODS_VND (the voucher gives way first); free shipping zeroes the part's fee.
 */

import type { IsoDate } from "../shared/dates";

/** A part always keeps this much of its goods to pay, so no order is free and every payment method works. */
export const MIN_PAID_GOODS_VND = 1_000;

export type DiscountKind = "percent" | "fixed" | "free_shipping";

export interface OfferTerms {
  kind: DiscountKind;
  /** Percent off (1–90) for `percent`. */
  percent: number | null;
  /** The most a `percent` discount takes off, or null for no cap. */
  capVnd: number | null;
  /** The amount off for `fixed`. */
  amountVnd: number | null;
  /** Goods (before any discount) the covered part must reach. */
  minOrderVnd: number;
}

export interface CampaignOffer extends OfferTerms {
  id: number;
  title: string;
  /** The province whose producers it covers, or null for a national campaign. */
  provinceCode: string | null;
  /** Producers and products it names; both empty means every producer of its scope. */
  producerIds: number[];
  productIds: number[];
  budgetVnd: number | null;
  spentVnd: number;
}

export interface VoucherOffer extends OfferTerms {
  id: number;
  code: string;
  producerId: number;
}

export interface PricedLine {
  productId: number;
  priceVnd: number;
  quantity: number;
  producerProvinceCode: string;
}

export interface PricedPart {
  producerId: number;
  lines: PricedLine[];
  goodsTotalVnd: number;
  shippingFeeVnd: number;
}

export interface DiscountLine {
  source: "campaign" | "voucher";
  offerId: number;
  /** The campaign's title or the voucher's code, copied onto the order. */
  label: string;
  /** What it lowers: the goods or the shipping fee. */
  target: "goods" | "shipping";
  amountVnd: number;
  /** Who bears it: the platform's campaign budget, or the producer's share. */
  payer: "platform" | "producer";
}

export interface PartDiscount {
  lines: DiscountLine[];
  goodsDiscountVnd: number;
  shippingDiscountVnd: number;
  /** The platform's share of the discount (campaigns). */
  platformVnd: number;
  /** The producer's share of the discount (its vouchers). */
  producerVnd: number;
}

export type DiscountedPart<P extends PricedPart> = P & {
  discount: PartDiscount;
  /** What the shopper pays for the goods and the shipping of this part. */
  paidGoodsVnd: number;
  paidShippingVnd: number;
  paidTotalVnd: number;
};

/** Whether a dated offer runs on `today` (both ends inclusive, Vietnam dates). */
export function isRunning(offer: { startsOn: IsoDate; endsOn: IsoDate }, today: IsoDate): boolean {
  return offer.startsOn <= today && today <= offer.endsOn;
}

/** Whether an offer has ended by `today`: its page is gone and it applies nowhere. */
export function hasEnded(offer: { endsOn: IsoDate }, today: IsoDate): boolean {
  return offer.endsOn < today;
}

export function meetsMinimum(terms: Pick<OfferTerms, "minOrderVnd">, goodsVnd: number): boolean {
  return goodsVnd >= terms.minOrderVnd;
}

/** Whether a voucher has uses left in all. */
export function hasUsesLeft(voucher: { totalUses: number; used: number }): boolean {
  return voucher.used < voucher.totalUses;
}

/** Whether this buyer (by phone or account) may use the voucher once more. */
export function buyerMayUse(voucher: { perBuyer: number }, buyerUses: number): boolean {
  return buyerUses < voucher.perBuyer;
}

/**
 * What an offer takes off `goodsVnd` (the goods it covers) or off the shipping fee, in whole đồng:
 * a percent is rounded down and capped, a fixed amount is at most the goods, free shipping is the fee.
 */
export function offerSavingVnd(terms: OfferTerms, goodsVnd: number, shippingFeeVnd: number): { target: "goods" | "shipping"; amountVnd: number } {
  switch (terms.kind) {
    case "percent": {
      const off = Math.floor((goodsVnd * (terms.percent ?? 0)) / 100);
      return { target: "goods", amountVnd: Math.max(0, terms.capVnd === null ? off : Math.min(off, terms.capVnd)) };
    }
    case "fixed":
      return { target: "goods", amountVnd: Math.max(0, Math.min(terms.amountVnd ?? 0, goodsVnd)) };
    case "free_shipping":
      return { target: "shipping", amountVnd: shippingFeeVnd };
  }
}

/** The goods of `part` a campaign covers (0 when it covers none of them). */
export function coveredGoodsVnd(campaign: CampaignOffer, part: PricedPart): number {
  const named = campaign.producerIds.length > 0 || campaign.productIds.length > 0;
  return part.lines
    .filter((line) => campaign.provinceCode === null || line.producerProvinceCode === campaign.provinceCode)
    .filter((line) => !named || campaign.producerIds.includes(part.producerId) || campaign.productIds.includes(line.productId))
    .reduce((sum, line) => sum + line.priceVnd * line.quantity, 0);
}

/** What a campaign saves on a part (0 when it does not apply), within what is left of its budget. */
export function campaignSavingVnd(campaign: CampaignOffer, part: PricedPart): { target: "goods" | "shipping"; amountVnd: number } {
  const covered = coveredGoodsVnd(campaign, part);
  const saving = offerSavingVnd(campaign, covered, part.shippingFeeVnd);
  if (covered === 0 || !meetsMinimum(campaign, covered)) return { ...saving, amountVnd: 0 };
  const left = campaign.budgetVnd === null ? Infinity : Math.max(0, campaign.budgetVnd - campaign.spentVnd);
  return { ...saving, amountVnd: Math.min(saving.amountVnd, left) };
}

/** The discount of one part under the stacking rule (see the top of this file). */
export function discountPart(part: PricedPart, campaigns: CampaignOffer[], voucher: VoucherOffer | null): PartDiscount {
  let best: { campaign: CampaignOffer; target: "goods" | "shipping"; amountVnd: number } | null = null;
  for (const campaign of [...campaigns].sort((a, b) => a.id - b.id)) {
    const saving = campaignSavingVnd(campaign, part);
    if (saving.amountVnd > 0 && (best === null || saving.amountVnd > best.amountVnd)) best = { campaign, ...saving };
  }
  const goodsRoom = Math.max(0, part.goodsTotalVnd - MIN_PAID_GOODS_VND);
  const lines: DiscountLine[] = [];
  let goodsOff = 0;
  if (best) {
    const amountVnd = best.target === "goods" ? Math.min(best.amountVnd, goodsRoom) : best.amountVnd;
    if (best.target === "goods") goodsOff += amountVnd;
    if (amountVnd > 0) {
      lines.push({ source: "campaign", offerId: best.campaign.id, label: best.campaign.title, target: best.target, amountVnd, payer: "platform" });
    }
  }
  if (voucher && voucher.producerId === part.producerId && meetsMinimum(voucher, part.goodsTotalVnd)) {
    const saving = offerSavingVnd(voucher, part.goodsTotalVnd - goodsOff, part.shippingFeeVnd);
    const amountVnd = Math.min(saving.amountVnd, goodsRoom - goodsOff);
    if (amountVnd > 0) {
      goodsOff += amountVnd;
      lines.push({ source: "voucher", offerId: voucher.id, label: voucher.code, target: "goods", amountVnd, payer: "producer" });
    }
  }
  const sum = (pick: (l: DiscountLine) => boolean) => lines.filter(pick).reduce((s, l) => s + l.amountVnd, 0);
  return {
    lines,
    goodsDiscountVnd: sum((l) => l.target === "goods"),
    shippingDiscountVnd: sum((l) => l.target === "shipping"),
    platformVnd: sum((l) => l.payer === "platform"),
    producerVnd: sum((l) => l.payer === "producer"),
  };
}

/**
 * What a part's commission is computed on: the goods the buyer paid for plus the platform's campaign
 * discount on goods. A producer's voucher lowers the producer's revenue and the commission with it; a
 * platform campaign does not (the producer is paid as if undiscounted, ADR 0019).
 */
export function commissionBaseVnd(part: { goodsTotalVnd: number; discount: PartDiscount }): number {
  const producerGoods = part.discount.lines.filter((l) => l.payer === "producer" && l.target === "goods").reduce((s, l) => s + l.amountVnd, 0);
  return part.goodsTotalVnd - producerGoods;
}

/** Every part with its discount and what is left to pay, and the order's new totals. */
export function applyDiscounts<P extends PricedPart>(
  parts: P[],
  campaigns: CampaignOffer[],
  voucher: VoucherOffer | null,
): { parts: DiscountedPart<P>[]; discountTotalVnd: number; goodsTotalVnd: number; shippingTotalVnd: number; totalVnd: number } {
  // A campaign's budget is shared by the parts of one order: each part sees what the earlier ones spent.
  const spent = new Map(campaigns.map((c) => [c.id, c.spentVnd]));
  const discounted = parts.map((part): DiscountedPart<P> => {
    const discount = discountPart(part, campaigns.map((c) => ({ ...c, spentVnd: spent.get(c.id)! })), voucher);
    for (const line of discount.lines) if (line.source === "campaign") spent.set(line.offerId, spent.get(line.offerId)! + line.amountVnd);
    const paidGoodsVnd = part.goodsTotalVnd - discount.goodsDiscountVnd;
    const paidShippingVnd = part.shippingFeeVnd - discount.shippingDiscountVnd;
    return { ...part, discount, paidGoodsVnd, paidShippingVnd, paidTotalVnd: paidGoodsVnd + paidShippingVnd };
  });
  const total = (pick: (p: DiscountedPart<P>) => number) => discounted.reduce((s, p) => s + pick(p), 0);
  return {
    parts: discounted,
    discountTotalVnd: total((p) => p.discount.goodsDiscountVnd + p.discount.shippingDiscountVnd),
    goodsTotalVnd: total((p) => p.paidGoodsVnd),
    shippingTotalVnd: total((p) => p.paidShippingVnd),
    totalVnd: total((p) => p.paidTotalVnd),
  };
}

export type VoucherProblem = "unknown" | "notRunning" | "usedUp" | "perBuyer" | "notApplicable" | "minimum";

/**
 * Why a typed voucher cannot be used on these parts, or null. `voucher` is the code's row (undefined
 * for an unknown or disabled code); `buyerUses` counts this buyer's unreleased uses of it.
 */
export function voucherProblem(
  voucher: (VoucherOffer & { startsOn: IsoDate; endsOn: IsoDate; totalUses: number; used: number; perBuyer: number }) | undefined,
  parts: PricedPart[],
  today: IsoDate,
  buyerUses: number,
): VoucherProblem | null {
  if (!voucher) return "unknown";
  if (!isRunning(voucher, today)) return "notRunning";
  if (!hasUsesLeft(voucher)) return "usedUp";
  if (!buyerMayUse(voucher, buyerUses)) return "perBuyer";
  const part = parts.find((p) => p.producerId === voucher.producerId);
  if (!part) return "notApplicable";
  if (!meetsMinimum(voucher, part.goodsTotalVnd)) return "minimum";
  return null;
}

/** Voucher codes: 4–16 upper-case letters and digits (typed case-insensitively, stored upper-case). */
export const VOUCHER_CODE = /^[A-Z0-9]{4,16}$/;

export function normaliseVoucherCode(typed: string): string {
  return typed.trim().toUpperCase().replace(/\s+/g, "");
}

import { and, count, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { campaignProducers, campaignProducts, campaigns, orderDiscounts, vouchers, voucherRedemptions } from "~/db/schema";
import type { IsoDate } from "../shared/dates";
import {
  applyDiscounts,
  normaliseVoucherCode,
  voucherProblem,
  type CampaignOffer,
  type DiscountedPart,
  type PricedPart,
  type VoucherOffer,
  type VoucherProblem,
} from "./discounts";

/**
 * Offers valid now for a cart, and their redemption inside the checkout's transaction (ADR 0019).
 * This module imports nothing from orders or payments: orders call it.
 */

const runningCampaignRows = once(() =>
  getDb()
    .select()
    .from(campaigns)
    .where(and(lte(campaigns.startsOn, sql.placeholder("today")), gte(campaigns.endsOn, sql.placeholder("today"))))
    .prepare(),
);

/** Campaigns running on `today` that may touch goods of these provinces, with the producers and products they name. */
export function runningCampaigns(today: IsoDate, provinceCodes: string[]): CampaignOffer[] {
  const rows = runningCampaignRows()
    .all({ today })
    .filter((c) => c.provinceCode === null || provinceCodes.includes(c.provinceCode));
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  const producersOf = getDb().select().from(campaignProducers).where(inArray(campaignProducers.campaignId, ids)).all();
  const productsOf = getDb().select().from(campaignProducts).where(inArray(campaignProducts.campaignId, ids)).all();
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    provinceCode: c.provinceCode,
    kind: c.kind,
    percent: c.percent,
    capVnd: c.capVnd,
    amountVnd: c.amountVnd,
    minOrderVnd: c.minOrderVnd,
    budgetVnd: c.budgetVnd,
    spentVnd: c.spentVnd,
    producerIds: producersOf.filter((p) => p.campaignId === c.id).map((p) => p.producerId),
    productIds: productsOf.filter((p) => p.campaignId === c.id).map((p) => p.productId),
  }));
}

const voucherWithCode = once(() =>
  getDb()
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.code, sql.placeholder("code")), isNull(vouchers.disabledAt)))
    .prepare(),
);

function buyerUsesOf(voucherId: number, buyer: Buyer): number {
  const sameBuyer = buyer.userId === null ? eq(voucherRedemptions.phone, buyer.phone) : or(eq(voucherRedemptions.phone, buyer.phone), eq(voucherRedemptions.userId, buyer.userId));
  // count(*) always gives a row.
  return getDb()
    .select({ n: count() })
    .from(voucherRedemptions)
    .where(and(eq(voucherRedemptions.voucherId, voucherId), isNull(voucherRedemptions.releasedAt), sameBuyer))
    .get()!.n;
}

export interface Buyer {
  phone: string;
  userId: number | null;
}

type Voucher = typeof vouchers.$inferSelect;

function voucherOffer(v: Voucher): VoucherOffer {
  return { id: v.id, code: v.code, producerId: v.producerId, kind: v.kind, percent: v.percent, capVnd: v.capVnd, amountVnd: v.amountVnd, minOrderVnd: v.minOrderVnd };
}

export interface PricedQuote<P extends PricedPart> {
  parts: DiscountedPart<P>[];
  goodsTotalVnd: number;
  shippingTotalVnd: number;
  discountTotalVnd: number;
  totalVnd: number;
  /** The total with the campaigns but without the typed voucher: what the page showed before the code was applied. */
  totalWithoutVoucherVnd: number;
  voucher: { id: number; code: string } | null;
}

/**
 * The quote's parts with the running campaigns and the typed voucher applied, or why the voucher
 * cannot be used. `buyer` is null on the page before a phone is known (the per-buyer limit is then
 * checked when the order is placed).
 */
export function priceWithOffers<P extends PricedPart>(
  parts: P[],
  voucherCode: string | null,
  buyer: Buyer | null,
  today: IsoDate,
): { ok: true; quote: PricedQuote<P> } | { ok: false; problem: VoucherProblem } {
  const provinces = [...new Set(parts.flatMap((p) => p.lines.map((l) => l.producerProvinceCode)))];
  const offers = runningCampaigns(today, provinces);
  let voucher: Voucher | undefined;
  if (voucherCode) {
    voucher = voucherWithCode().get({ code: normaliseVoucherCode(voucherCode) });
    const problem = voucherProblem(voucher, parts, today, voucher && buyer ? buyerUsesOf(voucher.id, buyer) : 0);
    if (problem) return { ok: false, problem };
  }
  const withVoucher = applyDiscounts(parts, offers, voucher ? voucherOffer(voucher) : null);
  const without = voucher ? applyDiscounts(parts, offers, null) : withVoucher;
  return {
    ok: true,
    quote: {
      parts: withVoucher.parts,
      goodsTotalVnd: withVoucher.goodsTotalVnd,
      shippingTotalVnd: withVoucher.shippingTotalVnd,
      discountTotalVnd: withVoucher.discountTotalVnd,
      totalVnd: withVoucher.totalVnd,
      totalWithoutVoucherVnd: without.totalVnd,
      voucher: voucher ? { id: voucher.id, code: voucher.code } : null,
    },
  };
}

/** A use taken under a race by someone else, or a budget spent meanwhile: the checkout is refused and rolled back. */
export class OfferTakenError extends Error {
  constructor(readonly problem: VoucherProblem) {
    super(`offer taken: ${problem}`);
  }
}

const takeVoucherUse = once(() =>
  getDb()
    .update(vouchers)
    .set({ used: sql`${vouchers.used} + 1` })
    .where(and(eq(vouchers.id, sql.placeholder("id")), sql`${vouchers.used} < ${vouchers.totalUses}`, isNull(vouchers.disabledAt)))
    .prepare(),
);

const spendCampaignBudget = once(() =>
  getDb()
    .update(campaigns)
    .set({ spentVnd: sql`${campaigns.spentVnd} + ${sql.placeholder("amount")}` })
    .where(
      and(
        eq(campaigns.id, sql.placeholder("id")),
        sql`(${campaigns.budgetVnd} IS NULL OR ${campaigns.spentVnd} + ${sql.placeholder("amount")} <= ${campaigns.budgetVnd})`,
      ),
    )
    .prepare(),
);

/**
 * Records a placed part's discount lines, takes the voucher's use (a guarded UPDATE: `used < total_uses`,
 * so however many checkouts race, a voucher of N uses is used N times) and spends the campaign's budget.
 * Must run inside the checkout's `BEGIN IMMEDIATE` transaction; throws OfferTakenError to roll it back.
 */
export function redeemPartOffers(
  part: { orderId: number; partId: number; discount: DiscountedPart<PricedPart>["discount"] },
  buyer: Buyer,
  now: number,
) {
  for (const line of part.discount.lines) {
    getDb()
      .insert(orderDiscounts)
      .values({
        orderId: part.orderId,
        partId: part.partId,
        source: line.source,
        campaignId: line.source === "campaign" ? line.offerId : null,
        voucherId: line.source === "voucher" ? line.offerId : null,
        label: line.label,
        target: line.target,
        amountVnd: line.amountVnd,
        payer: line.payer,
      })
      .run();
    if (line.source === "voucher") {
      if (takeVoucherUse().run({ id: line.offerId }).changes !== 1) throw new OfferTakenError("usedUp");
      getDb()
        .insert(voucherRedemptions)
        .values({ voucherId: line.offerId, orderId: part.orderId, partId: part.partId, phone: buyer.phone, userId: buyer.userId, createdAt: now })
        .run();
    } else if (spendCampaignBudget().run({ id: line.offerId, amount: line.amountVnd }).changes !== 1) {
      throw new OfferTakenError("usedUp");
    }
  }
}

/**
 * Gives back what a cancelled, expired or refunded part held: its voucher use and its campaign
 * budget. Idempotent (a part released once is not released again); runs in the caller's transaction.
 */
export function releasePartOffers(partId: number, now: number) {
  const db = getDb();
  const redemptions = db
    .update(voucherRedemptions)
    .set({ releasedAt: now })
    .where(and(eq(voucherRedemptions.partId, partId), isNull(voucherRedemptions.releasedAt)))
    .returning({ voucherId: voucherRedemptions.voucherId })
    .all();
  for (const { voucherId } of redemptions) {
    db.update(vouchers).set({ used: sql`max(0, ${vouchers.used} - 1)` }).where(eq(vouchers.id, voucherId)).run();
  }
  const lines = db
    .update(orderDiscounts)
    .set({ releasedAt: now })
    .where(and(eq(orderDiscounts.partId, partId), isNull(orderDiscounts.releasedAt)))
    .returning({ campaignId: orderDiscounts.campaignId, amountVnd: orderDiscounts.amountVnd })
    .all();
  for (const { campaignId, amountVnd } of lines) {
    if (campaignId === null) continue;
    db.update(campaigns).set({ spentVnd: sql`max(0, ${campaigns.spentVnd} - ${amountVnd})` }).where(eq(campaigns.id, campaignId)).run();
  }
}

/** The discount lines of an order's parts, for the order page: by part id. */
export function discountLinesOfOrder(orderId: number): Map<number, { label: string; source: "campaign" | "voucher"; target: "goods" | "shipping"; amountVnd: number }[]> {
  const rows = getDb()
    .select({ partId: orderDiscounts.partId, label: orderDiscounts.label, source: orderDiscounts.source, target: orderDiscounts.target, amountVnd: orderDiscounts.amountVnd })
    .from(orderDiscounts)
    .where(eq(orderDiscounts.orderId, orderId))
    .orderBy(orderDiscounts.id)
    .all();
  const byPart = new Map<number, { label: string; source: "campaign" | "voucher"; target: "goods" | "shipping"; amountVnd: number }[]>();
  for (const { partId, ...line } of rows) byPart.set(partId, [...(byPart.get(partId) ?? []), line]);
  return byPart;
}

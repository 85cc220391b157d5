import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { campaignProducts, campaigns, ledgerEntries, orderDiscounts, orderParts, vouchers, voucherRedemptions } from "~/db/schema";
import { placeOrder } from "~/domain/orders/checkout.server";
import { movePart, partsOfOrder } from "~/domain/orders/order-moves.server";
import { receiveBankTransfer } from "~/domain/payments/bank-transfer.server";
import { addDays, todayInVietnam } from "~/domain/shared/dates";
import { settings } from "~/settings.server";
import { aCart, aCheckout, aProducer, aProduct } from "../factories";

/** Campaigns and vouchers through checkout, payment and a cancellation after payment (ADR 0019). */

const today = todayInVietnam();
const ledgerOf = (partId: number, account?: string) =>
  getDb()
    .select({ sum: sql<number>`coalesce(sum(${ledgerEntries.amountVnd}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.partId, partId), account ? sql`${ledgerEntries.account} = ${account}` : undefined))
    .get()!.sum;

describe("a part with a campaign and a voucher, paid and then cancelled by its producer", () => {
  it("books who pays on payment, then gives back the use, the budget and every ledger row", () => {
    // A cooperative is not withheld from (ADR 0029): the ledger here is commission and promotions alone.
    const producer = aProducer({ provinceCode: "01", entityType: "cooperative" });
    const product = aProduct(producer, { priceVnd: 100_000, stock: 10 });
    const campaign = getDb()
      .insert(campaigns)
      .values({ slug: `thu-${producer.id}`, title: "Thử", provinceCode: "01", kind: "percent", percent: 10, budgetVnd: 1_000_000, startsOn: today, endsOn: addDays(today, 1) })
      .returning()
      .get();
    getDb().insert(campaignProducts).values({ campaignId: campaign.id, productId: product.id }).run();
    const voucher = getDb()
      .insert(vouchers)
      .values({ producerId: producer.id, code: `THU${producer.id}`, kind: "fixed", amountVnd: 30_000, totalUses: 5, startsOn: today, endsOn: today })
      .returning()
      .get();

    const placed = placeOrder(aCart([{ productId: product.id, quantity: 3 }]), aCheckout({ provinceCode: "01", voucherCode: voucher.code.toLowerCase() }), { userId: null });
    if (!placed.ok) throw new Error(JSON.stringify(placed));
    const [part] = partsOfOrder(placed.order.id);
    // 300.000 ₫ of goods: 30.000 ₫ by the campaign (the platform), then 30.000 ₫ by the voucher (the producer).
    const row = getDb().select().from(orderParts).where(eq(orderParts.id, part!.id)).get()!;
    expect(row.goodsTotalVnd).toBe(240_000);
    expect(row.platformDiscountVnd).toBe(30_000);
    expect(row.commissionVnd).toBe(Math.round(270_000 * 0.05));
    expect(getDb().select({ used: vouchers.used }).from(vouchers).where(eq(vouchers.id, voucher.id)).get()!.used).toBe(1);
    expect(getDb().select({ spent: campaigns.spentVnd }).from(campaigns).where(eq(campaigns.id, campaign.id)).get()!.spent).toBe(30_000);

    const paid = receiveBankTransfer({
      transactionId: `promo-${producer.id}`,
      amount: placed.order.totalVnd,
      description: `CK ${placed.order.code}`,
      accountNumber: settings.vietQrAccount.accountNo,
      occurredAt: new Date().toISOString(),
    });
    expect(paid.outcome).toBe("applied");
    expect(ledgerOf(part!.id)).toBe(placed.order.totalVnd);
    expect(ledgerOf(part!.id, "campaign_cost")).toBe(-30_000);
    expect(ledgerOf(part!.id, "producer_pending")).toBe(row.totalVnd + 30_000 - row.commissionVnd);

    movePart(partsOfOrder(placed.order.id)[0]!, "cancel", { source: "producer", userId: producer.ownerUserId }, { reason: "Hết hàng trong kho" });
    for (const account of ["commission", "producer_pending", "producer_payable", "campaign_cost"]) expect(ledgerOf(part!.id, account), account).toBe(0);
    expect(getDb().select({ used: vouchers.used }).from(vouchers).where(eq(vouchers.id, voucher.id)).get()!.used).toBe(0);
    expect(getDb().select({ spent: campaigns.spentVnd }).from(campaigns).where(eq(campaigns.id, campaign.id)).get()!.spent).toBe(0);
    expect(getDb().select().from(voucherRedemptions).where(eq(voucherRedemptions.partId, part!.id)).get()!.releasedAt).not.toBeNull();
    expect(getDb().select().from(orderDiscounts).where(eq(orderDiscounts.partId, part!.id)).all().every((d) => d.releasedAt !== null)).toBe(true);
  });
});

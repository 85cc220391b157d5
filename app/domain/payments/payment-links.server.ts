import { and, eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orders, paymentLinks } from "~/db/schema";
import { awaitsPayment } from "./payment-states";

export type PaymentLink = typeof paymentLinks.$inferSelect;
export type LinkProvider = PaymentLink["provider"];

export function paymentLinkOfOrder(orderId: number): PaymentLink | undefined {
  return getDb().select().from(paymentLinks).where(eq(paymentLinks.orderId, orderId)).get();
}

interface LinkedOrder {
  id: number;
  code: string;
  totalVnd: number;
  expiresAt: number;
}

/**
 * The provider's payment for an order placed to be paid through it, still awaiting payment and in
 * time: the row already made, or a new one (`creating`) with what `values` says. Written before the
 * provider is called, so a retry finds the same numbers and the provider refuses a second payment.
 * Null when the order may not be paid this way (any more).
 */
export function reservePaymentLink(
  orderId: number,
  provider: LinkProvider,
  values: (order: LinkedOrder) => Pick<PaymentLink, "providerOrderCode" | "description" | "amountVnd" | "providerReference">,
  now = Date.now(),
): { link: PaymentLink; order: LinkedOrder } | null {
  return getDb().transaction(
    (tx) => {
      const order = tx
        .select({ id: orders.id, code: orders.code, totalVnd: orders.totalVnd, paymentMethod: orders.paymentMethod, paymentStatus: orders.paymentStatus, expiresAt: orders.expiresAt })
        .from(orders)
        .where(eq(orders.id, orderId))
        .get();
      if (!order || order.paymentMethod !== provider || !awaitsPayment(order.paymentStatus) || now >= order.expiresAt) return null;
      const existing = tx.select().from(paymentLinks).where(eq(paymentLinks.orderId, orderId)).get();
      if (existing) return { link: existing, order };
      const created = tx
        .insert(paymentLinks)
        .values({ orderId, provider, ...values(order) })
        .returning()
        .get();
      return { link: created, order };
    },
    { behavior: "immediate" },
  );
}

/** Completes a reserved link with the provider's answer; the row as stored, or undefined if it moved meanwhile. */
export function openPaymentLink(linkId: number, answer: Partial<Pick<PaymentLink, "paymentLinkId" | "checkoutUrl" | "qrCode" | "bankBin" | "accountNumber" | "accountName">>) {
  return getDb()
    .update(paymentLinks)
    .set({ status: "open", ...answer })
    .where(and(eq(paymentLinks.id, linkId), eq(paymentLinks.status, "creating")))
    .returning()
    .get();
}

/**
 * The payment of this provider for the order a callback names by our order code (VNPay's
 * `vnp_TxnRef`, MoMo's `orderId`): only an order with a payment of this provider may be paid by it, so
 * a code alone never decides which order is paid.
 */
export function linkNamedBy(provider: LinkProvider, orderCode: string): PaymentLink | undefined {
  return getDb()
    .select({ link: paymentLinks })
    .from(paymentLinks)
    .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
    .where(and(eq(orders.code, orderCode), eq(paymentLinks.provider, provider)))
    .get()?.link;
}

/** The links of one provider whose order still awaits payment: what reconciliation asks about. */
export function openLinksAwaitingPayment(provider: LinkProvider, limit = 200) {
  return getDb()
    .select({ link: paymentLinks, orderCode: orders.code })
    .from(paymentLinks)
    .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
    .where(and(eq(paymentLinks.provider, provider), eq(paymentLinks.status, "open"), eq(orders.paymentStatus, "unpaid")))
    .limit(limit)
    .all();
}

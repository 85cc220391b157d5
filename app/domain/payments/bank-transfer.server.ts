import { eq } from "drizzle-orm";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { bankTransfers, orders } from "~/db/schema";
import { settings } from "~/settings.server";
import { orderCodeCandidates } from "../orders/order-code";
import { applyPayment, payableOrderByCode, type PayableOrder, type PaymentOutcome } from "./payments.server";

/** The bank's notification of one incoming transfer (PRODUCT.md §5). */
export const bankNotificationSchema = z.object({
  transactionId: z.string().trim().min(1).max(100),
  amount: z.number().int().positive().max(1_000_000_000_000),
  description: z.string().max(500),
  accountNumber: z.string().trim().min(1).max(40),
  occurredAt: z.string().trim().min(1).max(40),
});
export type BankNotification = z.infer<typeof bankNotificationSchema>;

/** `X-Signature: sha256=<hex HMAC-SHA256 of the raw body's bytes>`, compared in constant time. */
export function bankSignatureIsValid(rawBody: Buffer, header: string | null, secret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, "hex"));
}

export type TransferOutcome = "applied" | "short" | "over" | "late" | "duplicate" | "unknown_code" | "wrong_account" | "wrong_method";

const FROM_PAYMENT: Record<Exclude<PaymentOutcome, "paid">, TransferOutcome> = {
  already_paid: "duplicate",
  late: "late",
  short: "short",
  over: "over",
};

/**
 * Records a bank transfer and pays the order it names when the amount is exact and the order still
 * waits for it. Every transfer is stored whatever happens (staff resolve the ones not applied);
 * the same `transactionId` delivered again changes nothing.
 */
export function receiveBankTransfer(
  notification: BankNotification,
  now = Date.now(),
): { outcome: TransferOutcome; orderCode: string | null; redelivered: boolean } {
  return getDb().transaction((tx) => {
    const seen = tx
      .select({ outcome: bankTransfers.outcome, orderCode: orders.code })
      .from(bankTransfers)
      .leftJoin(orders, eq(orders.id, bankTransfers.orderId))
      .where(eq(bankTransfers.transactionId, notification.transactionId))
      .get();
    if (seen) return { ...seen, redelivered: true };

    const order = orderNamedIn(notification.description);
    let outcome: TransferOutcome;
    if (notification.accountNumber.replace(/\s/g, "") !== settings.vietQrAccount.accountNo) outcome = "wrong_account";
    else if (!order) outcome = "unknown_code";
    // A card order is paid at Stripe; a transfer naming it would be a second way to pay it.
    else if (order.paymentMethod !== "vietqr") outcome = "wrong_method";
    else {
      const paid = applyPayment(order.id, notification.amount, { source: "bank", userId: null }, { now });
      outcome = paid === "paid" ? "applied" : FROM_PAYMENT[paid];
    }
    tx.insert(bankTransfers)
      .values({
        transactionId: notification.transactionId,
        amountVnd: notification.amount,
        description: notification.description,
        accountNumber: notification.accountNumber,
        occurredAt: notification.occurredAt,
        orderId: order?.id ?? null,
        outcome,
        receivedAt: now,
      })
      .run();
    return { outcome, orderCode: order?.code ?? null, redelivered: false };
  });
}

/** The order whose code appears in a transfer's content, however the bank spaced or cased it. */
function orderNamedIn(description: string): PayableOrder | undefined {
  for (const code of orderCodeCandidates(description)) {
    const order = payableOrderByCode(code);
    if (order) return order;
  }
  return undefined;
}

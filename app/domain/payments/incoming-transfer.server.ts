import { and, eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { bankTransfers, orders, type TRANSFER_PROVIDERS } from "~/db/schema";
import { settings } from "~/settings.server";
import { payPlatformStallSale } from "../market/platform-sales.server";
import { orderCodeCandidates } from "../orders/order-code";
import type { PaymentMethod } from "./payment-states";
import { applyPayment, payableOrderByCode, type PayableOrder, type PaymentOutcome } from "./payments.server";

export type TransferProvider = (typeof TRANSFER_PROVIDERS)[number];

/**
 * One movement of money on the platform's bank account, as any provider reports it (ADR 0023): each
 * adapter in providers/ (and the generic bank webhook) turns its own format into this shape, so the
 * matching, the dedupe and the storage below exist once for all of them.
 */
export interface IncomingTransfer {
  provider: TransferProvider;
  /** The provider's own id of the transaction: the same id delivered again changes nothing. */
  transactionId: string;
  /** `out`: money that left the account; stored, never applied. */
  direction: "in" | "out";
  /** Integer VND, positive whatever the direction. */
  amountVnd: number;
  /** The transfer content as the bank wrote it. */
  description: string;
  accountNumber: string;
  occurredAt: string;
  /** An order code the provider already extracted (SePay's `code`), tried before the description. */
  codeHint?: string | null;
  /**
   * The order a payment link names (payOS's orderCode mapped to ours), or null when the link is
   * unknown: then only this decides the order, never the content.
   */
  namedOrder?: string | null;
}

/**
 * What each provider's word is worth: which orders it may pay, and whether the money must have reached
 * the platform's VietQR account. A payOS link pays into the account linked at payOS, which its signed
 * webhook vouches for; the others report the platform's own account and must name it.
 */
const PROVIDER_RULES: Record<TransferProvider, { pays: PaymentMethod; checkAccount: boolean }> = {
  bank: { pays: "vietqr", checkAccount: true },
  sepay: { pays: "vietqr", checkAccount: true },
  casso: { pays: "vietqr", checkAccount: true },
  payos: { pays: "payos", checkAccount: false },
  // Wallet gateways take the money into the merchant's account with them (ADR 0025): their signed word names the order.
  vnpay: { pays: "vnpay", checkAccount: false },
  momo: { pays: "momo", checkAccount: false },
};

export type TransferOutcome =
  | "applied"
  | "short"
  | "over"
  | "late"
  | "duplicate"
  | "unknown_code"
  | "wrong_account"
  | "wrong_method"
  | "outgoing";

export interface TransferReceipt {
  outcome: TransferOutcome;
  orderCode: string | null;
  /** True when this provider had already reported this transaction: nothing was changed. */
  redelivered: boolean;
}

const FROM_PAYMENT: Record<Exclude<PaymentOutcome, "paid">, TransferOutcome> = {
  already_paid: "duplicate",
  late: "late",
  short: "short",
  over: "over",
};

/**
 * Records a transfer and pays the order it names when the amount is exact and the order still waits
 * for it. Every transfer is stored whatever happens (late, short, over, twice, unknown code, another
 * account, outgoing: staff resolve the ones not applied); the same provider id delivered again, by a
 * webhook's retry or by reconciliation, changes nothing. BEGIN IMMEDIATE: a webhook and the
 * reconciliation job of another process may report the same transaction at the same moment, and the
 * second must see the first's row, not a stale snapshot.
 */
export function receiveTransfer(transfer: IncomingTransfer, now = Date.now()): TransferReceipt {
  return getDb().transaction(
    (tx) => {
      const seen = tx
        .select({ outcome: bankTransfers.outcome, orderCode: orders.code })
        .from(bankTransfers)
        .leftJoin(orders, eq(orders.id, bankTransfers.orderId))
        .where(and(eq(bankTransfers.provider, transfer.provider), eq(bankTransfers.transactionId, transfer.transactionId)))
        .get();
      if (seen) return { ...seen, redelivered: true };

      const rules = PROVIDER_RULES[transfer.provider];
      const order = transfer.direction === "in" ? orderNamedIn(transfer) : undefined;
      let outcome: TransferOutcome;
      if (transfer.direction === "out") outcome = "outgoing";
      else if (rules.checkAccount && transfer.accountNumber.replace(/\s/g, "") !== settings.vietQrAccount.accountNo) outcome = "wrong_account";
      else if (!order) {
        // A market stall's sale paying the platform's account (STALL_ACCOUNT=platform) is confirmed
        // here like an order; a wrong amount or a second payment is kept for staff as an unknown code.
        const stall = rules.pays === "vietqr" ? payPlatformStallSale(transfer, now) : null;
        outcome = stall === "applied" ? "applied" : "unknown_code";
      }
      // An order is paid the way it was placed; money naming it through another rail would be a second payment.
      else if (order.paymentMethod !== rules.pays) outcome = "wrong_method";
      else {
        const paid = applyPayment(order.id, transfer.amountVnd, { source: "bank", userId: null }, { now });
        outcome = paid === "paid" ? "applied" : FROM_PAYMENT[paid];
      }
      tx.insert(bankTransfers)
        .values({
          provider: transfer.provider,
          transactionId: transfer.transactionId,
          amountVnd: transfer.amountVnd,
          description: transfer.description,
          accountNumber: transfer.accountNumber,
          occurredAt: transfer.occurredAt,
          orderId: order?.id ?? null,
          outcome,
          receivedAt: now,
        })
        .run();
      return { outcome, orderCode: order?.code ?? null, redelivered: false };
    },
    { behavior: "immediate" },
  );
}

/** The order a transfer names: the provider's own extraction first, then the content however the bank spaced or cased it. */
function orderNamedIn(transfer: IncomingTransfer): PayableOrder | undefined {
  if (transfer.namedOrder !== undefined) return transfer.namedOrder === null ? undefined : payableOrderByCode(transfer.namedOrder);
  const candidates = [...orderCodeCandidates(transfer.codeHint ?? ""), ...orderCodeCandidates(transfer.description)];
  for (const code of candidates) {
    const order = payableOrderByCode(code);
    if (order) return order;
  }
  return undefined;
}

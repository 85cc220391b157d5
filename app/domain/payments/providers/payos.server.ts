import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { orders, paymentLinks } from "~/db/schema";
import { settings } from "~/settings.server";
import { receiveTransfer, type IncomingTransfer } from "../incoming-transfer.server";
import { openLinksAwaitingPayment, openPaymentLink, reservePaymentLink, type PaymentLink } from "../payment-links.server";
import {
  PAYOS_REPLY,
  payosCreateAnswerSchema,
  payosCreateSignature,
  payosDescription,
  payosLinkInfoSchema,
  payosSignatureIsValid,
  payosTransactionId,
  payosWebhookDataSchema,
  payosWebhookSchema,
} from "./payos";
import { refuseCallback } from "../../shared/refused-callbacks.server";
import { parseJson, type ProviderReply } from "./provider-reply";

/** payOS's calls answer in well under this; a slow one leaves the order page offering to try again. */
const CALL_TIMEOUT_MS = 15_000;

function payosFetch(path: string, init: { method: "GET" | "POST"; body?: unknown }) {
  const payos = settings.payos!;
  return fetch(new URL(path, payos.apiBase), {
    method: init.method,
    headers: { "x-client-id": payos.clientId, "x-api-key": payos.apiKey, "Content-Type": "application/json", Accept: "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
}

/**
 * Makes (once) the payOS payment link of a payOS order still awaiting payment. The link's row is
 * written first (the intent, with the integer orderCode payOS will know it by: the order's id, unique
 * and stable, so a retry sends the same orderCode and payOS refuses a second link), then payOS is
 * called outside any transaction, then the row is completed with the QR string. Answers the link, or
 * null when payOS could not make it (the order stands; its page offers to try again).
 */
export async function openPayosLink(orderId: number, origin: string, orderPagePath: string): Promise<PaymentLink | null> {
  const payos = settings.payos;
  if (!payos) return null;
  const link = reservePaymentLink(orderId, "payos", (order) => ({
    providerOrderCode: order.id,
    description: payosDescription(order.code),
    amountVnd: order.totalVnd,
    providerReference: null,
  }));
  if (!link) return null;
  if (link.link.status !== "creating") return link.link.status === "open" ? link.link : null;
  const { link: row, order: { expiresAt } } = link;
  const returnUrl = new URL(orderPagePath, origin).toString();
  const request = { orderCode: row.providerOrderCode, amount: row.amountVnd, description: row.description, cancelUrl: returnUrl, returnUrl };
  try {
    const res = await payosFetch("/v2/payment-requests", {
      method: "POST",
      // expiredAt = our hold, so payOS stops taking money when the order gives its stock back [C: Unix seconds].
      body: { ...request, expiredAt: Math.floor(expiresAt / 1000), signature: payosCreateSignature(payos.checksumKey, request) },
    });
    const answer = payosCreateAnswerSchema.safeParse(await res.json());
    if (!res.ok || !answer.success || answer.data.code !== "00" || !answer.data.data) {
      console.error("payOS refused the payment link", res.status, answer.success ? answer.data.code : "unreadable answer");
      return null;
    }
    const data = answer.data.data;
    // payOS signs its answer's data like a webhook [C]: a link we cannot trust is no link.
    if (!payosSignatureIsValid(payos.checksumKey, data, answer.data.signature) || data.orderCode !== row.providerOrderCode || data.amount !== row.amountVnd) {
      console.error("payOS's answer for the payment link did not verify");
      return null;
    }
    return (
      openPaymentLink(row.id, {
        paymentLinkId: data.paymentLinkId,
        checkoutUrl: data.checkoutUrl,
        qrCode: data.qrCode,
        bankBin: data.bin,
        accountNumber: data.accountNumber,
        accountName: data.accountName,
      }) ?? null
    );
  } catch (error) {
    console.error("payOS could not be reached", error);
    return null;
  }
}

/**
 * `POST /webhooks/payos`: the signature over `data` [C], then the payment goes through the one
 * transfer path, naming the order by the link's orderCode (not the content). A refused call stores nothing.
 */
export function receivePayosWebhook(rawBody: Buffer, now = Date.now()): ProviderReply {
  const payos = settings.payos;
  if (!payos) return { status: 503, body: { success: false, error: "payOS is not configured" } };
  const body = payosWebhookSchema.safeParse(parseJson(rawBody));
  if (!body.success) return refuseCallback("payos", "body", rawBody, { status: 400, body: { success: false, error: "invalid body" } });
  if (!payosSignatureIsValid(payos.checksumKey, body.data.data, body.data.signature)) {
    return refuseCallback("payos", "authentication", rawBody, { status: 401, body: { success: false, error: "invalid signature" } });
  }
  const data = payosWebhookDataSchema.safeParse(body.data.data);
  if (!data.success) return refuseCallback("payos", "body", rawBody, { status: 400, body: { success: false, error: "invalid data" } });
  // Only "00" is a payment [C]; anything else is acknowledged and changes nothing.
  if (body.data.code === "00" && data.data.code === "00") receiveTransfer(payosTransfer(data.data), now);
  return { status: 200, body: PAYOS_REPLY };
}

function orderCodeOfLink(providerOrderCode: number): string | null {
  return (
    getDb()
      .select({ code: orders.code })
      .from(paymentLinks)
      .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
      .where(eq(paymentLinks.providerOrderCode, providerOrderCode))
      .get()?.code ?? null
  );
}

function payosTransfer(p: { orderCode: number; reference: string; amount: number; description: string; accountNumber: string; transactionDateTime: string }): IncomingTransfer {
  return {
    provider: "payos",
    transactionId: payosTransactionId(p.orderCode, p.reference),
    direction: "in",
    amountVnd: p.amount,
    description: p.description,
    accountNumber: p.accountNumber,
    occurredAt: p.transactionDateTime,
    namedOrder: orderCodeOfLink(p.orderCode),
  };
}

/**
 * Reconciliation: asks payOS the status of every open link of an order still awaiting payment, and
 * answers the payments of those payOS calls PAID, for the one transfer path. Null when none awaits.
 */
export async function fetchPayosTransfers(): Promise<IncomingTransfer[] | null> {
  if (!settings.payos) return null;
  const open = openLinksAwaitingPayment("payos").map(({ link }) => link);
  if (open.length === 0) return null;
  const transfers: IncomingTransfer[] = [];
  for (const { providerOrderCode } of open) {
    const res = await payosFetch(`/v2/payment-requests/${providerOrderCode}`, { method: "GET" });
    if (!res.ok) throw new Error(`payOS answered ${res.status}`);
    const info = payosLinkInfoSchema.safeParse(await res.json());
    if (!info.success || info.data.code !== "00" || !info.data.data) throw new Error("payOS's link status could not be read");
    if (!payosSignatureIsValid(settings.payos.checksumKey, info.data.data, info.data.signature)) throw new Error("payOS's link status did not verify");
    for (const t of info.data.data.transactions) transfers.push(payosTransfer({ orderCode: providerOrderCode, ...t }));
  }
  return transfers;
}

/**
 * Cancels at payOS the links of orders that lapsed (or failed) here, so nobody pays an order that gave
 * its stock back. The row moves to `cancelled` only after payOS agreed (or the link never got made);
 * a failure is retried on the next pass.
 */
export async function cancelLapsedPayosLinks(): Promise<number> {
  if (!settings.payos) return 0;
  const lapsed = getDb()
    .select({ id: paymentLinks.id, providerOrderCode: paymentLinks.providerOrderCode, status: paymentLinks.status })
    .from(paymentLinks)
    .innerJoin(orders, eq(orders.id, paymentLinks.orderId))
    .where(and(inArray(paymentLinks.status, ["open", "creating"]), inArray(orders.paymentStatus, ["expired", "failed"])))
    .limit(100)
    .all();
  let cancelled = 0;
  for (const link of lapsed) {
    const res = await payosFetch(`/v2/payment-requests/${link.providerOrderCode}/cancel`, {
      method: "POST",
      body: { cancellationReason: "Đơn hàng quá hạn thanh toán" },
    }).catch(() => null);
    // A link still `creating` may never have reached payOS: whatever it answers, there is nothing left to cancel.
    const done = link.status === "creating" ? res !== null : res?.ok === true;
    if (!done) continue;
    getDb().update(paymentLinks).set({ status: "cancelled" }).where(eq(paymentLinks.id, link.id)).run();
    cancelled++;
  }
  return cancelled;
}

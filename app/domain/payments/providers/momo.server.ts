import { randomBytes } from "node:crypto";
import { settings } from "~/settings.server";
import { methodTakesAmount } from "../../orders/checkout-form";
import { receiveTransfer, type IncomingTransfer } from "../incoming-transfer.server";
import { linkNamedBy, openLinksAwaitingPayment, openPaymentLink, paymentLinkOfOrder, reservePaymentLink, type PaymentLink } from "../payment-links.server";
import { refuseCallback } from "../../shared/refused-callbacks.server";
import { parseJson, type ProviderReply } from "./provider-reply";
import {
  MOMO_IPN_REPLY_STATUS,
  MOMO_REQUEST_TYPE,
  momoCreateAnswerSchema,
  momoIpnSchema,
  momoQueryAnswerSchema,
  momoRefundAnswerSchema,
  momoRefundOrderId,
  momoSignature,
  momoSignatureIsValid,
} from "./momo";

/** MoMo asks for a client timeout of at least 30 s on create [C]. */
const CALL_TIMEOUT_MS = 30_000;

async function momoCall(path: string, body: Record<string, unknown>): Promise<unknown> {
  const momo = settings.momo!;
  const res = await fetch(new URL(path, momo.apiBase), {
    method: "POST",
    headers: { "Content-Type": "application/json; charset=UTF-8", Accept: "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  // MoMo answers its refusals with a JSON body and a 4xx too: the body's resultCode says why.
  return res.json();
}

/**
 * Makes (once) the MoMo payment of a MoMo order still awaiting payment and answers MoMo's payment page
 * (`payUrl`) for the shopper's browser. The row is written first with the request id, our order code
 * being MoMo's `orderId`, so a retry sends the same ids and MoMo refuses a second payment. Null when
 * MoMo could not make it (the order stands; its page offers to try again) or the order may not be paid so.
 */
export async function openMomoPayment(orderId: number, { origin, returnPath, lang }: { origin: string; returnPath: string; lang: "vi" | "en" }): Promise<string | null> {
  const momo = settings.momo;
  if (!momo) return null;
  const reserved = reservePaymentLink(orderId, "momo", (order) => ({
    providerOrderCode: order.id,
    description: `Thanh toán đơn hàng ${order.code} - Chợ OCOP`,
    amountVnd: order.totalVnd,
    providerReference: randomBytes(16).toString("hex"),
  }));
  if (!reserved) return null;
  const { link, order } = reserved;
  if (link.status === "open") return link.checkoutUrl;
  if (!methodTakesAmount("momo", link.amountVnd)) return null;
  const request = {
    partnerCode: momo.partnerCode,
    requestId: link.providerReference!,
    amount: link.amountVnd,
    orderId: order.code,
    orderInfo: link.description,
    redirectUrl: new URL(returnPath, origin).toString(),
    ipnUrl: new URL("/webhooks/momo", origin).toString(),
    requestType: MOMO_REQUEST_TYPE,
    extraData: "",
  };
  try {
    const answer = momoCreateAnswerSchema.safeParse(
      await momoCall("/v2/gateway/api/create", { ...request, lang: lang === "en" ? "en" : "vi", autoCapture: true, signature: momoSignature(momo.secretKey, momo.accessKey, "create", request) }),
    );
    if (!answer.success || answer.data.resultCode !== 0 || !answer.data.payUrl) {
      console.error("MoMo refused the payment", answer.success ? answer.data.resultCode : "unreadable answer");
      return null;
    }
    const a = answer.data;
    if (a.orderId !== order.code || a.amount !== link.amountVnd || (a.signature !== undefined && !momoSignatureIsValid(momo.secretKey, momo.accessKey, "createAnswer", { ...a, payUrl: a.payUrl }, a.signature))) {
      console.error("MoMo's answer for the payment did not verify");
      return null;
    }
    return openPaymentLink(link.id, { checkoutUrl: a.payUrl })?.checkoutUrl ?? null;
  } catch (error) {
    console.error("MoMo could not be reached", error);
    return null;
  }
}

function momoTransfer(p: { orderId: string; transId: number; amount: number; orderInfo: string; responseTime: number }): IncomingTransfer {
  return {
    provider: "momo",
    // MoMo's own id of the payment within our order [INTEGRATIONS.md §0: orderId + transId].
    transactionId: `${p.orderId}:${p.transId}`,
    direction: "in",
    amountVnd: p.amount,
    description: p.orderInfo,
    accountNumber: "",
    occurredAt: new Date(p.responseTime).toISOString(),
    namedOrder: linkNamedBy("momo", p.orderId) ? p.orderId : null,
  };
}

/**
 * `POST /webhooks/momo`, MoMo's IPN: the signature over MoMo's fixed field list (with our access key,
 * which MoMo signs but does not send) [C], then a payment (resultCode 0) goes through the one
 * transfer path, stored whatever happens. MoMo wants 204 with no body [C]; a call that fails its
 * signature stores nothing.
 */
export function receiveMomoIpn(rawBody: Buffer, now = Date.now()): ProviderReply {
  const momo = settings.momo;
  if (!momo) return { status: 503, body: { error: "MoMo is not configured" } };
  const ipn = momoIpnSchema.safeParse(parseJson(rawBody));
  if (!ipn.success) return refuseCallback("momo", "body", rawBody, { status: 400, body: { error: "invalid body" } });
  if (!momoSignatureIsValid(momo.secretKey, momo.accessKey, "ipn", ipn.data, ipn.data.signature) || ipn.data.partnerCode !== momo.partnerCode) {
    return refuseCallback("momo", "authentication", rawBody, { status: 401, body: { error: "invalid signature" } });
  }
  if (ipn.data.resultCode === 0) receiveTransfer(momoTransfer(ipn.data), now);
  return { status: MOMO_IPN_REPLY_STATUS, body: null };
}

/** Reconciliation: asks MoMo (`/v2/gateway/api/query` [I]) about every MoMo order still awaiting payment. Null when none awaits. */
export async function fetchMomoTransfers(): Promise<IncomingTransfer[] | null> {
  const momo = settings.momo;
  if (!momo) return null;
  const open = openLinksAwaitingPayment("momo");
  if (open.length === 0) return null;
  const transfers: IncomingTransfer[] = [];
  for (const { orderCode } of open) {
    const request = { partnerCode: momo.partnerCode, requestId: randomBytes(16).toString("hex"), orderId: orderCode };
    const answer = momoQueryAnswerSchema.safeParse(
      await momoCall("/v2/gateway/api/query", { ...request, lang: "vi", signature: momoSignature(momo.secretKey, momo.accessKey, "query", request) }),
    );
    if (!answer.success) throw new Error("MoMo's query answer could not be read");
    const a = answer.data;
    if (a.signature !== undefined && !momoSignatureIsValid(momo.secretKey, momo.accessKey, "queryAnswer", a, a.signature)) throw new Error("MoMo's query answer did not verify");
    if (a.resultCode === 0 && a.orderId === orderCode) transfers.push(momoTransfer(a));
  }
  return transfers;
}

/**
 * Sends money back through MoMo's refund API: a refund is a MoMo order of its own, with an id derived
 * from the refund's key so a retry sends the same one and MoMo refuses a second refund [C: new orderId].
 * Answers whether MoMo accepted it.
 */
export async function refundThroughMomo(order: { id: number; code: string }, payment: { transactionId: string }, amountVnd: number, refundKey: string): Promise<boolean> {
  const momo = settings.momo;
  const link: PaymentLink | undefined = paymentLinkOfOrder(order.id);
  if (!momo || link?.provider !== "momo") return false;
  const transId = Number(payment.transactionId.split(":").at(-1));
  if (!Number.isSafeInteger(transId)) return false;
  const orderId = momoRefundOrderId(order.code, refundKey);
  const request = { partnerCode: momo.partnerCode, orderId, requestId: orderId, amount: amountVnd, transId, description: `Hoàn tiền đơn hàng ${order.code}` };
  const answer = momoRefundAnswerSchema.safeParse(
    await momoCall("/v2/gateway/api/refund", { ...request, lang: "vi", signature: momoSignature(momo.secretKey, momo.accessKey, "refund", request) }),
  );
  if (!answer.success) throw new Error("MoMo's refund answer could not be read");
  const a = answer.data;
  if (a.signature !== undefined && !momoSignatureIsValid(momo.secretKey, momo.accessKey, "refundAnswer", a, a.signature)) throw new Error("MoMo's refund answer did not verify");
  return a.resultCode === 0 && a.orderId === orderId && a.amount === amountVnd;
}

import { randomBytes } from "node:crypto";
import { settings } from "~/settings.server";
import { receiveTransfer, type IncomingTransfer, type TransferOutcome } from "../incoming-transfer.server";
import { linkNamedBy, openLinksAwaitingPayment, openPaymentLink, paymentLinkOfOrder, reservePaymentLink, type PaymentLink } from "../payment-links.server";
import { refuseCallback } from "../../shared/refused-callbacks.server";
import type { ProviderReply } from "./provider-reply";
import {
  signVnpayApiRequest,
  VNPAY_AMOUNT_FACTOR,
  VNPAY_IPN_REPLIES,
  VNPAY_VERSION,
  vnpayAmountVnd,
  vnpayApiAnswerIsSigned,
  vnpayApiAnswerSchema,
  vnpayDate,
  vnpayIpnSchema,
  vnpayOrderInfo,
  vnpayPaid,
  vnpayPaymentUrl,
  vnpayQueryIsSigned,
  vnpayRefundType,
  type VnpayApiAnswer,
  type VnpayApiCommand,
} from "./vnpay";

/** VNPay's API answers within seconds; a slow one leaves the order to reconciliation. */
const CALL_TIMEOUT_MS = 10_000;

/** The address VNPay's API calls name as ours (`vnp_IpAddr`): the server asking, not a shopper. */
const SERVER_IP = "127.0.0.1";

/**
 * The signed VNPay payment page for a VNPay order still awaiting payment, the shopper's browser goes
 * there. Made once: the link's row keeps the URL's creation date (querydr and refunds name it), so
 * asking again gives the same URL and VNPay sees one payment for the order. Null when the order may
 * not be paid so (another method, paid, lapsed) or VNPay is off.
 */
export function vnpayPaymentPage(orderId: number, { origin, returnPath, ipAddr, lang }: { origin: string; returnPath: string; ipAddr: string | null; lang: "vi" | "en" }, now = Date.now()): string | null {
  const vnpay = settings.vnpay;
  if (!vnpay) return null;
  const reserved = reservePaymentLink(orderId, "vnpay", (order) => ({
    providerOrderCode: order.id,
    description: vnpayOrderInfo(order.code),
    amountVnd: order.totalVnd,
    providerReference: vnpayDate(now),
  }), now);
  if (!reserved) return null;
  const { link, order } = reserved;
  if (link.status === "open" && link.checkoutUrl) return link.checkoutUrl;
  const url = vnpayPaymentUrl(vnpay.paymentUrl, vnpay.hashSecret, {
    tmnCode: vnpay.tmnCode,
    amountVnd: link.amountVnd,
    txnRef: order.code,
    orderInfo: link.description,
    returnUrl: new URL(returnPath, origin).toString(),
    ipAddr: ipAddr ?? SERVER_IP,
    locale: lang === "en" ? "en" : "vn",
    createdAt: createdAtOf(link) ?? now,
    expiresAt: order.expiresAt,
  });
  openPaymentLink(link.id, { checkoutUrl: url });
  return url;
}

/** The creation instant of a link's payment URL, from the `yyyyMMddHHmmss` GMT+7 it keeps. */
function createdAtOf(link: PaymentLink): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(link.providerReference ?? "");
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) - 7 * 60 * 60 * 1000;
}

function vnpayTransfer(p: { txnRef: string; transactionNo: string; amountVnd: number; orderInfo: string; payDate: string }): IncomingTransfer {
  return {
    provider: "vnpay",
    // VNPay's own id of the payment, within our order [INTEGRATIONS.md §0: TxnRef + TransactionNo].
    transactionId: `${p.txnRef}:${p.transactionNo}`,
    direction: "in",
    amountVnd: p.amountVnd,
    description: p.orderInfo,
    accountNumber: "",
    occurredAt: p.payDate,
    namedOrder: linkNamedBy("vnpay", p.txnRef) ? p.txnRef : null,
  };
}

const REPLY_FOR: Record<TransferOutcome, (typeof VNPAY_IPN_REPLIES)[keyof typeof VNPAY_IPN_REPLIES]> = {
  applied: VNPAY_IPN_REPLIES.success,
  duplicate: VNPAY_IPN_REPLIES.alreadyConfirmed,
  short: VNPAY_IPN_REPLIES.invalidAmount,
  over: VNPAY_IPN_REPLIES.invalidAmount,
  unknown_code: VNPAY_IPN_REPLIES.orderNotFound,
  wrong_method: VNPAY_IPN_REPLIES.orderNotFound,
  // Money VNPay took for an order that lapsed here is kept for staff to refund: VNPay needs not retry it.
  late: VNPAY_IPN_REPLIES.success,
  wrong_account: VNPAY_IPN_REPLIES.orderNotFound,
  outgoing: VNPAY_IPN_REPLIES.success,
};

/**
 * `GET /webhooks/vnpay`, VNPay's IPN: the checksum over the query first (97, nothing stored), then our
 * order and amount as VNPay's own sample checks them, answering in VNPay's contract (always HTTP
 * 200). A payment VNPay took goes through the one transfer path, stored whatever happens; a declined
 * one changes nothing (the shopper may try again while the order holds).
 */
export function receiveVnpayIpn(query: URLSearchParams, now = Date.now()): ProviderReply {
  const vnpay = settings.vnpay;
  if (!vnpay) return { status: 200, body: VNPAY_IPN_REPLIES.unknownError };
  const params = Object.fromEntries(query);
  if (!vnpayQueryIsSigned(vnpay.hashSecret, params)) return refuseCallback("vnpay", "authentication", query.toString(), { status: 200, body: VNPAY_IPN_REPLIES.badChecksum });
  const ipn = vnpayIpnSchema.safeParse(params);
  if (!ipn.success || ipn.data.vnp_TmnCode !== vnpay.tmnCode) return refuseCallback("vnpay", "body", query.toString(), { status: 200, body: VNPAY_IPN_REPLIES.unknownError });
  const amountVnd = vnpayAmountVnd(ipn.data.vnp_Amount);
  if (amountVnd === null) return { status: 200, body: VNPAY_IPN_REPLIES.invalidAmount };
  if (!vnpayPaid(ipn.data)) {
    // A declined payment: nothing to store, but VNPay expects the order and amount to be checked all the same.
    const link = linkNamedBy("vnpay", ipn.data.vnp_TxnRef);
    if (!link) return { status: 200, body: VNPAY_IPN_REPLIES.orderNotFound };
    return { status: 200, body: link.amountVnd === amountVnd ? VNPAY_IPN_REPLIES.success : VNPAY_IPN_REPLIES.invalidAmount };
  }
  const receipt = receiveTransfer(
    vnpayTransfer({ txnRef: ipn.data.vnp_TxnRef, transactionNo: ipn.data.vnp_TransactionNo, amountVnd, orderInfo: ipn.data.vnp_OrderInfo, payDate: ipn.data.vnp_PayDate }),
    now,
  );
  // The same IPN again: VNPay reads 02 and stops retrying [I].
  if (receipt.redelivered) return { status: 200, body: receipt.outcome === "applied" || receipt.outcome === "duplicate" ? VNPAY_IPN_REPLIES.alreadyConfirmed : REPLY_FOR[receipt.outcome] };
  return { status: 200, body: REPLY_FOR[receipt.outcome] };
}

async function vnpayApi(command: VnpayApiCommand, body: Record<string, string | number>): Promise<VnpayApiAnswer> {
  const vnpay = settings.vnpay!;
  const res = await fetch(vnpay.apiUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(signVnpayApiRequest(vnpay.hashSecret, command, body)),
    signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`VNPay answered ${res.status}`);
  const answer = vnpayApiAnswerSchema.safeParse(await res.json());
  if (!answer.success) throw new Error(`VNPay's ${command} answer could not be read`);
  if (!vnpayApiAnswerIsSigned(vnpay.hashSecret, command, answer.data)) throw new Error(`VNPay's ${command} answer did not verify`);
  return answer.data;
}

/** VNPay's request ids are unique per day [C]: random ones. */
const requestId = () => randomBytes(16).toString("hex");

/**
 * Asks VNPay (`querydr`) what became of a VNPay order's payment, and answers it as a transfer when
 * VNPay took the money; null when it did not (yet). The transfer goes through the same path as the IPN.
 */
async function queryVnpayPayment(link: PaymentLink, orderCode: string, now: number): Promise<IncomingTransfer | null> {
  const vnpay = settings.vnpay!;
  const answer = await vnpayApi("querydr", {
    vnp_RequestId: requestId(),
    vnp_Version: VNPAY_VERSION,
    vnp_Command: "querydr",
    vnp_TmnCode: vnpay.tmnCode,
    vnp_TxnRef: orderCode,
    vnp_OrderInfo: link.description,
    vnp_TransactionDate: link.providerReference ?? "",
    vnp_CreateDate: vnpayDate(now),
    vnp_IpAddr: SERVER_IP,
  });
  // 00: the query was answered; the payment's own status says whether VNPay took the money [I].
  if (answer.vnp_ResponseCode !== "00" || answer.vnp_TransactionStatus !== "00" || answer.vnp_TxnRef !== orderCode) return null;
  const amountVnd = vnpayAmountVnd(answer.vnp_Amount);
  if (amountVnd === null) throw new Error("VNPay's querydr amount is not whole đồng");
  return vnpayTransfer({ txnRef: orderCode, transactionNo: answer.vnp_TransactionNo, amountVnd, orderInfo: answer.vnp_OrderInfo, payDate: answer.vnp_PayDate });
}

/**
 * The shopper came back from VNPay: its return query is only a hint (it is the shopper's browser
 * talking), so the order is asked of VNPay itself and a payment it confirms is applied. Never throws:
 * the page shows the order as it is, and the IPN or reconciliation does the rest.
 */
export async function confirmVnpayReturn(orderId: number, orderCode: string, now = Date.now()): Promise<void> {
  if (!settings.vnpay) return;
  const link = paymentLinkOfOrder(orderId);
  if (link?.provider !== "vnpay" || link.status !== "open") return;
  try {
    const transfer = await queryVnpayPayment(link, orderCode, now);
    if (transfer) receiveTransfer(transfer, now);
  } catch (error) {
    console.error("VNPay could not be asked about order", orderCode, error);
  }
}

/** Reconciliation: querydr for every VNPay order still awaiting payment. Null when none awaits. */
export async function fetchVnpayTransfers(now = Date.now()): Promise<IncomingTransfer[] | null> {
  if (!settings.vnpay) return null;
  const open = openLinksAwaitingPayment("vnpay");
  if (open.length === 0) return null;
  const transfers: IncomingTransfer[] = [];
  for (const { link, orderCode } of open) {
    const transfer = await queryVnpayPayment(link, orderCode, now);
    if (transfer) transfers.push(transfer);
  }
  return transfers;
}

/**
 * Sends money back through VNPay's refund API, whole (`02`) or part (`03`) of the payment. The
 * refund's request id is derived from the refund's key, so a retry is recognisable at VNPay; the
 * answer is believed only with its own checksum. Answers whether VNPay accepted it.
 */
export async function refundThroughVnpay(
  order: { id: number; code: string; paidVnd: number },
  payment: { transactionId: string },
  amountVnd: number,
  refundKey: string,
  staffLogin: string,
  now = Date.now(),
): Promise<boolean> {
  const vnpay = settings.vnpay;
  const link = paymentLinkOfOrder(order.id);
  if (!vnpay || link?.provider !== "vnpay") return false;
  const transactionNo = payment.transactionId.split(":")[1] ?? "0";
  const answer = await vnpayApi("refund", {
    vnp_RequestId: refundKey.slice(0, 32),
    vnp_Version: VNPAY_VERSION,
    vnp_Command: "refund",
    vnp_TmnCode: vnpay.tmnCode,
    vnp_TransactionType: vnpayRefundType(amountVnd, order.paidVnd),
    vnp_TxnRef: order.code,
    vnp_Amount: amountVnd * VNPAY_AMOUNT_FACTOR,
    vnp_TransactionNo: transactionNo,
    vnp_TransactionDate: link.providerReference ?? "",
    vnp_CreateBy: staffLogin,
    vnp_CreateDate: vnpayDate(now),
    vnp_IpAddr: SERVER_IP,
    vnp_OrderInfo: `Hoan tien don hang ${order.code}`,
  });
  return answer.vnp_ResponseCode === "00";
}

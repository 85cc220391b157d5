/**
 * Local HTTP doubles of VNPay's gateway (INTEGRATIONS.md §2.1) and MoMo's AIO v3 (§2.2) for
 * integration tests that run the real server as a child process. Hand `vnpay.url + "/pay"` and
 * `vnpay.url + "/api"` to the server as VNPAY_PAYMENT_URL / VNPAY_API_URL, `momo.url` as MOMO_API_BASE.
 *
 * Each checks and makes signatures with its own code (not the app's): VNPay's HMAC-SHA512 over the
 * sorted, form-encoded query and over the `|`-joined API fields; MoMo's HMAC-SHA256 over its fixed
 * `key=value&` field lists with the access key. Like the providers, each refuses a second payment or
 * refund under an id it has seen.
 */
import { createHmac, randomInt } from "node:crypto";
import type { ServerResponse } from "node:http";
import { listen, reply } from "./http-double";

const hmac512 = (key: string, text: string) => createHmac("sha512", key).update(text).digest("hex");
const hmac256 = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

// ---- VNPay ----------------------------------------------------------------------------------------

/** VNPay's official sample: values encodeURIComponent'd with spaces as `+`, keys sorted, empty values left out. */
export function vnpaySignQuery(secret: string, params: Record<string, string>): string {
  const text = Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && k !== "vnp_SecureHash" && k !== "vnp_SecureHashType" && params[k] !== "")
    .sort()
    .map((k) => `${k}=${encodeURIComponent(params[k]!).replace(/%20/g, "+")}`)
    .join("&");
  return hmac512(secret, text);
}

const VNPAY_FIELDS = {
  querydr: ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"],
  refund: ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"],
  querydrAnswer: ["vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"],
  refundAnswer: ["vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo"],
} as const;

const piped = (fields: readonly string[], body: Record<string, unknown>) => fields.map((f) => String(body[f] ?? "")).join("|");

export interface VnpayPayment {
  txnRef: string;
  /** In đồng (the URL carries hundredths). */
  amount: number;
  createDate: string;
  expireDate: string;
  orderInfo: string;
  returnUrl: string;
  ipnUrl: string | null;
  transactionNo: string | null;
  status: "pending" | "paid" | "declined";
  payDate: string;
}

export interface VnpayDouble {
  url: string;
  payments: Map<string, VnpayPayment>;
  /** Every API request body as received (querydr, refund). */
  apiCalls: Record<string, unknown>[];
  refunds: { requestId: string; txnRef: string; amount: number; type: string; transactionNo: string }[];
  /** The shopper's browser reaches the payment page: the URL's signature is checked and the payment recorded. */
  visit(paymentUrl: string): VnpayPayment;
  /** The shopper pays (or is declined): answers the signed IPN query VNPay sends and the return query. */
  pay(txnRef: string, options?: { responseCode?: string; amount?: number }): URLSearchParams;
  stop(): Promise<void>;
}

function vnDate(at = Date.now()): string {
  return new Date(at + 7 * 3600_000).toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export async function startVnpayDouble({ tmnCode, hashSecret }: { tmnCode: string; hashSecret: string }): Promise<VnpayDouble> {
  const payments = new Map<string, VnpayPayment>();
  const apiCalls: Record<string, unknown>[] = [];
  const refunds: VnpayDouble["refunds"] = [];
  const seenRequestIds = new Set<string>();
  let url = "";

  function visit(paymentUrl: string): VnpayPayment {
    const params = Object.fromEntries(new URL(paymentUrl).searchParams);
    if (params.vnp_SecureHash !== vnpaySignQuery(hashSecret, params)) throw new Error("VNPay double: payment URL signature is wrong");
    if ("vnp_SecureHashType" in params) throw new Error("VNPay double: 2.1.0 sends no vnp_SecureHashType");
    if (params.vnp_TmnCode !== tmnCode || params.vnp_Version !== "2.1.0" || params.vnp_Command !== "pay" || params.vnp_CurrCode !== "VND") {
      throw new Error("VNPay double: wrong merchant, version, command or currency");
    }
    for (const required of ["vnp_CreateDate", "vnp_ExpireDate", "vnp_IpAddr", "vnp_Locale", "vnp_OrderInfo", "vnp_OrderType", "vnp_ReturnUrl", "vnp_TxnRef", "vnp_Amount"]) {
      if (!params[required]) throw new Error(`VNPay double: ${required} missing`);
    }
    if (/[^\x20-\x7e]/.test(params.vnp_OrderInfo!)) throw new Error("VNPay double: vnp_OrderInfo must have no diacritics");
    const hundredths = Number(params.vnp_Amount);
    if (!Number.isInteger(hundredths) || hundredths % 100 !== 0) throw new Error("VNPay double: vnp_Amount is not VND × 100");
    const existing = payments.get(params.vnp_TxnRef!);
    if (existing) return existing;
    const payment: VnpayPayment = {
      txnRef: params.vnp_TxnRef!,
      amount: hundredths / 100,
      createDate: params.vnp_CreateDate!,
      expireDate: params.vnp_ExpireDate!,
      orderInfo: params.vnp_OrderInfo!,
      returnUrl: params.vnp_ReturnUrl!,
      ipnUrl: null,
      transactionNo: null,
      status: "pending",
      payDate: "",
    };
    payments.set(payment.txnRef, payment);
    return payment;
  }

  function pay(txnRef: string, { responseCode = "00", amount }: { responseCode?: string; amount?: number } = {}): URLSearchParams {
    const payment = payments.get(txnRef);
    if (!payment) throw new Error(`VNPay double: no payment ${txnRef}`);
    payment.transactionNo ??= String(randomInt(10_000_000, 99_999_999));
    payment.payDate = vnDate();
    if (responseCode === "00") payment.status = "paid";
    else if (payment.status !== "paid") payment.status = "declined";
    const params: Record<string, string> = {
      vnp_Amount: String((amount ?? payment.amount) * 100),
      vnp_BankCode: "NCB",
      vnp_BankTranNo: `VNP${payment.transactionNo}`,
      vnp_CardType: "ATM",
      vnp_OrderInfo: payment.orderInfo,
      vnp_PayDate: payment.payDate,
      vnp_ResponseCode: responseCode,
      vnp_TmnCode: tmnCode,
      vnp_TransactionNo: payment.transactionNo,
      vnp_TransactionStatus: responseCode === "00" ? "00" : "02",
      vnp_TxnRef: txnRef,
    };
    return new URLSearchParams({ ...params, vnp_SecureHash: vnpaySignQuery(hashSecret, params) });
  }

  function answer(res: ServerResponse, kind: "querydrAnswer" | "refundAnswer", body: Record<string, string>) {
    reply(res, 200, { ...body, vnp_SecureHash: hmac512(hashSecret, piped(VNPAY_FIELDS[kind], body)) });
  }

  const server = await listen((req, raw, res) => {
    const path = new URL(req.url ?? "/", "http://double.invalid").pathname;
    if (req.method === "GET" && path === "/pay") {
      try {
        const payment = visit(url + (req.url ?? ""));
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        return res.end(`<!doctype html><title>VNPay (double)</title><p>Thanh toán ${payment.txnRef}: ${payment.amount} VND</p>`);
      } catch (error) {
        res.writeHead(400, { "Content-Type": "text/plain" });
        return res.end(String(error));
      }
    }
    if (req.method !== "POST" || path !== "/api") return reply(res, 404, { error: "not found" });
    let body: Record<string, string>;
    try {
      body = JSON.parse(raw) as Record<string, string>;
    } catch {
      return reply(res, 400, { vnp_ResponseCode: "99" });
    }
    apiCalls.push(body);
    const command = body.vnp_Command;
    if (command !== "querydr" && command !== "refund") return reply(res, 200, { vnp_ResponseCode: "99", vnp_Message: "Unknown command" });
    const base = { vnp_ResponseId: String(randomInt(1e9, 2e9)), vnp_Command: command, vnp_TmnCode: tmnCode, vnp_TxnRef: String(body.vnp_TxnRef ?? "") };
    if (body.vnp_SecureHash !== hmac512(hashSecret, piped(VNPAY_FIELDS[command], body)) || body.vnp_TmnCode !== tmnCode) {
      return answer(res, `${command}Answer`, { ...base, vnp_ResponseCode: "97", vnp_Message: "Invalid Checksum" });
    }
    // Request ids are unique per day [C].
    if (seenRequestIds.has(body.vnp_RequestId!)) return answer(res, `${command}Answer`, { ...base, vnp_ResponseCode: "94", vnp_Message: "Duplicate request" });
    seenRequestIds.add(body.vnp_RequestId!);
    const payment = payments.get(base.vnp_TxnRef);
    if (!payment || payment.createDate !== body.vnp_TransactionDate) return answer(res, `${command}Answer`, { ...base, vnp_ResponseCode: "91", vnp_Message: "Transaction not found" });
    const common = {
      ...base,
      vnp_Amount: String(payment.amount * 100),
      vnp_BankCode: "NCB",
      vnp_PayDate: payment.payDate,
      vnp_TransactionNo: payment.transactionNo ?? "0",
      vnp_OrderInfo: payment.orderInfo,
    };
    if (command === "querydr") {
      return answer(res, "querydrAnswer", {
        ...common,
        vnp_ResponseCode: "00",
        vnp_Message: "QueryDR Success",
        vnp_TransactionType: "01",
        vnp_TransactionStatus: payment.status === "paid" ? "00" : payment.status === "declined" ? "02" : "01",
        vnp_PromotionCode: "",
        vnp_PromotionAmount: "",
      });
    }
    const refunded = refunds.filter((r) => r.txnRef === payment.txnRef).reduce((s, r) => s + r.amount, 0);
    const amount = Number(body.vnp_Amount) / 100;
    if (payment.status !== "paid" || body.vnp_TransactionNo !== payment.transactionNo || refunded + amount > payment.amount) {
      return answer(res, "refundAnswer", { ...common, vnp_ResponseCode: "02", vnp_Message: "Refund refused", vnp_TransactionType: String(body.vnp_TransactionType), vnp_TransactionStatus: "" });
    }
    refunds.push({ requestId: body.vnp_RequestId!, txnRef: payment.txnRef, amount, type: String(body.vnp_TransactionType), transactionNo: String(body.vnp_TransactionNo) });
    return answer(res, "refundAnswer", { ...common, vnp_Amount: String(body.vnp_Amount), vnp_ResponseCode: "00", vnp_Message: "Refund success", vnp_TransactionType: String(body.vnp_TransactionType), vnp_TransactionStatus: "05" });
  });
  url = server.url;
  return { url, payments, apiCalls, refunds, visit, pay, stop: server.close };
}

// ---- MoMo -----------------------------------------------------------------------------------------

const MOMO_FIELDS = {
  create: ["accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"],
  createAnswer: ["accessKey", "amount", "message", "orderId", "partnerCode", "payUrl", "requestId", "responseTime", "resultCode"],
  ipn: ["accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"],
  query: ["accessKey", "orderId", "partnerCode", "requestId"],
  refund: ["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId"],
  refundAnswer: ["accessKey", "amount", "message", "orderId", "partnerCode", "requestId", "responseTime", "resultCode", "transId"],
} as const;

export interface MomoPayment {
  orderId: string;
  requestId: string;
  amount: number;
  orderInfo: string;
  redirectUrl: string;
  ipnUrl: string;
  transId: number | null;
  status: "pending" | "paid";
}

export interface MomoIpnBody {
  partnerCode: string;
  orderId: string;
  requestId: string;
  amount: number;
  orderInfo: string;
  orderType: string;
  transId: number;
  resultCode: number;
  message: string;
  payType: string;
  responseTime: number;
  extraData: string;
  signature: string;
}

export interface MomoDouble {
  url: string;
  payments: Map<string, MomoPayment>;
  creates: Record<string, unknown>[];
  refunds: { orderId: string; transId: number; amount: number }[];
  /** Answer every create with a refusal while set. */
  failCreates: boolean;
  /** The shopper pays in the MoMo app: answers the signed IPN MoMo posts. */
  pay(orderId: string, options?: { amount?: number; resultCode?: number }): MomoIpnBody;
  /** Signs any IPN body as MoMo would (for forged or altered bodies in tests). */
  sign(body: Omit<MomoIpnBody, "signature">): string;
  stop(): Promise<void>;
}

export async function startMomoDouble({ partnerCode, accessKey, secretKey }: { partnerCode: string; accessKey: string; secretKey: string }): Promise<MomoDouble> {
  const sig = (kind: keyof typeof MOMO_FIELDS, values: Record<string, unknown>) =>
    hmac256(secretKey, MOMO_FIELDS[kind].map((f) => `${f}=${f === "accessKey" ? accessKey : String(values[f] ?? "")}`).join("&"));
  const payments = new Map<string, MomoPayment>();
  const usedOrderIds = new Set<string>();
  const state = { creates: [] as Record<string, unknown>[], refunds: [] as MomoDouble["refunds"], failCreates: false };
  let url = "";

  const ipnOf = (p: MomoPayment, amount: number, resultCode: number): MomoIpnBody => {
    const body = {
      partnerCode,
      orderId: p.orderId,
      requestId: p.requestId,
      amount,
      orderInfo: p.orderInfo,
      orderType: "momo_wallet",
      transId: p.transId ?? 0,
      resultCode,
      message: resultCode === 0 ? "Successful." : "Transaction denied by user.",
      payType: "qr",
      responseTime: Date.now(),
      extraData: "",
    };
    return { ...body, signature: sig("ipn", body) };
  };

  const server = await listen((req, raw, res) => {
    const path = new URL(req.url ?? "/", "http://double.invalid").pathname;
    if (req.method === "GET" && path.startsWith("/pay/")) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      return res.end(`<!doctype html><title>MoMo (double)</title><p>${decodeURIComponent(path.slice(5))}</p>`);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return reply(res, 400, { resultCode: 20, message: "Bad format request." });
    }
    const now = Date.now();
    if (path === "/v2/gateway/api/create") {
      state.creates.push(body);
      if (body.partnerCode !== partnerCode || body.signature !== sig("create", body)) return reply(res, 400, { resultCode: 11, message: "Access denied." });
      if (state.failCreates) return reply(res, 500, { resultCode: 99, message: "Unknown error." });
      const orderId = String(body.orderId);
      // A second payment under an orderId MoMo has seen is refused [C: orderId unique].
      if (usedOrderIds.has(orderId)) return reply(res, 400, { partnerCode, orderId, requestId: body.requestId, amount: body.amount, responseTime: now, message: "Duplicated orderId.", resultCode: 41 });
      usedOrderIds.add(orderId);
      const payment: MomoPayment = {
        orderId,
        requestId: String(body.requestId),
        amount: Number(body.amount),
        orderInfo: String(body.orderInfo),
        redirectUrl: String(body.redirectUrl),
        ipnUrl: String(body.ipnUrl),
        transId: null,
        status: "pending",
      };
      payments.set(orderId, payment);
      const answer = { partnerCode, orderId, requestId: payment.requestId, amount: payment.amount, responseTime: now, message: "Thành công.", resultCode: 0, payUrl: `${url}/pay/${encodeURIComponent(orderId)}` };
      return reply(res, 200, { ...answer, signature: sig("createAnswer", answer) });
    }
    if (path === "/v2/gateway/api/query") {
      if (body.partnerCode !== partnerCode || body.signature !== sig("query", body)) return reply(res, 400, { resultCode: 11, message: "Access denied." });
      const payment = payments.get(String(body.orderId));
      if (!payment) return reply(res, 200, { partnerCode, orderId: body.orderId, requestId: body.requestId, amount: 0, transId: 0, resultCode: 42, message: "Invalid orderId.", responseTime: now, orderInfo: "", extraData: "" });
      const answer = { ...ipnOf(payment, payment.amount, payment.status === "paid" ? 0 : 1000), requestId: String(body.requestId) };
      const { signature: _ipnSignature, ...unsigned } = answer;
      return reply(res, 200, { ...unsigned, signature: sig("ipn", unsigned) });
    }
    if (path === "/v2/gateway/api/refund") {
      if (body.partnerCode !== partnerCode || body.signature !== sig("refund", body)) return reply(res, 400, { resultCode: 11, message: "Access denied." });
      const orderId = String(body.orderId);
      const original = [...payments.values()].find((p) => p.transId === Number(body.transId));
      const base = { partnerCode, orderId, requestId: String(body.requestId), amount: Number(body.amount), transId: Number(body.transId), responseTime: now };
      const refunded = state.refunds.filter((r) => r.transId === base.transId).reduce((s, r) => s + r.amount, 0);
      let resultCode = 0;
      let message = "Thành công.";
      if (usedOrderIds.has(orderId)) [resultCode, message] = [41, "Duplicated orderId."];
      else if (!original || original.status !== "paid") [resultCode, message] = [1080, "Refund attempt failed: original transaction not found."];
      else if (refunded + base.amount > original.amount) [resultCode, message] = [1081, "Refund amount exceeds the payment."];
      if (resultCode === 0) {
        usedOrderIds.add(orderId);
        state.refunds.push({ orderId, transId: base.transId, amount: base.amount });
      }
      const answer = { ...base, resultCode, message };
      return reply(res, 200, { ...answer, signature: sig("refundAnswer", answer) });
    }
    return reply(res, 404, { resultCode: 99, message: "not found" });
  });
  url = server.url;

  return {
    url,
    payments,
    get creates() {
      return state.creates;
    },
    get refunds() {
      return state.refunds;
    },
    get failCreates() {
      return state.failCreates;
    },
    set failCreates(value: boolean) {
      state.failCreates = value;
    },
    pay(orderId, { amount, resultCode = 0 } = {}) {
      const payment = payments.get(orderId);
      if (!payment) throw new Error(`MoMo double: no payment ${orderId}`);
      payment.transId ??= randomInt(4_000_000_000, 4_999_999_999);
      if (resultCode === 0) payment.status = "paid";
      return ipnOf(payment, amount ?? payment.amount, resultCode);
    },
    sign: (body) => sig("ipn", body),
    stop: server.close,
  };
}

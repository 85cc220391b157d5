/**
 * A local HTTP double of payOS's merchant API (INTEGRATIONS.md §1.3) for integration tests that run
 * the real server as a child process: hand its `url` to the server as PAYOS_API_BASE.
 *
 *   const payos = await startPayosDouble({ clientId, apiKey, checksumKey });
 *   // ... the app creates a link at checkout ...
 *   const webhook = payos.pay(orderCode);   // the link is PAID; the body payOS would post, signed
 *
 * Like payOS, it checks `x-client-id`/`x-api-key`, the create call's signature over
 * amount/cancelUrl/description/orderCode/returnUrl, a description of at most 9 characters and a
 * unique orderCode, and signs the `data` of every answer (keys sorted, `k=v&`). Its signer is its own
 * code, not the app's, and the test checks it against the published vector.
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeVietQr } from "~/domain/payments/vietqr";

export const PAYOS_BIN = "970422";
export const PAYOS_ACCOUNT = "0901234567";
export const PAYOS_ACCOUNT_NAME = "CONG TY CHO OCOP";

export interface PayosTransaction {
  reference: string;
  amount: number;
  accountNumber: string;
  description: string;
  transactionDateTime: string;
  virtualAccountName: string | null;
  virtualAccountNumber: string | null;
  counterAccountBankId: string | null;
  counterAccountBankName: string | null;
  counterAccountName: string | null;
  counterAccountNumber: string | null;
}

export interface PayosLink {
  id: string;
  orderCode: number;
  amount: number;
  description: string;
  returnUrl: string;
  cancelUrl: string;
  expiredAt: number;
  status: "PENDING" | "PAID" | "CANCELLED" | "EXPIRED";
  qrCode: string;
  transactions: PayosTransaction[];
  cancellationReason: string | null;
  createdAt: string;
}

/** payOS's signature of a `data` object: keys sorted, null as "", arrays as JSON of key-sorted elements. */
export function signPayosData(checksumKey: string, data: Record<string, unknown>): string {
  const text = Object.keys(data)
    .sort()
    .map((k) => {
      const v = data[k];
      if (v === null || v === undefined) return `${k}=`;
      if (Array.isArray(v)) {
        const sorted = v.map((e) =>
          e && typeof e === "object" ? Object.fromEntries(Object.entries(e as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : e
        );
        return `${k}=${JSON.stringify(sorted)}`;
      }
      return `${k}=${typeof v === "object" ? JSON.stringify(v) : String(v)}`;
    })
    .join("&");
  return createHmac("sha256", checksumKey).update(text).digest("hex");
}

export interface PayosWebhook {
  code: string;
  desc: string;
  success: boolean;
  data: Record<string, unknown>;
  signature: string;
}

export interface PayosDouble {
  url: string;
  links: Map<number, PayosLink>;
  /** Every create request's body as received, in order. */
  creates: Record<string, unknown>[];
  cancels: number[];
  /** Answer 500 to every create while set. */
  failCreates: boolean;
  /** Marks the link paid (`amount` defaults to the link's) and answers the webhook body payOS would post. */
  pay(orderCode: number, amount?: number): PayosWebhook;
  /** A signed webhook body for a payment of the link that payOS does not record (its status stays as it is). */
  webhookFor(orderCode: number, amount?: number): PayosWebhook;
  stop(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export async function startPayosDouble({
  clientId,
  apiKey,
  checksumKey,
}: {
  clientId: string;
  apiKey: string;
  checksumKey: string;
}): Promise<PayosDouble> {
  const links = new Map<number, PayosLink>();
  const state = {
    creates: [] as Record<string, unknown>[],
    cancels: [] as number[],
    failCreates: false,
  };
  const signed = (data: Record<string, unknown>) => ({
    code: "00",
    desc: "success",
    data,
    signature: signPayosData(checksumKey, data),
  });
  const info = (link: PayosLink) => ({
    id: link.id,
    orderCode: link.orderCode,
    amount: link.amount,
    amountPaid: link.transactions.reduce((s, t) => s + t.amount, 0),
    amountRemaining: Math.max(0, link.amount - link.transactions.reduce((s, t) => s + t.amount, 0)),
    status: link.status,
    createdAt: link.createdAt,
    transactions: link.transactions,
    cancellationReason: link.cancellationReason,
    canceledAt: link.status === "CANCELLED" ? new Date().toISOString() : null,
  });

  function webhookFor(orderCode: number, amount?: number): PayosWebhook {
    const link = links.get(orderCode);
    if (!link) throw new Error(`no payOS link ${orderCode}`);
    const transaction: PayosTransaction = {
      reference: `FT${randomBytes(6).toString("hex").toUpperCase()}`,
      amount: amount ?? link.amount,
      accountNumber: PAYOS_ACCOUNT,
      description: `CSXXXX ${link.description}`,
      transactionDateTime: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " "),
      virtualAccountName: "",
      virtualAccountNumber: "",
      counterAccountBankId: "",
      counterAccountBankName: "",
      counterAccountName: "",
      counterAccountNumber: "",
    };
    const data = {
      orderCode,
      amount: transaction.amount,
      description: transaction.description,
      accountNumber: transaction.accountNumber,
      reference: transaction.reference,
      transactionDateTime: transaction.transactionDateTime,
      currency: "VND",
      paymentLinkId: link.id,
      code: "00",
      desc: "Thành công",
      counterAccountBankId: "",
      counterAccountBankName: "",
      counterAccountName: "",
      counterAccountNumber: "",
      virtualAccountName: "",
      virtualAccountNumber: "",
    };
    return {
      code: "00",
      desc: "success",
      success: true,
      data,
      signature: signPayosData(checksumKey, data),
    };
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://double.invalid");
    if (req.headers["x-client-id"] !== clientId || req.headers["x-api-key"] !== apiKey)
      return send(res, 401, { code: "401", desc: "Unauthorized", data: null });
    if (req.method === "POST" && url.pathname === "/v2/payment-requests") {
      const body = await readJson(req);
      if (!body) return send(res, 400, { code: "20", desc: "bad json", data: null });
      state.creates.push(body);
      if (state.failCreates) return send(res, 500, { code: "500", desc: "internal", data: null });
      // Read as payOS would, then checked below: a wrong type fails the signature or the checks.
      const { orderCode, amount, description, cancelUrl, returnUrl, expiredAt, signature } = body as {
        orderCode: number;
        amount: number;
        description: string;
        cancelUrl: string;
        returnUrl: string;
        expiredAt: number;
        signature: string;
      };
      const expected = createHmac("sha256", checksumKey)
        .update(`amount=${amount}&cancelUrl=${cancelUrl}&description=${description}&orderCode=${orderCode}&returnUrl=${returnUrl}`)
        .digest("hex");
      if (signature !== expected)
        return send(res, 200, {
          code: "201",
          desc: "Chữ ký không hợp lệ",
          data: null,
        });
      if (typeof description !== "string" || description.length > 9)
        return send(res, 200, {
          code: "20",
          desc: "Mô tả tối đa 9 kí tự",
          data: null,
        });
      if (!Number.isSafeInteger(orderCode) || !Number.isSafeInteger(amount) || !Number.isInteger(expiredAt))
        return send(res, 200, {
          code: "20",
          desc: "Dữ liệu không hợp lệ",
          data: null,
        });
      if (links.has(orderCode))
        return send(res, 200, {
          code: "231",
          desc: "Đơn thanh toán đã tồn tại",
          data: null,
        });
      const link: PayosLink = {
        id: randomBytes(16).toString("hex"),
        orderCode,
        amount,
        description,
        returnUrl,
        cancelUrl,
        expiredAt,
        status: "PENDING",
        qrCode: encodeVietQr({
          bankBin: PAYOS_BIN,
          accountNumber: PAYOS_ACCOUNT,
          amount,
          purpose: description,
        }),
        transactions: [],
        cancellationReason: null,
        createdAt: new Date().toISOString(),
      };
      links.set(orderCode, link);
      return send(
        res,
        200,
        signed({
          bin: PAYOS_BIN,
          accountNumber: PAYOS_ACCOUNT,
          accountName: PAYOS_ACCOUNT_NAME,
          amount,
          description,
          orderCode,
          currency: "VND",
          paymentLinkId: link.id,
          status: "PENDING",
          expiredAt,
          checkoutUrl: `http://pay.payos.invalid/web/${link.id}`,
          qrCode: link.qrCode,
        })
      );
    }
    const match = /^\/v2\/payment-requests\/(\d+)(\/cancel)?$/.exec(url.pathname);
    const link = match ? links.get(Number(match[1])) : undefined;
    if (match && !link)
      return send(res, 200, {
        code: "101",
        desc: "Không tìm thấy đơn thanh toán",
        data: null,
      });
    if (link && req.method === "GET" && !match![2]) return send(res, 200, signed(info(link)));
    if (link && req.method === "POST" && match![2]) {
      const body = await readJson(req);
      state.cancels.push(link.orderCode);
      if (link.status === "PENDING") {
        link.status = "CANCELLED";
        link.cancellationReason = typeof body?.cancellationReason === "string" ? body.cancellationReason : null;
      }
      return send(res, 200, signed(info(link)));
    }
    send(res, 404, { code: "404", desc: "not found", data: null });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    links,
    get creates() {
      return state.creates;
    },
    get cancels() {
      return state.cancels;
    },
    get failCreates() {
      return state.failCreates;
    },
    set failCreates(value: boolean) {
      state.failCreates = value;
    },
    pay(orderCode, amount) {
      const webhook = webhookFor(orderCode, amount);
      const link = links.get(orderCode)!;
      const d = webhook.data as unknown as PayosTransaction;
      link.transactions.push({
        reference: d.reference,
        amount: d.amount,
        accountNumber: d.accountNumber,
        description: d.description,
        transactionDateTime: d.transactionDateTime,
        virtualAccountName: "",
        virtualAccountNumber: "",
        counterAccountBankId: "",
        counterAccountBankName: "",
        counterAccountName: "",
        counterAccountNumber: "",
      });
      if (link.transactions.reduce((sum, t) => sum + t.amount, 0) >= link.amount) link.status = "PAID";
      return webhook;
    },
    webhookFor,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

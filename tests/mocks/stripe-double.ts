/**
 * A local HTTP double of the parts of Stripe's API v1 the app uses, for integration tests that run the
 * real server as a child process (MSW in the test process cannot see the server's requests). Start it,
 * hand its `url` to the server as STRIPE_API_BASE, and drive payments from the test:
 *
 *   const stripe = await startStripeDouble();
 *   const server = await startServer({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_API_BASE: stripe.url, ... });
 *   // ... the app creates a Checkout Session ...
 *   const session = stripe.pay(stripe.lastSession().id);
 *   const { payload, header } = stripe.event("checkout.session.completed", session, webhookSecret);
 *   await fetch(`${server.url}/webhooks/stripe`, { method: "POST", body: payload, headers: { "Stripe-Signature": header } });
 *
 * Requests are form-encoded with Stripe's bracket syntax; responses and errors are shaped as Stripe's,
 * so the real SDK parses them (errors become StripeInvalidRequestError, StripeIdempotencyError, ...).
 * Like Stripe, an Idempotency-Key replays the first successful response, and reusing a key with
 * different parameters or another endpoint is a 400 `idempotency_error`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/** A form-decoded parameter: values stay strings, as sent; numeric-keyed groups become arrays. */
export type Param = string | Param[] | { [key: string]: Param };
export type Params = { [key: string]: Param };

export interface Session {
  id: string;
  object: "checkout.session";
  livemode: false;
  /** `<double url>/pay/<id>` while open; null once complete or expired, as in Stripe. */
  url: string | null;
  mode: string;
  currency: string | null;
  amount_subtotal: number;
  amount_total: number;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  success_url: string | null;
  cancel_url: string | null;
  customer_email: string | null;
  expires_at: number;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid" | "no_payment_required";
  payment_intent: string | null;
  created: number;
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string;
  status: "succeeded";
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

export interface Charge {
  id: string;
  object: "charge";
  livemode: false;
  payment_intent: string;
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  refunded: boolean;
  paid: true;
  status: "succeeded";
  currency: string;
  metadata: Record<string, string>;
  created: number;
  refunds: { object: "list"; data: Refund[]; has_more: false; url: string };
}

export interface RecordedRequest {
  method: string;
  /** Without the query string, e.g. "/v1/checkout/sessions". */
  path: string;
  /** The decoded form body (POST) or query string (GET). */
  params: Params;
  idempotencyKey: string | null;
  /** The HTTP status the double answered with. */
  status: number;
  /** True when the response was a replay of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export interface SignedEvent {
  id: string;
  /** The exact JSON body to POST to the webhook endpoint. */
  payload: string;
  /** The `Stripe-Signature` header value for that body. */
  header: string;
  event: StripeEvent;
}

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: unknown };
}

export interface FailureOptions {
  /** HTTP status to answer with (default 500, which the SDK retries). */
  status?: number;
  /**
   * Process the request first and then fail the response — "Stripe did it but the answer was lost".
   * The SDK's retry (same Idempotency-Key) then gets the stored result.
   */
  afterProcessing?: boolean;
  /** How many upcoming API requests fail (default 1). */
  count?: number;
}

export interface StripeDouble {
  /** e.g. "http://127.0.0.1:45678" — pass as STRIPE_API_BASE. */
  url: string;
  stop(): Promise<void>;
  /** Every API request received (creates, retrieves, refunds, rejected ones too), in order. */
  requests: RecordedRequest[];
  sessions: Map<string, Session>;
  /** Every refund made, through the API or with `refund()`, in order. */
  refunds: Refund[];
  /** The most recently created session; throws when none was created. */
  lastSession(): Session;
  /** The customer pays: status "complete", a payment intent, payment_status "paid" (or "unpaid" when async). */
  pay(sessionId: string, options?: { async?: boolean }): Session;
  /** An async payment (bank debit, ...) settles: "paid" when it succeeded, else it stays "unpaid". */
  settleAsync(sessionId: string, succeeded: boolean): Session;
  /** The session expires (as when its expires_at passes). */
  expire(sessionId: string): Session;
  /** A refund made in Stripe's dashboard (not through the API); defaults to what remains unrefunded. */
  refund(sessionId: string, amount?: number, metadata?: Record<string, string>): Refund;
  /** The Charge of a paid session with the refunds made so far — the object of a `charge.refunded` event. */
  charge(sessionId: string): Charge;
  /** A Stripe Event around `object`, serialized and signed with `secret` as Stripe signs webhooks. */
  event(type: string, object: unknown, secret: string): SignedEvent;
  /** Makes the next API request(s) fail, to exercise the SDK's retries and the app's error handling. */
  failNext(options?: FailureOptions): void;
}

const random = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let signer: Stripe | undefined;
const webhookSigner = () => (signer ??= new Stripe("sk_test_double"));

/** Decodes Stripe's bracket syntax (`a[b][0][c]=1`, `expand[]=x`) into nested objects and arrays. */
export function parseStripeForm(search: URLSearchParams): Params {
  const root: Params = {};
  for (const [key, value] of search) {
    const base = key.indexOf("[") === -1 ? key : key.slice(0, key.indexOf("["));
    const segments = [base, ...Array.from(key.slice(base.length).matchAll(/\[([^\]]*)\]/g), (m) => m[1] ?? "")];
    if (segments.some((s) => s === "__proto__" || s === "constructor" || s === "prototype")) continue;
    let node: { [key: string]: Param } = root;
    for (let i = 0; i < segments.length; i++) {
      let segment = segments[i]!;
      const last = i === segments.length - 1;
      if (segment === "") segment = String(Object.keys(node).length); // `[]`: append
      if (last) {
        node[segment] = value;
      } else {
        const child = node[segment];
        if (typeof child === "object" && !Array.isArray(child)) node = child;
        else node = node[segment] = {};
      }
    }
  }
  return arraysFromNumericKeys(root) as Params;
}

function arraysFromNumericKeys(value: Param): Param {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: { [key: string]: Param } = {};
  for (const key of keys) converted[key] = arraysFromNumericKeys(value[key]!);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => converted[k]!);
  }
  return converted;
}

class StripeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: { type?: string; code?: string; param?: string } = {},
  ) {
    super(message);
  }
  body() {
    const { type = "invalid_request_error", ...rest } = this.extra;
    return { error: { type, message: this.message, ...rest } };
  }
}

const str = (params: Params | Param | undefined, key: string): string | undefined => {
  if (!params || typeof params !== "object" || Array.isArray(params)) return undefined;
  const value = params[key];
  return typeof value === "string" ? value : undefined;
};
const obj = (params: Params | Param | undefined, key: string): Params | undefined => {
  if (!params || typeof params !== "object" || Array.isArray(params)) return undefined;
  const value = params[key];
  return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
};
const list = (params: Params, key: string): Param[] | undefined => {
  const value = params[key];
  if (Array.isArray(value)) return value;
  // A lone non-numeric-keyed object or string is not a list.
  return undefined;
};
function int(value: string | undefined, param: string, { min = 0 } = {}): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw new StripeError(400, `Invalid integer: ${value}`, { code: "parameter_invalid_integer", param });
  const n = Number(value);
  if (n < min) throw new StripeError(400, `This value must be greater than or equal to ${min}.`, { code: "parameter_invalid_integer", param });
  return n;
}
function metadataOf(params: Params | undefined, param: string): Record<string, string> {
  const metadata: Record<string, string> = {};
  const raw = obj(params, "metadata");
  if (!raw) return metadata;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== "string") throw new StripeError(400, "Invalid metadata value", { code: "parameter_invalid_string", param: `${param}[${key}]` });
    if (value !== "") metadata[key] = value; // an empty value unsets the key
  }
  return metadata;
}

interface StoredResponse {
  method: string;
  path: string;
  fingerprint: string;
  status: number;
  body: unknown;
}

interface Payment {
  chargeId: string;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  created: number;
}

export async function startStripeDouble(): Promise<StripeDouble> {
  const sessions = new Map<string, Session>();
  const payments = new Map<string, Payment>(); // by payment intent id
  const refunds: Refund[] = [];
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, StoredResponse>();
  const paymentIntentMetadata = new Map<string, Record<string, string>>(); // session id → payment_intent_data.metadata
  const failures: Required<FailureOptions>[] = [];
  let lastSessionId: string | undefined;
  let baseUrl = "";

  function sessionOrThrow(id: string): Session {
    const session = sessions.get(id);
    if (!session) throw new Error(`stripe double: no such checkout session ${id}`);
    refreshExpiry(session);
    return session;
  }

  /** An open session whose expires_at has passed is expired, as Stripe would have done. */
  function refreshExpiry(session: Session) {
    if (session.status === "open" && session.expires_at <= now()) {
      session.status = "expired";
      session.url = null;
    }
  }

  function remaining(paymentIntent: string): number {
    const payment = payments.get(paymentIntent);
    if (!payment) return 0;
    const refunded = refunds.filter((r) => r.payment_intent === paymentIntent).reduce((sum, r) => sum + r.amount, 0);
    return payment.amount - refunded;
  }

  function makeRefund(paymentIntent: string, amount: number | undefined, metadata: Record<string, string>, param = "amount"): Refund {
    const payment = payments.get(paymentIntent);
    if (!payment) {
      throw new StripeError(400, `No such payment_intent: '${paymentIntent}'`, { code: "resource_missing", param: "payment_intent" });
    }
    const left = remaining(paymentIntent);
    if (left <= 0) {
      throw new StripeError(400, `Charge ${payment.chargeId} has already been refunded.`, { code: "charge_already_refunded" });
    }
    const value = amount ?? left;
    if (value <= 0) throw new StripeError(400, "Refund amount must be positive.", { code: "parameter_invalid_integer", param });
    if (value > left) {
      throw new StripeError(
        400,
        `Refund amount (${value}) is greater than unrefunded amount on charge (${left})`,
        { code: "amount_too_large", param },
      );
    }
    const refund: Refund = {
      id: random("re_test_"),
      object: "refund",
      amount: value,
      currency: payment.currency,
      payment_intent: paymentIntent,
      charge: payment.chargeId,
      status: "succeeded",
      reason: null,
      metadata,
      created: now(),
    };
    refunds.push(refund);
    return refund;
  }

  function createSession(params: Params): Session {
    const mode = str(params, "mode");
    if (!mode) throw new StripeError(400, "Missing required param: mode.", { code: "parameter_missing", param: "mode" });
    if (!["payment", "setup", "subscription"].includes(mode)) {
      throw new StripeError(400, `Invalid mode: must be one of payment, setup, or subscription`, { code: "parameter_invalid_string", param: "mode" });
    }
    let currency = str(params, "currency")?.toLowerCase();
    let subtotal = 0;
    const items = list(params, "line_items") ?? [];
    if (mode === "payment" && items.length === 0) {
      throw new StripeError(400, "`line_items` is required in `payment` mode.", { code: "parameter_missing", param: "line_items" });
    }
    items.forEach((item, i) => {
      const param = `line_items[${i}]`;
      if (typeof item !== "object" || Array.isArray(item)) throw new StripeError(400, "Invalid line item", { param });
      if (str(item, "price")) {
        throw new StripeError(400, `No such price: '${str(item, "price")}' (the double supports price_data only)`, {
          code: "resource_missing",
          param: `${param}[price]`,
        });
      }
      const priceData = obj(item, "price_data");
      if (!priceData) throw new StripeError(400, "You must specify either `price` or `price_data`.", { code: "parameter_missing", param });
      const itemCurrency = str(priceData, "currency")?.toLowerCase();
      if (!itemCurrency) {
        throw new StripeError(400, "Missing required param: currency.", { code: "parameter_missing", param: `${param}[price_data][currency]` });
      }
      if (currency && itemCurrency !== currency) {
        throw new StripeError(400, `Line item currency ${itemCurrency} does not match the session currency ${currency}.`, {
          code: "parameter_invalid_string",
          param: `${param}[price_data][currency]`,
        });
      }
      currency ??= itemCurrency;
      if (!str(obj(priceData, "product_data"), "name") && !str(priceData, "product")) {
        throw new StripeError(400, "Missing required param: product_data[name].", {
          code: "parameter_missing",
          param: `${param}[price_data][product_data][name]`,
        });
      }
      const unitAmount = int(str(priceData, "unit_amount"), `${param}[price_data][unit_amount]`);
      if (unitAmount === undefined) {
        throw new StripeError(400, "Missing required param: unit_amount.", { code: "parameter_missing", param: `${param}[price_data][unit_amount]` });
      }
      const quantity = int(str(item, "quantity"), `${param}[quantity]`, { min: 1 });
      if (quantity === undefined) throw new StripeError(400, "Missing required param: quantity.", { code: "parameter_missing", param: `${param}[quantity]` });
      subtotal += unitAmount * quantity;
    });

    const created = now();
    const expiresAt = int(str(params, "expires_at"), "expires_at") ?? created + 24 * 60 * 60;
    // Stripe: between 30 minutes and 24 hours after creation (a minute of slack for clock skew).
    if (expiresAt < created + 30 * 60 - 60 || expiresAt > created + 24 * 60 * 60 + 60) {
      throw new StripeError(400, "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", {
        code: "parameter_invalid_integer",
        param: "expires_at",
      });
    }
    const id = random("cs_test_");
    const session: Session = {
      id,
      object: "checkout.session",
      livemode: false,
      url: `${baseUrl}/pay/${id}`,
      mode,
      currency: currency ?? null,
      amount_subtotal: subtotal,
      amount_total: subtotal,
      metadata: metadataOf(params, "metadata"),
      client_reference_id: str(params, "client_reference_id") || null,
      success_url: str(params, "success_url") || null,
      cancel_url: str(params, "cancel_url") || null,
      customer_email: str(params, "customer_email") || null,
      expires_at: expiresAt,
      status: "open",
      payment_status: mode === "payment" ? "unpaid" : "no_payment_required",
      payment_intent: null,
      created,
    };
    sessions.set(id, session);
    paymentIntentMetadata.set(id, metadataOf(obj(params, "payment_intent_data"), "payment_intent_data[metadata]"));
    lastSessionId = id;
    return session;
  }

  function expireSession(session: Session): Session {
    refreshExpiry(session);
    if (session.status !== "open") {
      throw new StripeError(400, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      );
    }
    session.status = "expired";
    session.url = null;
    return session;
  }

  function route(method: string, path: string, params: Params): { status: number; body: unknown } {
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (method === "POST" && path === "/v1/checkout/sessions") return { status: 200, body: clone(createSession(params)) };
    if (sessionMatch) {
      const id = decodeURIComponent(sessionMatch[1]!);
      const session = sessions.get(id);
      if ((method === "GET" && !sessionMatch[2]) || (method === "POST" && sessionMatch[2])) {
        if (!session) throw new StripeError(404, `No such checkout.session: '${id}'`, { code: "resource_missing", param: "session" });
        if (method === "GET") {
          refreshExpiry(session);
          return { status: 200, body: clone(session) };
        }
        return { status: 200, body: clone(expireSession(session)) };
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      let paymentIntent = str(params, "payment_intent");
      const chargeId = str(params, "charge");
      if (!paymentIntent && chargeId) {
        paymentIntent = [...payments].find(([, p]) => p.chargeId === chargeId)?.[0];
        if (!paymentIntent) throw new StripeError(400, `No such charge: '${chargeId}'`, { code: "resource_missing", param: "charge" });
      }
      if (!paymentIntent) {
        throw new StripeError(400, "One of the following params should be provided for this request: payment_intent or charge.", {
          code: "parameter_missing",
          param: "payment_intent",
        });
      }
      const amount = int(str(params, "amount"), "amount", { min: 1 });
      return { status: 200, body: clone(makeRefund(paymentIntent, amount, metadataOf(params, "metadata"))) };
    }
    throw new StripeError(404, `Unrecognized request URL (${method}: ${path}). The Stripe double does not implement it.`);
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body, null, 2);
    res.writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(text),
      "Request-Id": random("req_"),
      "Stripe-Version": Stripe.API_VERSION,
      ...headers,
    });
    res.end(text);
  }

  function sendHtml(res: ServerResponse, status: number, html: string) {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  }

  function redirect(res: ServerResponse, location: string) {
    res.writeHead(303, { Location: location });
    res.end();
  }

  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  /** A stand-in for Stripe's hosted page, for browser tests: Pay / Cancel buttons. */
  function hostedPage(req: IncomingMessage, res: ServerResponse, path: string) {
    const match = /^\/pay\/([^/]+)(?:\/(pay|cancel))?$/.exec(path);
    const session = match ? sessions.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !session) return sendHtml(res, 404, "<h1>No such Checkout Session</h1>");
    refreshExpiry(session);
    const action = match[2];
    if (req.method === "GET" && !action) {
      if (session.status !== "open") return sendHtml(res, 410, `<h1>This Checkout Session is ${session.status}</h1>`);
      return sendHtml(
        res,
        200,
        `<!doctype html><meta charset="utf-8"><title>Stripe double checkout</title>
<h1>Pay ${session.amount_total} ${escapeHtml(session.currency ?? "")}</h1>
<form method="post" action="/pay/${session.id}/pay"><button>Pay</button></form>
<form method="post" action="/pay/${session.id}/cancel"><button>Cancel</button></form>`,
      );
    }
    if (req.method === "POST" && action === "pay") {
      if (session.status !== "open") return sendHtml(res, 410, `<h1>This Checkout Session is ${session.status}</h1>`);
      pay(session.id);
      return redirect(res, (session.success_url ?? "/").replaceAll("{CHECKOUT_SESSION_ID}", session.id));
    }
    if (req.method === "POST" && action === "cancel") return redirect(res, session.cancel_url ?? "/");
    return sendHtml(res, 405, "<h1>Method not allowed</h1>");
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? "GET";
    const target = new URL(req.url ?? "/", "http://double.invalid");
    const path = target.pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (path.startsWith("/pay/")) return hostedPage(req, res, path);

    const raw = method === "GET" || method === "DELETE" ? target.searchParams : new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const params = parseStripeForm(raw);
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const record: RecordedRequest = { method, path, params, idempotencyKey, status: 0, replayed: false };
    requests.push(record);
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, body, headers);
    };

    const auth = req.headers.authorization;
    if (!auth || !/^Bearer \S+$/.test(auth)) {
      return reply(401, {
        error: {
          type: "invalid_request_error",
          message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
        },
      });
    }

    const failure = failures[0];
    if (failure) {
      if (--failure.count <= 0) failures.shift();
    }
    const failResponse = (f: Required<FailureOptions>) =>
      reply(f.status, { error: { type: "api_error", message: `Injected failure (${f.status}) from the Stripe double.` } });
    if (failure && !failure.afterProcessing) return failResponse(failure);

    const fingerprint = [...raw].map(([k, v]) => `${k}=${v}`).sort().join("&");
    if (idempotencyKey && method === "POST") {
      const stored = idempotent.get(idempotencyKey);
      if (stored) {
        if (stored.method !== method || stored.path !== path) {
          return reply(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${method} ${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
        if (stored.fingerprint !== fingerprint) {
          return reply(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
        record.replayed = true;
        if (failure) return failResponse(failure);
        return reply(stored.status, clone(stored.body), { "Idempotent-Replayed": "true", "Original-Request": random("req_") });
      }
    }

    let status: number;
    let body: unknown;
    try {
      ({ status, body } = route(method, path, params));
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      return reply(error.status, error.body());
    }
    if (idempotencyKey && method === "POST") idempotent.set(idempotencyKey, { method, path, fingerprint, status, body: clone(body) });
    if (failure) return failResponse(failure);
    reply(status, body, idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {});
  }

  function pay(sessionId: string, { async = false }: { async?: boolean } = {}): Session {
    const session = sessionOrThrow(sessionId);
    if (session.status !== "open") throw new Error(`stripe double: session ${sessionId} is ${session.status}, not open`);
    const intent = random("pi_test_");
    session.status = "complete";
    session.url = null;
    session.payment_intent = intent;
    session.payment_status = async ? "unpaid" : "paid";
    if (!async) recordPayment(session);
    return session;
  }

  function recordPayment(session: Session) {
    if (!session.payment_intent) return;
    payments.set(session.payment_intent, {
      chargeId: random("ch_test_"),
      amount: session.amount_total,
      currency: session.currency ?? "vnd",
      metadata: paymentIntentMetadata.get(session.id) ?? {},
      created: now(),
    });
  }

  function paidIntent(sessionId: string): string {
    const session = sessionOrThrow(sessionId);
    const intent = session.payment_intent;
    if (!intent || !payments.has(intent)) throw new Error(`stripe double: session ${sessionId} has not been paid`);
    return intent;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      send(res, 500, { error: { type: "api_error", message: `Stripe double crashed: ${String(error)}` } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    requests,
    sessions,
    refunds,
    stop() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    lastSession() {
      if (!lastSessionId) throw new Error("stripe double: no Checkout Session has been created");
      return sessionOrThrow(lastSessionId);
    },
    pay,
    settleAsync(sessionId, succeeded) {
      const session = sessionOrThrow(sessionId);
      if (session.status !== "complete" || session.payment_status !== "unpaid") {
        throw new Error(`stripe double: session ${sessionId} has no pending async payment (${session.status}/${session.payment_status})`);
      }
      if (succeeded) {
        session.payment_status = "paid";
        recordPayment(session);
      }
      return session;
    },
    expire(sessionId) {
      const session = sessionOrThrow(sessionId);
      try {
        return expireSession(session);
      } catch (error) {
        throw error instanceof StripeError ? new Error(`stripe double: ${error.message}`) : error;
      }
    },
    refund(sessionId, amount, metadata = {}) {
      const intent = paidIntent(sessionId);
      try {
        return makeRefund(intent, amount, metadata);
      } catch (error) {
        throw error instanceof StripeError ? new Error(`stripe double: ${error.message}`) : error;
      }
    },
    charge(sessionId) {
      const intent = paidIntent(sessionId);
      const payment = payments.get(intent)!;
      const data = refunds.filter((r) => r.payment_intent === intent).reverse(); // newest first, as Stripe lists
      const refunded = data.reduce((sum, r) => sum + r.amount, 0);
      return clone<Charge>({
        id: payment.chargeId,
        object: "charge",
        livemode: false,
        payment_intent: intent,
        amount: payment.amount,
        amount_captured: payment.amount,
        amount_refunded: refunded,
        refunded: refunded >= payment.amount,
        paid: true,
        status: "succeeded",
        currency: payment.currency,
        metadata: payment.metadata,
        created: payment.created,
        refunds: { object: "list", data, has_more: false, url: `/v1/charges/${payment.chargeId}/refunds` },
      });
    },
    event(type, object, secret) {
      const event: StripeEvent = {
        id: random("evt_test_"),
        object: "event",
        api_version: Stripe.API_VERSION,
        created: now(),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object: clone(object) },
      };
      const payload = JSON.stringify(event, null, 2);
      const header = webhookSigner().webhooks.generateTestHeaderString({ payload, secret });
      return { id: event.id, payload, header, event };
    },
    failNext({ status = 500, afterProcessing = false, count = 1 } = {}) {
      failures.push({ status, afterProcessing, count });
    },
  };
}

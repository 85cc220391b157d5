import { and, asc, eq, gt } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "~/db/client.server";
import { orderItems, orderParts, orders, producers, refunds, stripeEvents } from "~/db/schema";
import { settings } from "~/settings.server";
import { movePart, partsOfOrder } from "../orders/order-moves.server";
import { recordRefund } from "../ledger/ledger.server";
import { variantName } from "../catalog/variants";
import {
  addRefundToOrder,
  applyPayment,
  closeUnpaidOrder,
  lapsedStripeOrders,
  payableOrderByCode,
  type PayableOrder,
} from "./payments.server";

let client: { key: string; stripe: Stripe } | undefined;

/**
 * The Stripe SDK, pointed at STRIPE_API_BASE when set (stripe-mock or the tests' double). Loaded on
 * first use: a worker that never takes a card payment does not carry the SDK (about 20 MB of memory).
 */
export async function stripeClient(): Promise<Stripe> {
  const config = settings.stripe;
  if (!config) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY)");
  if (client?.key !== config.secretKey) {
    const base = config.apiBase ? new URL(config.apiBase) : undefined;
    const { default: StripeSdk } = await import("stripe");
    const stripe = new StripeSdk(config.secretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      ...(base && {
        host: base.hostname,
        port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
        protocol: base.protocol === "https:" ? "https" : "http",
      }),
    });
    client = { key: config.secretKey, stripe };
  }
  return client.stripe;
}

/**
 * A Stripe Checkout page for an unpaid order, in VND (zero-decimal: 125000 means 125.000 ₫). The
 * idempotency key is the order's and every parameter follows from the order, so a retry (a double
 * click, a network error, the order page's "pay" button) gets the same session. The session has
 * Stripe's default lifetime; when the order's 30 minutes run out, upkeep expires it at Stripe first.
 */
export async function stripeCheckoutUrl(
  order: PayableOrder,
  origin: string,
  email: string | null,
): Promise<string> {
  const stripe = await stripeClient();
  if (order.stripeSessionId) {
    const existing = await stripe.checkout.sessions.retrieve(order.stripeSessionId);
    if (existing.status === "open" && existing.url) return existing.url;
  }
  const db = getDb();
  const items = db
    .select({ productName: orderItems.productName, variantLabel: orderItems.variantLabel, unitPriceVnd: orderItems.unitPriceVnd, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, order.id))
    .orderBy(asc(orderItems.id))
    .all();
  // One shipping line per producer that charges for it.
  const shipping = db
    .select({ fee: orderParts.shippingFeeVnd, producerName: producers.name })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(and(eq(orderParts.orderId, order.id), gt(orderParts.shippingFeeVnd, 0)))
    .orderBy(asc(orderParts.id))
    .all();
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      currency: "vnd",
      client_reference_id: order.code,
      metadata: { orderCode: order.code },
      payment_intent_data: { metadata: { orderCode: order.code } },
      customer_email: email ?? undefined,
      line_items: [
        ...items.map((item) => ({
          quantity: item.quantity,
          price_data: { currency: "vnd", unit_amount: item.unitPriceVnd, product_data: { name: variantName(item.productName, item.variantLabel) } },
        })),
        ...shipping.map((s) => ({
          quantity: 1,
          price_data: { currency: "vnd", unit_amount: s.fee, product_data: { name: `Phí vận chuyển — ${s.producerName}` } },
        })),
      ],
      // The guest's browser remembers the order (order-access.server.ts): no secret in these URLs.
      success_url: `${origin}/orders/${order.code}/stripe-return?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${origin}/orders/${order.code}`,
    },
    { idempotencyKey: `order-${order.code}` },
  );
  db.update(orders)
    .set({ stripeSessionId: session.id })
    .where(and(eq(orders.id, order.id), eq(orders.paymentStatus, "unpaid")))
    .run();
  if (!session.url) throw new Error("Stripe returned a session without a URL");
  return session.url;
}

function orderOfSession(session: Stripe.Checkout.Session): PayableOrder | undefined {
  const code = session.metadata?.orderCode ?? session.client_reference_id ?? undefined;
  const order = code ? payableOrderByCode(code) : undefined;
  // The session must be the one this order created, not any session naming its code.
  return order && order.stripeSessionId === session.id ? order : undefined;
}

const paymentIntentId = (session: Stripe.Checkout.Session) =>
  typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);

/** Applies a paid session to its order; paying the same order again through its own session is a no-op. */
function settleSession(session: Stripe.Checkout.Session, now: number): { orderId: number | null; outcome: string } {
  const order = orderOfSession(session);
  if (!order) return { orderId: null, outcome: "unmatched" };
  if (session.payment_status !== "paid") return { orderId: order.id, outcome: "awaiting_payment" };
  const outcome = applyPayment(order.id, session.amount_total ?? 0, { source: "stripe", userId: null }, {
    now,
    stripePaymentIntentId: paymentIntentId(session),
    withinWindow: false,
  });
  if (outcome !== "already_paid") return { orderId: order.id, outcome };
  // Paid already by this same payment (the success page or another event came first): nothing new.
  // Paid by something else (a bank transfer): this card payment is a second one, for staff to refund.
  const paidBy =
    getDb().select({ intent: orders.stripePaymentIntentId }).from(orders).where(eq(orders.id, order.id)).get()?.intent ?? null;
  return { orderId: order.id, outcome: paidBy !== null && paidBy === paymentIntentId(session) ? "paid" : "duplicate" };
}

/**
 * Applies one verified Stripe event exactly once: its id is recorded in the same transaction as its
 * effect, so a redelivery changes nothing. Events only ever move an order forward (unpaid → paid,
 * unpaid → expired/failed), so out-of-order delivery reaches the same state.
 */
export function applyStripeEvent(event: Stripe.Event, now = Date.now()): { duplicate: boolean; outcome: string } {
  return getDb().transaction((tx) => {
    const seen = tx.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id)).get();
    if (seen) return { duplicate: true, outcome: "redelivered" };
    let result: { orderId: number | null; outcome: string } = { orderId: null, outcome: "ignored" };
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
        result = settleSession(event.data.object, now);
        break;
      case "checkout.session.async_payment_failed":
      case "checkout.session.expired": {
        const order = orderOfSession(event.data.object);
        const outcome = event.type === "checkout.session.expired" ? "expired" : "failed";
        const closed = order ? closeUnpaidOrder(order.id, outcome, { source: "stripe", userId: null }, now) : false;
        result = { orderId: order?.id ?? null, outcome: closed ? outcome : "ignored" };
        break;
      }
      case "refund.created":
        result = recordRefundMadeInStripe(event.data.object, now);
        break;
    }
    tx.insert(stripeEvents)
      .values({ id: event.id, type: event.type, orderId: result.orderId, outcome: result.outcome, receivedAt: now })
      .run();
    return { duplicate: false, outcome: result.outcome };
  });
}

/**
 * A refund made in Stripe's dashboard (the app's own refunds carry `metadata.orderCode` and are
 * recorded by refundOrder). Recorded once by its id; one that sends back everything still paid
 * refunds every part through the state machine and the ledger, a smaller one waits for staff.
 */
function recordRefundMadeInStripe(refund: Stripe.Refund, now: number): { orderId: number | null; outcome: string } {
  if (refund.metadata?.orderCode) return { orderId: null, outcome: "ignored" };
  const intent = typeof refund.payment_intent === "string" ? refund.payment_intent : refund.payment_intent?.id;
  const db = getDb();
  const order = intent
    ? db
        .select({ id: orders.id, paidVnd: orders.paidVnd, refundedVnd: orders.refundedVnd })
        .from(orders)
        .where(eq(orders.stripePaymentIntentId, intent))
        .get()
    : undefined;
  if (!order) return { orderId: null, outcome: "unmatched" };
  // Recorded once by its own id, whichever event brings it.
  const inserted = db
    .insert(refunds)
    .values({ orderId: order.id, amountVnd: refund.amount, method: "stripe", stripeRefundId: refund.id, reason: "Stripe dashboard", createdAt: now })
    .onConflictDoNothing({ target: refunds.stripeRefundId })
    .run();
  if (inserted.changes === 0) return { orderId: order.id, outcome: "ignored" };
  const whole = refund.amount >= order.paidVnd - order.refundedVnd;
  if (whole) {
    for (const part of partsOfOrder(order.id)) {
      if (part.status === "refunded" || part.status === "awaiting_payment") continue;
      movePart(part, "refund", { source: "stripe", userId: null }, { reason: "Stripe dashboard" }, now);
      recordRefund(part, part.totalVnd, now);
    }
  }
  addRefundToOrder(order.id, refund.amount);
  return { orderId: order.id, outcome: whole ? "refund_recorded" : "refund_unallocated" };
}

/**
 * The return from Stripe's page: the redirect proves nothing, so the session is fetched from Stripe
 * and only a session Stripe reports as paid pays the order.
 */
export async function confirmStripeReturn(orderCode: string, sessionId: string): Promise<"paid" | "pending" | "mismatch"> {
  const order = payableOrderByCode(orderCode);
  if (!order || order.stripeSessionId !== sessionId) return "mismatch";
  const session = await (await stripeClient()).checkout.sessions.retrieve(sessionId);
  const { outcome } = getDb().transaction(() => settleSession(session, Date.now()));
  return outcome === "paid" ? "paid" : "pending";
}

/**
 * Closes Stripe orders whose 30 minutes ran out. The session is expired at Stripe first so it can no
 * longer be paid; if Stripe says it was paid meanwhile, the payment is applied instead.
 */
let sweeping = false;

export async function expireLapsedStripeOrders(now = Date.now()): Promise<void> {
  // One sweep at a time: Stripe calls can outlast the minute between two sweeps.
  if (!settings.stripe || sweeping) return;
  sweeping = true;
  try {
    await sweepStripeOrders(now);
  } finally {
    sweeping = false;
  }
}

async function sweepStripeOrders(now: number) {
  const stripe = await stripeClient();
  for (const order of lapsedStripeOrders(now)) {
    try {
      await stripe.checkout.sessions.expire(order.stripeSessionId);
    } catch {
      // Already complete or already expired: what Stripe holds now decides.
    }
    try {
      const session = await stripe.checkout.sessions.retrieve(order.stripeSessionId);
      getDb().transaction(() => {
        if (session.status === "complete" && session.payment_status === "paid") settleSession(session, now);
        // Expired, or complete with a payment that never settled (an async method): the order closes.
        else if (session.status !== "open") closeUnpaidOrder(order.id, "expired", { source: "system", userId: null }, now);
      });
    } catch (error) {
      console.error(`Could not expire the Stripe session of order ${order.code}`, error);
    }
  }
}

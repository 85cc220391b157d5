import Stripe from "stripe";
import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { settings } from "~/settings.server";
import { movePart, partsOfOrder } from "../orders/order-moves.server";
import { recordRefund } from "./ledger.server";
import { applyPayment, closeUnpaidOrder, lapsedStripeOrders, payableOrderByCode, type PayableOrder } from "./payments.server";

let client: { key: string; stripe: Stripe } | undefined;

/** The Stripe SDK, pointed at STRIPE_API_BASE when set (stripe-mock or the tests' double). */
export function stripeClient(): Stripe {
  const config = settings.stripe;
  if (!config) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY)");
  if (client?.key !== config.secretKey) {
    const base = config.apiBase ? new URL(config.apiBase) : undefined;
    const stripe = new Stripe(config.secretKey, {
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

interface LineRow {
  productName: string;
  unitPriceVnd: number;
  quantity: number;
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
  const stripe = stripeClient();
  if (order.stripeSessionId) {
    const existing = await stripe.checkout.sessions.retrieve(order.stripeSessionId);
    if (existing.status === "open" && existing.url) return existing.url;
  }
  const items = prepared(
    "SELECT product_name AS productName, unit_price_vnd AS unitPriceVnd, quantity FROM order_items WHERE order_id = ? ORDER BY id",
  ).all(order.id) as LineRow[];
  const shipping = prepared(
    `SELECT p.shipping_fee_vnd AS fee, pr.name AS producerName FROM order_parts p JOIN producers pr ON pr.id = p.producer_id
     WHERE p.order_id = ? AND p.shipping_fee_vnd > 0 ORDER BY p.id`,
  ).all(order.id) as { fee: number; producerName: string }[];
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
          price_data: { currency: "vnd", unit_amount: item.unitPriceVnd, product_data: { name: item.productName } },
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
  prepared("UPDATE orders SET stripe_session_id = ? WHERE id = ? AND payment_status = 'unpaid'").run(session.id, order.id);
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
  const paidBy = (prepared("SELECT stripe_payment_intent_id AS intent FROM orders WHERE id = ?").get(order.id) as { intent: string | null })
    .intent;
  return { orderId: order.id, outcome: paidBy !== null && paidBy === paymentIntentId(session) ? "paid" : "duplicate" };
}

/**
 * Applies one verified Stripe event exactly once: its id is recorded in the same transaction as its
 * effect, so a redelivery changes nothing. Events only ever move an order forward (unpaid → paid,
 * unpaid → expired/failed), so out-of-order delivery reaches the same state.
 */
export function applyStripeEvent(event: Stripe.Event, now = Date.now()): { duplicate: boolean; outcome: string } {
  return getDb().$client.transaction(() => {
    if (prepared("SELECT 1 FROM stripe_events WHERE id = ?").get(event.id)) return { duplicate: true, outcome: "redelivered" };
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
    prepared("INSERT INTO stripe_events (id, type, order_id, outcome, created_at) VALUES (?, ?, ?, ?, ?)").run(
      event.id,
      event.type,
      result.orderId,
      result.outcome,
      now,
    );
    return { duplicate: false, outcome: result.outcome };
  })();
}

/**
 * A refund made in Stripe's dashboard (the app's own refunds carry `metadata.orderCode` and are
 * recorded by refundOrder). Recorded once by its id; one that sends back everything still paid
 * refunds every part through the state machine and the ledger, a smaller one waits for staff.
 */
function recordRefundMadeInStripe(refund: Stripe.Refund, now: number): { orderId: number | null; outcome: string } {
  if (refund.metadata?.orderCode) return { orderId: null, outcome: "ignored" };
  const intent = typeof refund.payment_intent === "string" ? refund.payment_intent : refund.payment_intent?.id;
  const order = intent
    ? (prepared("SELECT id, paid_vnd AS paidVnd, refunded_vnd AS refundedVnd FROM orders WHERE stripe_payment_intent_id = ?").get(intent) as
        | { id: number; paidVnd: number; refundedVnd: number }
        | undefined)
    : undefined;
  if (!order) return { orderId: null, outcome: "unmatched" };
  const inserted = prepared(
    `INSERT INTO refunds (order_id, amount_vnd, method, stripe_refund_id, reason, created_at)
     VALUES (?, ?, 'stripe', ?, 'Stripe dashboard', ?) ON CONFLICT (stripe_refund_id) DO NOTHING`,
  ).run(order.id, refund.amount, refund.id, now);
  if (inserted.changes === 0) return { orderId: order.id, outcome: "ignored" };
  const whole = refund.amount >= order.paidVnd - order.refundedVnd;
  if (whole) {
    for (const part of partsOfOrder(order.id)) {
      if (part.status === "refunded" || part.status === "awaiting_payment") continue;
      movePart(part, "refund", { source: "stripe", userId: null }, { reason: "Stripe dashboard" }, now);
      recordRefund(part, part.totalVnd, now);
    }
  }
  prepared(
    `UPDATE orders SET refunded_vnd = refunded_vnd + :amount,
       payment_status = CASE WHEN refunded_vnd + :amount >= paid_vnd THEN 'refunded' ELSE 'partially_refunded' END
     WHERE id = :id`,
  ).run({ id: order.id, amount: refund.amount });
  return { orderId: order.id, outcome: whole ? "refund_recorded" : "refund_unallocated" };
}

/**
 * The return from Stripe's page: the redirect proves nothing, so the session is fetched from Stripe
 * and only a session Stripe reports as paid pays the order.
 */
export async function confirmStripeReturn(orderCode: string, sessionId: string): Promise<"paid" | "pending" | "mismatch"> {
  const order = payableOrderByCode(orderCode);
  if (!order || order.stripeSessionId !== sessionId) return "mismatch";
  const session = await stripeClient().checkout.sessions.retrieve(sessionId);
  const { outcome } = getDb().$client.transaction(() => settleSession(session, Date.now()))();
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
  const stripe = stripeClient();
  for (const order of lapsedStripeOrders(now)) {
    try {
      await stripe.checkout.sessions.expire(order.stripeSessionId);
    } catch {
      // Already complete or already expired: what Stripe holds now decides.
    }
    try {
      const session = await stripe.checkout.sessions.retrieve(order.stripeSessionId);
      getDb().$client.transaction(() => {
        if (session.status === "complete" && session.payment_status === "paid") settleSession(session, now);
        // Expired, or complete with a payment that never settled (an async method): the order closes.
        else if (session.status !== "open") closeUnpaidOrder(order.id, "expired", { source: "system", userId: null }, now);
      })();
    } catch (error) {
      console.error(`Could not expire the Stripe session of order ${order.code}`, error);
    }
  }
}

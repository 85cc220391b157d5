import { asc, eq } from "drizzle-orm";
import { orderItems, orderParts, orders, producers, products, users } from "~/db/schema";
import { formatDateTime } from "~/i18n/format";
import { bankName } from "../payments/banks";
import { formatVnd } from "../shared/money";
import { settings } from "~/settings.server";
import type { MessageLocale } from "./kinds";
import { enqueueMessage, type Recipient, type Tx } from "./outbox.server";
import { EVENT_WORDS, paymentDetails } from "./texts";

/**
 * Which messages each event of the marketplace causes, and for whom (ADR 0024). Every function runs
 * inside the transaction of its event and takes it as `tx`; the domain code calls exactly one of them.
 */

const DAY = 24 * 60 * 60 * 1000;
/** The marketplace's promise to buyers: a paid part leaves the producer within three days. */
export const SHIP_WITHIN_MS = 3 * DAY;

type PartAction = "pay" | "expire" | "confirm" | "ship" | "deliver" | "cancel" | "refund";

function localeOf(tx: Tx, userId: number | null): MessageLocale {
  if (userId === null) return "vi";
  return tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get()?.locale ?? "vi";
}

function orderOf(tx: Tx, orderId: number) {
  return tx
    .select({
      id: orders.id,
      code: orders.code,
      userId: orders.userId,
      fullName: orders.fullName,
      phone: orders.phone,
      email: orders.email,
      totalVnd: orders.totalVnd,
      paymentMethod: orders.paymentMethod,
      expiresAt: orders.expiresAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .get();
}

type OrderFacts = NonNullable<ReturnType<typeof orderOf>>;

/** The buyer, reached at the phone (and e-mail) they gave at checkout. */
function shopper(tx: Tx, order: OrderFacts, provinceCode: string | null): Recipient {
  return {
    userId: order.userId,
    name: order.fullName,
    phone: order.phone,
    email: order.email,
    locale: localeOf(tx, order.userId),
    provinceCode,
  };
}

/** A producer, reached at its business phone, else its owner's login phone or e-mail. */
export function producerRecipient(tx: Tx, producerId: number): Recipient | null {
  const row = tx
    .select({ id: producers.id, name: producers.name, phone: producers.phone, provinceCode: producers.provinceCode, ownerUserId: producers.ownerUserId, ownerPhone: users.phone, ownerEmail: users.email })
    .from(producers)
    .leftJoin(users, eq(users.id, producers.ownerUserId))
    .where(eq(producers.id, producerId))
    .get();
  if (!row) return null;
  return {
    userId: row.ownerUserId,
    producerId: row.id,
    name: row.name,
    phone: row.phone ?? row.ownerPhone,
    email: row.ownerEmail,
    locale: localeOf(tx, row.ownerUserId),
    provinceCode: row.provinceCode,
  };
}

/** The province of an order's first producer: whose staff watch its messages. */
function orderProvince(tx: Tx, orderId: number): string | null {
  return (
    tx
      .select({ provinceCode: producers.provinceCode })
      .from(orderParts)
      .innerJoin(producers, eq(producers.id, orderParts.producerId))
      .where(eq(orderParts.orderId, orderId))
      .orderBy(asc(orderParts.id))
      .limit(1)
      .get()?.provinceCode ?? null
  );
}

/**
 * An order was placed: the buyer gets how to pay and by when, with the order's own link (the only
 * message that can carry a guest's access token: only its hash is kept).
 */
/** The providers' own names, as shoppers know them. */
const PROVIDER_NAMES = { payos: "payOS", vnpay: "VNPay", momo: "MoMo" } as const;

export function enqueueOrderPlaced(tx: Tx, orderId: number, accessToken: string, now: number): void {
  const order = orderOf(tx, orderId);
  if (!order) return;
  const recipient = shopper(tx, order, orderProvince(tx, orderId));
  const account = settings.vietQrAccount;
  const payment =
    order.paymentMethod === "vietqr"
      ? ({ method: "vietqr", bank: bankName(account.bankBin), accountNo: account.accountNo, accountName: account.accountName, content: order.code } as const)
      : order.paymentMethod === "stripe"
        ? ({ method: "stripe" } as const)
        : ({ method: "provider", name: PROVIDER_NAMES[order.paymentMethod] } as const);
  const path = order.userId === null ? `/orders/${order.code}?token=${encodeURIComponent(accessToken)}` : `/orders/${order.code}`;
  enqueueMessage(
    tx,
    {
      key: `order:${order.id}`,
      kind: "order_placed",
      path,
      values: {
        code: order.code,
        total: formatVnd(order.totalVnd),
        payment: paymentDetails(recipient.locale, payment),
        deadline: formatDateTime(order.expiresAt, recipient.locale),
      },
    },
    recipient,
    now,
  );
}

/** What a part holds, as the producer packs it: "2 hộp Nước mắm (500 ml), 1 chai Mật ong". */
function itemsOfPart(tx: Tx, partId: number): string {
  return tx
    .select({ quantity: orderItems.quantity, unit: orderItems.unit, name: orderItems.productName, label: orderItems.variantLabel })
    .from(orderItems)
    .where(eq(orderItems.partId, partId))
    .orderBy(asc(orderItems.id))
    .all()
    .map((item) => `${item.quantity} ${item.unit} ${item.name}${item.label ? ` (${item.label})` : ""}`)
    .join(", ");
}

/**
 * A producer's part moved (order-moves.ts): paid → the producer learns what to ship and by when, the
 * buyer that the order is paid (once per order, however many parts it has); shipped, delivered and
 * refunded → the buyer.
 */
export function enqueuePartMoved(tx: Tx, part: { id: number; orderId: number; producerId: number; totalVnd: number }, action: PartAction, now: number): void {
  if (action !== "pay" && action !== "ship" && action !== "deliver" && action !== "refund") return;
  const order = orderOf(tx, part.orderId);
  const producer = producerRecipient(tx, part.producerId);
  if (!order || !producer) return;
  const buyer = shopper(tx, order, producer.provinceCode ?? null);
  const orderPath = `/orders/${order.code}`;
  if (action === "pay") {
    enqueueMessage(
      tx,
      {
        key: `part:${part.id}:pay`,
        kind: "new_paid_order",
        path: "/seller/orders",
        values: { code: order.code, total: formatVnd(part.totalVnd), items: itemsOfPart(tx, part.id), shipBy: formatDateTime(now + SHIP_WITHIN_MS, producer.locale, { day: true }) },
      },
      producer,
      now,
    );
    enqueueMessage(tx, { key: `order:${order.id}:pay`, kind: "order_paid", path: orderPath, values: { code: order.code, total: formatVnd(order.totalVnd) } }, buyer, now);
    return;
  }
  if (action === "ship") {
    const shipped = tx.select({ carrier: orderParts.carrier, tracking: orderParts.trackingNumber }).from(orderParts).where(eq(orderParts.id, part.id)).get();
    enqueueMessage(
      tx,
      {
        key: `part:${part.id}:ship`,
        kind: "part_shipped",
        path: orderPath,
        values: { code: order.code, producer: producer.name, carrier: shipped?.carrier ?? "—", tracking: shipped?.tracking ?? "—" },
      },
      buyer,
      now,
    );
    return;
  }
  if (action === "deliver") {
    enqueueMessage(tx, { key: `part:${part.id}:deliver`, kind: "part_delivered", path: orderPath, values: { code: order.code, producer: producer.name } }, buyer, now);
    return;
  }
  enqueueMessage(
    tx,
    { key: `part:${part.id}:refund`, kind: "part_refunded", path: orderPath, values: { code: order.code, producer: producer.name, amount: formatVnd(part.totalVnd) } },
    buyer,
    now,
  );
}

function productFacts(tx: Tx, productId: number) {
  return tx.select({ name: products.name, producerId: products.producerId, slug: products.slug }).from(products).where(eq(products.id, productId)).get();
}

/** A buyer reviewed a product: its producer hears of it (reviews.server.ts). */
export function enqueueReviewReceived(tx: Tx, review: { id: number; productId: number; stars: number }, now: number): void {
  const product = productFacts(tx, review.productId);
  const producer = product && producerRecipient(tx, product.producerId);
  if (!product || !producer) return;
  enqueueMessage(
    tx,
    { key: `review:${review.id}`, kind: "review_received", path: `/products/${product.slug}`, values: { product: product.name, stars: String(review.stars) } },
    producer,
    now,
  );
}

/** Someone asked about a product: its producer hears of it, to answer in the portal (questions.server.ts). */
export function enqueueQuestionAsked(tx: Tx, question: { id: number; productId: number; body: string }, now: number): void {
  const product = productFacts(tx, question.productId);
  const producer = product && producerRecipient(tx, product.producerId);
  if (!product || !producer) return;
  enqueueMessage(
    tx,
    { key: `question:${question.id}`, kind: "question_asked", path: "/seller/questions", values: { product: product.name, question: question.body } },
    producer,
    now,
  );
}

/** A buyer complained about a delivered part (complaints.server.ts): its producer must answer within 48 hours. */
export function enqueueComplaintOpened(tx: Tx, complaint: { id: number; orderCode: string; producerId: number; reason: string; answerDueAt: number }, now: number): void {
  const producer = producerRecipient(tx, complaint.producerId);
  if (!producer) return;
  const due = new Date(complaint.answerDueAt + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
  enqueueMessage(
    tx,
    { key: `complaint:${complaint.id}`, kind: "complaint_opened", path: `/seller/complaints#complaint-${complaint.id}`, values: { order: complaint.orderCode, reason: complaint.reason, due } },
    producer,
    now,
  );
}

/** Staff recorded a payout to a producer (payouts.server.ts); the account is shown by its last digits only. */
export function enqueuePayoutMade(tx: Tx, payout: { producerId: number; amount: number; reference: string; bankBin: string; accountNo: string }, now: number): void {
  const producer = producerRecipient(tx, payout.producerId);
  if (!producer) return;
  enqueueMessage(
    tx,
    {
      key: `payout:${payout.producerId}:${payout.reference}`,
      kind: "payout_made",
      path: "/seller",
      values: { amount: formatVnd(payout.amount), account: `${bankName(payout.bankBin)} …${payout.accountNo.slice(-4)}`, producer: producer.name },
    },
    producer,
    now,
  );
}

/** Staff decided on a producer's profile (verification.server.ts): approved, changes asked, rejected, and why. */
export function enqueueVerificationDecided(tx: Tx, producerId: number, decision: "approve" | "changes" | "reject", note: string | null, now: number): void {
  const producer = producerRecipient(tx, producerId);
  if (!producer) return;
  const words = EVENT_WORDS[producer.locale];
  enqueueMessage(
    tx,
    {
      key: `verification:${producerId}:${now}`,
      kind: "verification_decided",
      path: "/seller/profile",
      values: { producer: producer.name, decision: words[decision] ?? decision, note: note ?? "" },
    },
    producer,
    now,
  );
}

/** A helper's access to a producer's portal started (invite redeemed) or was revoked (helpers.server.ts). */
export function enqueueHelperAccess(tx: Tx, grant: { helperUserId: number; producerId: number; key: string }, outcome: "joined" | "revoked", now: number): void {
  const helper = tx.select({ id: users.id, name: users.fullName, phone: users.phone, email: users.email, locale: users.locale }).from(users).where(eq(users.id, grant.helperUserId)).get();
  const producer = tx.select({ name: producers.name, provinceCode: producers.provinceCode }).from(producers).where(eq(producers.id, grant.producerId)).get();
  if (!helper || !producer) return;
  enqueueMessage(
    tx,
    {
      key: `helper:${grant.key}:${outcome}`,
      kind: "helper_invite",
      path: outcome === "joined" ? "/seller" : "/",
      values: { producer: producer.name, outcome: EVENT_WORDS[helper.locale][outcome]! },
    },
    { userId: helper.id, name: helper.name, phone: helper.phone, email: helper.email, locale: helper.locale, provinceCode: producer.provinceCode },
    now,
  );
}

import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { notifications, orderEvents, orderItems, orderParts, orders, producers, products, reviews, wards } from "~/db/schema";
import { orderStatusOf, type OrderStatus, type PartStatus } from "./order-states";
import { variantName } from "../catalog/variants";
import { discountLinesOfOrder } from "../promotions/offers.server";

// The payment's own rules live in payments/payment-states.ts, above orders; here it is only shown.
type PaymentStatus = (typeof orders.$inferSelect)["paymentStatus"];

export interface OrderItemView {
  id: number;
  productId: number;
  slug: string;
  productName: string;
  unit: string;
  unitPriceVnd: number;
  quantity: number;
  lineTotalVnd: number;
  reviewed: boolean;
}

export interface OrderPartView {
  id: number;
  producerId: number;
  producerName: string;
  producerSlug: string;
  status: PartStatus;
  goodsTotalVnd: number;
  shippingFeeVnd: number;
  totalVnd: number;
  carrier: string | null;
  trackingNumber: string | null;
  cancelReason: string | null;
  items: OrderItemView[];
  /** Campaign and voucher lines (ADR 0019), already taken off goodsTotalVnd / shippingFeeVnd. */
  discounts: { label: string; source: "campaign" | "voucher"; target: "goods" | "shipping"; amountVnd: number }[];
}

export interface OrderEventView {
  partId: number | null;
  action: string;
  toStatus: string | null;
  source: string;
  note: string | null;
  createdAt: number;
}

export interface OrderView {
  id: number;
  code: string;
  userId: number | null;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  paymentMethod: (typeof orders.$inferSelect)["paymentMethod"];
  fullName: string;
  phone: string;
  email: string | null;
  addressLine: string;
  wardName: string;
  provinceCode: string;
  goodsTotalVnd: number;
  shippingTotalVnd: number;
  totalVnd: number;
  paidVnd: number;
  refundedVnd: number;
  expiresAt: number;
  createdAt: number;
  parts: OrderPartView[];
  events: OrderEventView[];
}

// Prepared once: the order page, and its status JSON that a buyer's page polls while it waits for payment.
const orderById = once(() =>
  getDb()
    .select({
      id: orders.id,
      code: orders.code,
      userId: orders.userId,
      paymentStatus: orders.paymentStatus,
      paymentMethod: orders.paymentMethod,
      fullName: orders.fullName,
      phone: orders.phone,
      email: orders.email,
      addressLine: orders.addressLine,
      wardName: wards.fullName,
      provinceCode: orders.provinceCode,
      goodsTotalVnd: orders.goodsTotalVnd,
      shippingTotalVnd: orders.shippingTotalVnd,
      totalVnd: orders.totalVnd,
      paidVnd: orders.paidVnd,
      refundedVnd: orders.refundedVnd,
      expiresAt: orders.expiresAt,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(wards, eq(wards.code, orders.wardCode))
    .where(eq(orders.id, sql.placeholder("orderId")))
    .prepare(),
);
const partViewsOfOrder = once(() =>
  getDb()
    .select({
      id: orderParts.id,
      producerId: orderParts.producerId,
      producerName: producers.name,
      producerSlug: producers.slug,
      status: orderParts.status,
      goodsTotalVnd: orderParts.goodsTotalVnd,
      shippingFeeVnd: orderParts.shippingFeeVnd,
      totalVnd: orderParts.totalVnd,
      carrier: orderParts.carrier,
      trackingNumber: orderParts.trackingNumber,
      cancelReason: orderParts.cancelReason,
    })
    .from(orderParts)
    .innerJoin(producers, eq(producers.id, orderParts.producerId))
    .where(eq(orderParts.orderId, sql.placeholder("orderId")))
    .orderBy(asc(orderParts.id))
    .prepare(),
);
const itemsOfOrder = once(() =>
  getDb()
    .select({
      id: orderItems.id,
      partId: orderItems.partId,
      productId: orderItems.productId,
      slug: products.slug,
      productName: orderItems.productName,
      variantLabel: orderItems.variantLabel,
      unit: orderItems.unit,
      unitPriceVnd: orderItems.unitPriceVnd,
      quantity: orderItems.quantity,
      lineTotalVnd: orderItems.lineTotalVnd,
      // Withdrawn reviews count too: a product is reviewed once per order, whatever became of the review.
      reviewed: sql<boolean>`EXISTS (SELECT 1 FROM ${reviews} WHERE ${reviews.orderId} = ${orderItems.orderId} AND ${reviews.productId} = ${orderItems.productId})`.mapWith(Boolean),
    })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, sql.placeholder("orderId")))
    .orderBy(asc(orderItems.id))
    .prepare(),
);
const eventsOfOrder = once(() =>
  getDb()
    .select({
      partId: orderEvents.partId,
      action: orderEvents.action,
      toStatus: orderEvents.toStatus,
      source: orderEvents.source,
      note: orderEvents.note,
      createdAt: orderEvents.createdAt,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, sql.placeholder("orderId")))
    .orderBy(asc(orderEvents.id))
    .prepare(),
);

/** Everything the buyer's order page shows. */
export function orderView(orderId: number): OrderView | null {
  const order = orderById().get({ orderId });
  if (!order) return null;
  const parts = partViewsOfOrder().all({ orderId });
  const items = itemsOfOrder().all({ orderId });
  const events: OrderEventView[] = eventsOfOrder().all({ orderId });
  const discounts = discountLinesOfOrder(orderId);
  const partViews: OrderPartView[] = parts.map((part) => ({
    ...part,
    items: items
      .filter((i) => i.partId === part.id)
      .map(({ partId: _, variantLabel, ...i }) => ({ ...i, productName: variantName(i.productName, variantLabel) })),
    discounts: discounts.get(part.id) ?? [],
  }));
  return { ...order, status: orderStatusOf(partViews.map((p) => p.status)), parts: partViews, events };
}

/** The JSON of `GET /orders/:code/status` (PRODUCT.md §5), in integer VND. */
export function orderStatusJson(order: OrderView) {
  return {
    code: order.code,
    status: order.status,
    paymentStatus: order.paymentStatus,
    total: order.totalVnd,
    paid: order.paidVnd,
    parts: order.parts.map((p) => ({ producer: p.producerName, status: p.status, total: p.totalVnd })),
  };
}

export interface OrderSummary {
  code: string;
  createdAt: number;
  totalVnd: number;
  paymentStatus: PaymentStatus;
  partStatuses: string;
  unread: number;
}

const orderSummariesOfUser = once(() => {
  const db = getDb();
  return db
    .select({
      code: orders.code,
      createdAt: orders.createdAt,
      totalVnd: orders.totalVnd,
      paymentStatus: orders.paymentStatus,
      // Subqueries built, not written out: in a one-table select Drizzle writes the columns of a sql``
      // field unqualified, and `order_id = id` would then compare within the subquery's own table.
      // Never NULL: every order has at least one part.
      partStatuses: sql<string>`${db.select({ statuses: sql`group_concat(${orderParts.status})` }).from(orderParts).where(eq(orderParts.orderId, orders.id))}`,
      unread: sql<number>`${db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.orderId, orders.id), eq(notifications.userId, orders.userId), isNull(notifications.readAt)))}`,
    })
    .from(orders)
    .where(eq(orders.userId, sql.placeholder("userId")))
    .orderBy(desc(orders.createdAt))
    .limit(100)
    .prepare();
});

/** A signed-in shopper's orders, newest first, with how many changes they have not seen. */
export function ordersOfUser(userId: number): OrderSummary[] {
  return orderSummariesOfUser().all({ userId });
}

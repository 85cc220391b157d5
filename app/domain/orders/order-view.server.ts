import { prepared } from "~/db/prepared.server";
import { orderStatusOf, type OrderStatus, type PartStatus, type PaymentStatus } from "./order-states";

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
  paymentMethod: "vietqr" | "stripe";
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

/** Everything the buyer's order page shows. */
export function orderView(orderId: number): OrderView | null {
  const order = prepared(
    `SELECT o.id, o.code, o.user_id AS userId, o.payment_status AS paymentStatus, o.payment_method AS paymentMethod,
       o.full_name AS fullName, o.phone, o.email, o.address_line AS addressLine, w.full_name AS wardName,
       o.province_code AS provinceCode, o.goods_total_vnd AS goodsTotalVnd, o.shipping_total_vnd AS shippingTotalVnd,
       o.total_vnd AS totalVnd, o.paid_vnd AS paidVnd, o.refunded_vnd AS refundedVnd, o.expires_at AS expiresAt,
       o.created_at AS createdAt
     FROM orders o JOIN wards w ON w.code = o.ward_code WHERE o.id = ?`,
  ).get(orderId) as Omit<OrderView, "status" | "parts" | "events"> | undefined;
  if (!order) return null;
  const parts = prepared(
    `SELECT p.id, p.producer_id AS producerId, pr.name AS producerName, pr.slug AS producerSlug, p.status,
       p.goods_total_vnd AS goodsTotalVnd, p.shipping_fee_vnd AS shippingFeeVnd, p.total_vnd AS totalVnd,
       p.carrier, p.tracking_number AS trackingNumber, p.cancel_reason AS cancelReason
     FROM order_parts p JOIN producers pr ON pr.id = p.producer_id WHERE p.order_id = ? ORDER BY p.id`,
  ).all(orderId) as Omit<OrderPartView, "items">[];
  const items = prepared(
    `SELECT i.id, i.part_id AS partId, i.product_id AS productId, pd.slug, i.product_name AS productName, i.unit,
       i.unit_price_vnd AS unitPriceVnd, i.quantity, i.line_total_vnd AS lineTotalVnd,
       EXISTS (SELECT 1 FROM reviews r WHERE r.order_id = i.order_id AND r.product_id = i.product_id) AS reviewed
     FROM order_items i JOIN products pd ON pd.id = i.product_id WHERE i.order_id = ? ORDER BY i.id`,
  ).all(orderId) as (Omit<OrderItemView, "reviewed"> & { partId: number; reviewed: 0 | 1 })[];
  const events = prepared(
    `SELECT part_id AS partId, action, to_status AS toStatus, source, note, created_at AS createdAt
     FROM order_events WHERE order_id = ? ORDER BY id`,
  ).all(orderId) as OrderEventView[];
  const partViews = parts.map((part) => ({
    ...part,
    items: items.filter((i) => i.partId === part.id).map(({ partId: _, ...i }) => ({ ...i, reviewed: i.reviewed === 1 })),
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

/** A signed-in shopper's orders, newest first, with how many changes they have not seen. */
export function ordersOfUser(userId: number): OrderSummary[] {
  return prepared(
    `SELECT o.code, o.created_at AS createdAt, o.total_vnd AS totalVnd, o.payment_status AS paymentStatus,
       (SELECT group_concat(status) FROM order_parts WHERE order_id = o.id) AS partStatuses,
       (SELECT count(*) FROM notifications n WHERE n.order_id = o.id AND n.user_id = o.user_id AND n.read_at IS NULL) AS unread
     FROM orders o WHERE o.user_id = ? ORDER BY o.created_at DESC LIMIT 100`,
  ).all(userId) as OrderSummary[];
}

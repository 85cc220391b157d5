import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { settings } from "~/settings.server";
import { PUBLIC_PRODUCT } from "../catalog/catalog.server";
import { wardIsInProvince, provinceByCode } from "../catalog/places.server";
import { MAX_CHARGE_VND } from "../shared/money";
import { lineProblem, type CartLine } from "./cart";
import { cartIdOf, cartLinesById, type CartOwner } from "./cart.server";
import type { CheckoutInput } from "./checkout-form";
import { generateOrderCode } from "./order-code";
import { quoteOrder, type OrderQuote } from "./quote";
import { commissionVnd } from "./shipping";
import { sha256Hex } from "~/domain/shared/hash.server";
import { addressKey } from "../accounts/rate-limit.server";

/** An unpaid order keeps its stock this long (PRODUCT.md §3). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

/**
 * Stock an unpaid order holds is stock nobody else can buy for half an hour, and a guest needs no
 * account to hold it (a fresh cookie is a fresh cart). These caps keep one buyer from holding a
 * product's whole stock without hurting real buyers; only orders still holding stock count, so a
 * buyer who pays (or whose order lapses) is free again at once.
 *
 * - 3 open unpaid orders per phone number: a shopper pays an order before placing the next; three
 *   leaves room for a failed payment retried and a second order for someone else.
 * - 20 open unpaid orders per client address (an IPv4 address or an IPv6 /64): mobile carriers put
 *   many subscribers behind one address (carrier-grade NAT), so this is far above what one household
 *   or office places in 30 minutes, and still stops one machine inventing phone numbers.
 *   A loopback address is not counted: it is a reverse proxy in front of this server without
 *   TRUST_PROXY (then every buyer shares it, and a cap on it would be a cap on the whole market).
 * - 20 units of one product in a phone's unpaid orders: what a household buys at once (a few kilos of
 *   rice, a case of fish sauce, Tết gift boxes for the family); a bigger buyer pays, then orders again.
 */
export const MAX_OPEN_ORDERS_PER_PHONE = 3;
export const MAX_OPEN_ORDERS_PER_ADDRESS = 20;
export const MAX_UNPAID_UNITS_PER_PRODUCT = 20;

export type CheckoutProblem =
  | { problem: "empty" }
  | { problem: "lines"; lines: { name: string; unit: string; available: number }[] }
  | { problem: "tooLarge" }
  | { problem: "priceChanged" }
  | { problem: "openOrders"; by: "phone" | "address" }
  | { problem: "unitCap"; lines: { name: string; unit: string; allowed: number }[] }
  | { problem: "field"; field: "provinceCode" | "wardCode" | "paymentMethod" };

/** The key an address counts under for the caps, or null for a loopback address (see above). */
export function checkoutClientKey(clientIp: string | null | undefined): string | null {
  if (!clientIp || clientIp === "unknown" || /^(127\.|::1$|::ffff:127\.)/i.test(clientIp)) return null;
  return sha256Hex(`checkout:${addressKey(clientIp)}`);
}

// Orders that still hold stock: unpaid, and either inside their window or waiting on a Stripe session
// (closed when Stripe expires it). A transfer order past its window is closed within the minute.
const HOLDS_STOCK = "o.payment_status = 'unpaid' AND (o.expires_at > :now OR (o.payment_method = 'stripe' AND o.stripe_session_id IS NOT NULL))";

/** The first cap this checkout would break, or null; read inside the checkout's transaction. */
function capProblem(lines: CartLine[], phone: string, clientKey: string | null, now: number): CheckoutProblem | null {
  const byPhone = prepared(`SELECT count(*) AS n FROM orders o WHERE o.phone = :phone AND ${HOLDS_STOCK}`).get({ phone, now }) as { n: number };
  if (byPhone.n >= MAX_OPEN_ORDERS_PER_PHONE) return { problem: "openOrders", by: "phone" };
  if (clientKey !== null) {
    const byAddress = prepared(`SELECT count(*) AS n FROM orders o WHERE o.client_key = :clientKey AND ${HOLDS_STOCK}`).get({ clientKey, now }) as {
      n: number;
    };
    if (byAddress.n >= MAX_OPEN_ORDERS_PER_ADDRESS) return { problem: "openOrders", by: "address" };
  }
  const held = new Map(
    (
      prepared(
        `SELECT i.product_id AS productId, sum(i.quantity) AS units FROM orders o JOIN order_items i ON i.order_id = o.id
         WHERE o.phone = :phone AND ${HOLDS_STOCK} GROUP BY i.product_id`,
      ).all({ phone, now }) as { productId: number; units: number }[]
    ).map((h) => [h.productId, h.units]),
  );
  const over = lines.filter((line) => (held.get(line.productId) ?? 0) + line.quantity > MAX_UNPAID_UNITS_PER_PRODUCT);
  if (over.length === 0) return null;
  return {
    problem: "unitCap",
    lines: over.map((l) => ({ name: l.name, unit: l.unit, allowed: Math.max(0, MAX_UNPAID_UNITS_PER_PRODUCT - (held.get(l.productId) ?? 0)) })),
  };
}

export interface PlacedOrder {
  id: number;
  code: string;
  /** The secret of the guest link; only its hash is stored. */
  accessToken: string;
  totalVnd: number;
}

/** Quote of the owner's cart to a province, or null when the province is unknown. */
export function quoteFor(lines: CartLine[], provinceCode: string | null): OrderQuote | null {
  const province = provinceCode ? provinceByCode(provinceCode) : undefined;
  return province ? quoteOrder(lines, { provinceCode: province.code, region: province.region }) : null;
}

class CheckoutRefused extends Error {
  constructor(readonly refusal: CheckoutProblem) {
    super(refusal.problem);
  }
}

/**
 * Places the order for everything in the cart, in one transaction: order, one part per producer,
 * items, stock taken, cart emptied — or nothing at all. Stock is taken with a guarded UPDATE
 * (`stock >= quantity`), so however many checkouts race, it never goes below zero.
 */
export function placeOrder(
  owner: CartOwner,
  input: CheckoutInput,
  { userId, clientIp = null, now = Date.now() }: { userId: number | null; clientIp?: string | null; now?: number },
): { ok: true; order: PlacedOrder } | ({ ok: false } & CheckoutProblem) {
  if (!provinceByCode(input.provinceCode)) return { ok: false, problem: "field", field: "provinceCode" };
  if (!wardIsInProvince(input.wardCode, input.provinceCode)) return { ok: false, problem: "field", field: "wardCode" };
  if (input.paymentMethod === "stripe" && !settings.stripe) return { ok: false, problem: "field", field: "paymentMethod" };
  // Fixed on the order in basis points: COMMISSION_PERCENT counts to 0.01 %.
  const commissionBasisPoints = Math.round(settings.commissionPercent * 100);
  const clientKey = checkoutClientKey(clientIp);
  const db = getDb().$client;
  try {
    const order = db
      .transaction((): PlacedOrder => {
        const cartId = cartIdOf(owner);
        const lines = cartId === null ? [] : cartLinesById(cartId);
        if (lines.length === 0) throw new CheckoutRefused({ problem: "empty" });
        const refused = lines.filter((line) => lineProblem(line) !== null);
        if (refused.length > 0) {
          throw new CheckoutRefused({
            problem: "lines",
            lines: refused.map((l) => ({ name: l.name, unit: l.unit, available: l.available ? l.stock : 0 })),
          });
        }
        const capped = capProblem(lines, input.phone, clientKey, now);
        if (capped) throw new CheckoutRefused(capped);
        const quote = quoteFor(lines, input.provinceCode)!;
        if (quote.totalVnd > MAX_CHARGE_VND) throw new CheckoutRefused({ problem: "tooLarge" });
        if (input.expectedTotal !== undefined && input.expectedTotal !== quote.totalVnd) {
          throw new CheckoutRefused({ problem: "priceChanged" });
        }

        const accessToken = randomBytes(24).toString("base64url");
        const orderRow = insertOrder({
          ...input,
          email: input.email ?? null,
          code: uniqueOrderCode(),
          accessTokenHash: sha256Hex(accessToken),
          userId,
          goodsTotalVnd: quote.goodsTotalVnd,
          shippingTotalVnd: quote.shippingTotalVnd,
          totalVnd: quote.totalVnd,
          commissionBasisPoints,
          clientKey,
          expiresAt: now + PAYMENT_WINDOW_MS,
          createdAt: now,
        });
        for (const part of quote.parts) {
          const { id: partId } = prepared(
            `INSERT INTO order_parts (order_id, producer_id, goods_total_vnd, shipping_fee_vnd, total_vnd,
               commission_vnd, weight_grams, updated_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          ).get(
            orderRow.id,
            part.producerId,
            part.goodsTotalVnd,
            part.shippingFeeVnd,
            part.totalVnd,
            commissionVnd(part.goodsTotalVnd, commissionBasisPoints / 100),
            part.weightGrams,
            now,
            now,
          ) as { id: number };
          for (const line of part.lines) {
            const taken = prepared(
              `UPDATE products AS p SET stock = stock - :quantity
               WHERE p.id = :productId AND p.stock >= :quantity AND ${PUBLIC_PRODUCT}`,
            ).run({ productId: line.productId, quantity: line.quantity });
            if (taken.changes !== 1) {
              throw new CheckoutRefused({ problem: "lines", lines: [{ name: line.name, unit: line.unit, available: 0 }] });
            }
            prepared(
              `INSERT INTO order_items (order_id, part_id, product_id, product_name, unit, unit_price_vnd, quantity, line_total_vnd)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            ).run(orderRow.id, partId, line.productId, line.name, line.unit, line.priceVnd, line.quantity, line.priceVnd * line.quantity);
          }
        }
        prepared(
          "INSERT INTO order_events (order_id, action, to_status, actor_user_id, source, created_at) VALUES (?, 'place', 'awaiting_payment', ?, 'buyer', ?)",
        ).run(orderRow.id, userId, now);
        prepared("DELETE FROM cart_items WHERE cart_id = ?").run(cartId);
        return { id: orderRow.id, code: orderRow.code, accessToken, totalVnd: quote.totalVnd };
      })
      .immediate();
    return { ok: true, order };
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, ...error.refusal };
    throw error;
  }
}

function insertOrder(values: Record<string, string | number | null>): { id: number; code: string } {
  return prepared(
    `INSERT INTO orders (code, access_token_hash, user_id, full_name, phone, email, province_code, ward_code,
       address_line, payment_method, goods_total_vnd, shipping_total_vnd, total_vnd, commission_basis_points,
       client_key, expires_at, created_at)
     VALUES (:code, :accessTokenHash, :userId, :fullName, :phone, :email, :provinceCode, :wardCode,
       :addressLine, :paymentMethod, :goodsTotalVnd, :shippingTotalVnd, :totalVnd, :commissionBasisPoints,
       :clientKey, :expiresAt, :createdAt)
     RETURNING id, code`,
  ).get(values) as { id: number; code: string };
}

/** A fresh random code; a clash among 32^10 codes is astronomically rare, but cheap to rule out. */
function uniqueOrderCode(): string {
  for (;;) {
    const code = generateOrderCode();
    if (!prepared("SELECT 1 FROM orders WHERE code = ?").get(code)) return code;
  }
}

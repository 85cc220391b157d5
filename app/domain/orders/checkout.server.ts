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

/** An unpaid order keeps its stock this long (PRODUCT.md §3). */
export const PAYMENT_WINDOW_MS = 30 * 60 * 1000;

export type CheckoutProblem =
  | { problem: "empty" }
  | { problem: "lines"; lines: { name: string; unit: string; available: number }[] }
  | { problem: "tooLarge" }
  | { problem: "priceChanged" }
  | { problem: "field"; field: "provinceCode" | "wardCode" | "paymentMethod" };

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
  { userId, now = Date.now() }: { userId: number | null; now?: number },
): { ok: true; order: PlacedOrder } | ({ ok: false } & CheckoutProblem) {
  if (!provinceByCode(input.provinceCode)) return { ok: false, problem: "field", field: "provinceCode" };
  if (!wardIsInProvince(input.wardCode, input.provinceCode)) return { ok: false, problem: "field", field: "wardCode" };
  if (input.paymentMethod === "stripe" && !settings.stripe) return { ok: false, problem: "field", field: "paymentMethod" };
  // Fixed on the order in basis points: COMMISSION_PERCENT counts to 0.01 %.
  const commissionBasisPoints = Math.round(settings.commissionPercent * 100);
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
       expires_at, created_at)
     VALUES (:code, :accessTokenHash, :userId, :fullName, :phone, :email, :provinceCode, :wardCode,
       :addressLine, :paymentMethod, :goodsTotalVnd, :shippingTotalVnd, :totalVnd, :commissionBasisPoints,
       :expiresAt, :createdAt)
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

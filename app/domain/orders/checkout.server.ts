import { randomBytes } from "node:crypto";
import { and, count, eq, gt, gte, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { cartItems, orderEvents, orderItems, orderParts, orders, products, productVariants } from "~/db/schema";
import { settings } from "~/settings.server";
import { wardIsInProvince, provinceByCode } from "../catalog/places.server";
import { MAX_CHARGE_VND } from "../shared/money";
import { lineProblem, type CartLine } from "./cart";
import { publicProduct } from "../catalog/catalog.server";
import { variantName } from "../catalog/variants";
import { cartIdOf, cartLinesById, type CartOwner } from "./cart.server";
import { methodTakesAmount, type CheckoutInput, type PaymentMethod } from "./checkout-form";
import type { CheckoutProblem } from "./checkout-refusal";
import { generateOrderCode } from "./order-code";
import { quoteOrder, type CarrierFees, type OrderQuote } from "./quote";
import { commissionVnd } from "./shipping";
import { sha256Hex } from "~/domain/shared/hash.server";
import { addressKey } from "../accounts/rate-limit.server";
import { OfferTakenError, priceWithOffers, redeemPartOffers, type Buyer } from "../promotions/offers.server";
import { commissionBaseVnd } from "../promotions/discounts";
import { todayInVietnam } from "../shared/dates";
import { enqueueOrderPlaced } from "../messages/events.server";

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

/** The key an address counts under for the caps, or null for a loopback address (see above). */
export function checkoutClientKey(clientIp: string | null | undefined): string | null {
  if (!clientIp || clientIp === "unknown" || /^(127\.|::1$|::ffff:127\.)/i.test(clientIp)) return null;
  return sha256Hex(`checkout:${addressKey(clientIp)}`);
}

/**
 * Orders that still hold stock: unpaid, and either inside their window or waiting on a Stripe session
 * (closed when Stripe expires it). A transfer order past its window is closed within the minute.
 * `'unpaid'` is written out, not bound: SQLite uses the partial indexes on unpaid orders
 * (orders_unpaid_phone_idx, orders_unpaid_client_idx) only when the query repeats their condition.
 */
const holdsStock = and(
  sql`${orders.paymentStatus} = 'unpaid'`,
  or(gt(orders.expiresAt, sql.placeholder("now")), and(eq(orders.paymentMethod, "stripe"), isNotNull(orders.stripeSessionId))),
);

const openOrdersOfPhone = once(() =>
  getDb().select({ n: count() }).from(orders).where(and(eq(orders.phone, sql.placeholder("phone")), holdsStock)).prepare(),
);
const openOrdersOfClient = once(() =>
  getDb().select({ n: count() }).from(orders).where(and(eq(orders.clientKey, sql.placeholder("clientKey")), holdsStock)).prepare(),
);
const unitsHeldByPhone = once(() =>
  getDb()
    .select({ productId: orderItems.productId, units: sql<number>`sum(${orderItems.quantity})` })
    .from(orders)
    .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
    .where(and(eq(orders.phone, sql.placeholder("phone")), holdsStock))
    .groupBy(orderItems.productId)
    .prepare(),
);

/** The first cap this checkout would break, or null; read inside the checkout's transaction. */
function capProblem(lines: CartLine[], phone: string, clientKey: string | null, now: number): CheckoutProblem | null {
  // count(*) always gives a row.
  if (openOrdersOfPhone().get({ phone, now })!.n >= MAX_OPEN_ORDERS_PER_PHONE) return { problem: "openOrders", by: "phone" };
  if (clientKey !== null && openOrdersOfClient().get({ clientKey, now })!.n >= MAX_OPEN_ORDERS_PER_ADDRESS) {
    return { problem: "openOrders", by: "address" };
  }
  const held = new Map(unitsHeldByPhone().all({ phone, now }).map((h) => [h.productId, h.units]));
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
export function quoteFor(lines: CartLine[], provinceCode: string | null, carrierFees?: CarrierFees): OrderQuote | null {
  const province = provinceCode ? provinceByCode(provinceCode) : undefined;
  return province ? quoteOrder(lines, { provinceCode: province.code, region: province.region }, carrierFees) : null;
}

/**
 * The quote with the running campaigns and the typed voucher applied (ADR 0019), or why the voucher
 * cannot be used; null when the province is unknown. The quote's own totals stay the undiscounted ones.
 */
export function pricedQuoteFor(lines: CartLine[], provinceCode: string | null, voucherCode: string | null, buyer: Buyer | null, now = Date.now(), carrierFees?: CarrierFees) {
  const quote = quoteFor(lines, provinceCode, carrierFees);
  return quote ? priceWithOffers(quote.parts, voucherCode, buyer, todayInVietnam(new Date(now))) : null;
}

class CheckoutRefused extends Error {
  constructor(readonly refusal: CheckoutProblem) {
    super(refusal.problem);
  }
}

/**
 * The ways to pay checkout offers, in the order shown: a VietQR transfer always, payOS, the wallets
 * (VNPay, MoMo) and cards when their settings are present. Checkout refuses any other.
 */
export function offeredPaymentMethods(): PaymentMethod[] {
  return [
    "vietqr",
    ...(settings.payos ? (["payos"] as const) : []),
    ...(settings.vnpay ? (["vnpay"] as const) : []),
    ...(settings.momo ? (["momo"] as const) : []),
    ...(settings.stripe ? (["stripe"] as const) : []),
  ];
}

/**
 * Places the order for everything in the cart, in one transaction: order, one part per producer,
 * items, stock taken, cart emptied — or nothing at all. Stock is taken with a guarded UPDATE
 * (`stock >= quantity`), so however many checkouts race, it never goes below zero.
 */
export function placeOrder(
  owner: CartOwner,
  input: CheckoutInput,
  {
    userId,
    clientIp = null,
    now = Date.now(),
    carrierFees,
  }: {
    userId: number | null;
    clientIp?: string | null;
    now?: number;
    /** Carriers' fees the shopper was shown (issue 18), asked before this transaction; absent → the table fee. */
    carrierFees?: CarrierFees;
  },
): { ok: true; order: PlacedOrder } | ({ ok: false } & CheckoutProblem) {
  if (!provinceByCode(input.provinceCode)) return { ok: false, problem: "field", field: "provinceCode" };
  if (!wardIsInProvince(input.wardCode, input.provinceCode)) return { ok: false, problem: "field", field: "wardCode" };
  if (!offeredPaymentMethods().includes(input.paymentMethod)) return { ok: false, problem: "field", field: "paymentMethod" };
  // Fixed on the order in basis points: COMMISSION_PERCENT counts to 0.01 %.
  const commissionBasisPoints = Math.round(settings.commissionPercent * 100);
  const clientKey = checkoutClientKey(clientIp);
  try {
    const order = getDb().transaction(
      (): PlacedOrder => {
        const cartId = cartIdOf(owner);
        const lines = cartId === null ? [] : cartLinesById(cartId);
        if (cartId === null || lines.length === 0) throw new CheckoutRefused({ problem: "empty" });
        const refused = lines.filter((line) => lineProblem(line) !== null);
        if (refused.length > 0) {
          throw new CheckoutRefused({
            problem: "lines",
            lines: refused.map((l) => ({ name: variantName(l.name, l.variantLabel), unit: l.unit, available: l.available ? l.stock : 0 })),
          });
        }
        const capped = capProblem(lines, input.phone, clientKey, now);
        if (capped) throw new CheckoutRefused(capped);
        // Campaigns and the typed voucher (ADR 0019), read inside this transaction so a use or a budget cannot be taken twice.
        const buyer = { phone: input.phone, userId };
        const priced = pricedQuoteFor(lines, input.provinceCode, input.voucherCode ?? null, buyer, now, carrierFees)!;
        if (!priced.ok) throw new CheckoutRefused({ problem: "voucher", reason: priced.problem });
        const quote = priced.quote;
        if (quote.totalVnd > MAX_CHARGE_VND) throw new CheckoutRefused({ problem: "tooLarge" });
        if (!methodTakesAmount(input.paymentMethod, quote.totalVnd)) throw new CheckoutRefused({ problem: "methodLimit" });
        // The page showed either the total with the voucher applied or, when the code was typed and the
        // order placed at once, the total before it: a voucher only ever lowers what the buyer saw.
        if (input.expectedTotal !== undefined && input.expectedTotal !== quote.totalVnd && input.expectedTotal !== quote.totalWithoutVoucherVnd) {
          throw new CheckoutRefused({ problem: "priceChanged" });
        }

        const accessToken = randomBytes(24).toString("base64url");
        // RETURNING of an INSERT that did not throw always gives its row.
        const orderRow = insertOrder().get({
          code: uniqueOrderCode(),
          accessTokenHash: sha256Hex(accessToken),
          userId,
          fullName: input.fullName,
          phone: input.phone,
          email: input.email ?? null,
          provinceCode: input.provinceCode,
          wardCode: input.wardCode,
          addressLine: input.addressLine,
          paymentMethod: input.paymentMethod,
          goodsTotalVnd: quote.goodsTotalVnd,
          shippingTotalVnd: quote.shippingTotalVnd,
          totalVnd: quote.totalVnd,
          commissionBasisPoints,
          clientKey,
          expiresAt: now + PAYMENT_WINDOW_MS,
          createdAt: now,
        })!;
        for (const part of quote.parts) {
          // Goods and shipping as the buyer pays them; the discount lines are in order_discounts (ADR 0019).
          const { id: partId } = insertPart().get({
            orderId: orderRow.id,
            producerId: part.producerId,
            goodsTotalVnd: part.paidGoodsVnd,
            shippingFeeVnd: part.paidShippingVnd,
            totalVnd: part.paidTotalVnd,
            commissionVnd: commissionVnd(commissionBaseVnd(part), commissionBasisPoints / 100),
            platformDiscountVnd: part.discount.platformVnd,
            weightGrams: part.weightGrams,
            quotedCarrier: part.carrier,
            expectedDeliveryAt: part.expectedDeliveryAt,
            now,
          })!;
          redeemPartOffers({ orderId: orderRow.id, partId, discount: part.discount }, buyer, now);
          for (const line of part.lines) {
            const taken = takeStock().run({ variantId: line.variantId, quantity: line.quantity });
            if (taken.changes !== 1) {
              throw new CheckoutRefused({ problem: "lines", lines: [{ name: variantName(line.name, line.variantLabel), unit: line.unit, available: 0 }] });
            }
            insertItem().run({
              orderId: orderRow.id,
              partId,
              productId: line.productId,
              variantId: line.variantId,
              productName: line.name,
              variantLabel: line.variantLabel,
              unit: line.unit,
              unitPriceVnd: line.priceVnd,
              quantity: line.quantity,
              lineTotalVnd: line.priceVnd * line.quantity,
            });
          }
        }
        recordPlaced().run({ orderId: orderRow.id, userId, now });
        enqueueOrderPlaced(getDb(), orderRow.id, accessToken, now);
        emptyCart().run({ cartId });
        return { id: orderRow.id, code: orderRow.code, accessToken, totalVnd: quote.totalVnd };
      },
      { behavior: "immediate" },
    );
    return { ok: true, order };
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, ...error.refusal };
    if (error instanceof OfferTakenError) return { ok: false, problem: "voucher", reason: error.problem };
    throw error;
  }
}

const insertOrder = once(() =>
  getDb()
    .insert(orders)
    .values({
      code: sql.placeholder("code"),
      accessTokenHash: sql.placeholder("accessTokenHash"),
      userId: sql.placeholder("userId"),
      fullName: sql.placeholder("fullName"),
      phone: sql.placeholder("phone"),
      email: sql.placeholder("email"),
      provinceCode: sql.placeholder("provinceCode"),
      wardCode: sql.placeholder("wardCode"),
      addressLine: sql.placeholder("addressLine"),
      paymentMethod: sql.placeholder("paymentMethod"),
      goodsTotalVnd: sql.placeholder("goodsTotalVnd"),
      shippingTotalVnd: sql.placeholder("shippingTotalVnd"),
      totalVnd: sql.placeholder("totalVnd"),
      commissionBasisPoints: sql.placeholder("commissionBasisPoints"),
      clientKey: sql.placeholder("clientKey"),
      expiresAt: sql.placeholder("expiresAt"),
      createdAt: sql.placeholder("createdAt"),
    })
    .returning({ id: orders.id, code: orders.code })
    .prepare(),
);

const insertPart = once(() =>
  getDb()
    .insert(orderParts)
    .values({
      orderId: sql.placeholder("orderId"),
      producerId: sql.placeholder("producerId"),
      goodsTotalVnd: sql.placeholder("goodsTotalVnd"),
      shippingFeeVnd: sql.placeholder("shippingFeeVnd"),
      totalVnd: sql.placeholder("totalVnd"),
      commissionVnd: sql.placeholder("commissionVnd"),
      platformDiscountVnd: sql.placeholder("platformDiscountVnd"),
      weightGrams: sql.placeholder("weightGrams"),
      quotedCarrier: sql.placeholder("quotedCarrier"),
      expectedDeliveryAt: sql.placeholder("expectedDeliveryAt"),
      updatedAt: sql.placeholder("now"),
      createdAt: sql.placeholder("now"),
    })
    .returning({ id: orderParts.id })
    .prepare(),
);

/**
 * Takes a line's stock from its size in one guarded statement: only while the size and its product
 * are on sale and the size has the units, so racing checkouts can never take it below zero (the
 * caller checks the changed-row count). The product's total follows by trigger (migration 0016).
 */
const takeStock = once(() =>
  getDb()
    .update(productVariants)
    .set({ stock: sql`${productVariants.stock} - ${sql.placeholder("quantity")}` })
    .where(
      and(
        eq(productVariants.id, sql.placeholder("variantId")),
        gte(productVariants.stock, sql.placeholder("quantity")),
        isNull(productVariants.archivedAt),
        sql`EXISTS (SELECT 1 FROM ${products} WHERE ${products.id} = ${productVariants.productId} AND ${publicProduct})`,
      ),
    )
    .prepare(),
);

const insertItem = once(() =>
  getDb()
    .insert(orderItems)
    .values({
      orderId: sql.placeholder("orderId"),
      partId: sql.placeholder("partId"),
      productId: sql.placeholder("productId"),
      variantId: sql.placeholder("variantId"),
      productName: sql.placeholder("productName"),
      variantLabel: sql.placeholder("variantLabel"),
      unit: sql.placeholder("unit"),
      unitPriceVnd: sql.placeholder("unitPriceVnd"),
      quantity: sql.placeholder("quantity"),
      lineTotalVnd: sql.placeholder("lineTotalVnd"),
    })
    .prepare(),
);

const recordPlaced = once(() =>
  getDb()
    .insert(orderEvents)
    .values({
      orderId: sql.placeholder("orderId"),
      action: "place",
      toStatus: "awaiting_payment",
      actorUserId: sql.placeholder("userId"),
      source: "buyer",
      createdAt: sql.placeholder("now"),
    })
    .prepare(),
);

const emptyCart = once(() => getDb().delete(cartItems).where(eq(cartItems.cartId, sql.placeholder("cartId"))).prepare());

const orderWithCode = once(() => getDb().select({ id: orders.id }).from(orders).where(eq(orders.code, sql.placeholder("code"))).prepare());

/** A fresh random code; a clash among 32^10 codes is astronomically rare, but cheap to rule out. */
function uniqueOrderCode(): string {
  for (;;) {
    const code = generateOrderCode();
    if (!orderWithCode().get({ code })) return code;
  }
}

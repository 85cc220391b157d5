import { createCookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { PUBLIC_PRODUCT } from "../catalog/catalog.server";
import { settings } from "~/settings.server";
import type { CartLine } from "./cart";
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from "./cart";
import { sha256Hex } from "~/domain/shared/hash.server";

const GUEST_CART_DAYS = 30;

const guestCartCookie = createCookie("ocop_cart", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: settings.secureCookies,
  maxAge: GUEST_CART_DAYS * 86_400,
});

/** Whose cart: a signed-in user's, or a guest's identified by the SHA-256 of its cookie token. */
export type CartOwner = { userId: number } | { guestTokenHash: string };

async function guestTokenHash(request: Request): Promise<string | null> {
  const token: unknown = await guestCartCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && /^[\w-]{32,64}$/.test(token) ? sha256Hex(token) : null;
}

/** The request's cart owner, or null for a guest who has never added anything. */
export async function cartOwner(request: Request, userId: number | null): Promise<CartOwner | null> {
  if (userId !== null) return { userId };
  const hash = await guestTokenHash(request);
  return hash ? { guestTokenHash: hash } : null;
}

/** Like cartOwner, but gives a first-time guest a cart token (and the cookie that carries it). */
export async function cartOwnerForWriting(
  request: Request,
  userId: number | null,
): Promise<{ owner: CartOwner; setCookie: string | null }> {
  const owner = await cartOwner(request, userId);
  if (owner) return { owner, setCookie: null };
  const token = randomBytes(24).toString("base64url");
  return { owner: { guestTokenHash: sha256Hex(token) }, setCookie: await guestCartCookie.serialize(token) };
}

export function cartIdOf(owner: CartOwner): number | null {
  const row = ("userId" in owner
    ? prepared("SELECT id FROM carts WHERE user_id = ?").get(owner.userId)
    : prepared("SELECT id FROM carts WHERE guest_token_hash = ?").get(owner.guestTokenHash)) as { id: number } | undefined;
  return row?.id ?? null;
}

function ensureCartId(owner: CartOwner): number {
  const existing = cartIdOf(owner);
  if (existing !== null) return existing;
  const row = prepared(
    "INSERT INTO carts (user_id, guest_token_hash, updated_at) VALUES (:userId, :guestTokenHash, :now) RETURNING id",
  ).get({
    userId: "userId" in owner ? owner.userId : null,
    guestTokenHash: "guestTokenHash" in owner ? owner.guestTokenHash : null,
    now: Date.now(),
  }) as { id: number };
  return row.id;
}

/** Columns of a cart line, from the product as it is now (price, stock and availability are never the cart's). */
export const CART_LINE_SQL = `
  SELECT p.id AS productId, p.slug, p.name, p.unit, p.price_vnd AS priceVnd, p.stock,
    p.weight_grams AS weightGrams, ci.quantity,
    (${PUBLIC_PRODUCT}) AS available,
    pr.id AS producerId, pr.name AS producerName, pr.slug AS producerSlug,
    pr.province_code AS producerProvinceCode, pv.region AS producerRegion,
    pr.free_shipping_threshold_vnd AS freeShippingThresholdVnd,
    (SELECT file FROM product_photos WHERE product_id = p.id ORDER BY position, id LIMIT 1) AS photo
  FROM cart_items ci
  JOIN products p ON p.id = ci.product_id
  JOIN producers pr ON pr.id = p.producer_id
  JOIN provinces pv ON pv.code = pr.province_code
  WHERE ci.cart_id = ?
  ORDER BY pr.name, pr.id, ci.added_at, p.id`;

export function cartLinesById(cartId: number): CartLine[] {
  const rows = prepared(CART_LINE_SQL).all(cartId) as (Omit<CartLine, "available"> & { available: 0 | 1 })[];
  return rows.map((row) => ({ ...row, available: row.available === 1 }));
}

export function cartLines(owner: CartOwner | null): CartLine[] {
  const cartId = owner && cartIdOf(owner);
  return cartId ? cartLinesById(cartId) : [];
}

/** Number of units in the cart, for the header. */
export function cartCount(owner: CartOwner | null): number {
  if (!owner) return 0;
  const row = ("userId" in owner
    ? prepared("SELECT sum(ci.quantity) AS n FROM carts c JOIN cart_items ci ON ci.cart_id = c.id WHERE c.user_id = ?").get(owner.userId)
    : prepared("SELECT sum(ci.quantity) AS n FROM carts c JOIN cart_items ci ON ci.cart_id = c.id WHERE c.guest_token_hash = ?").get(
        owner.guestTokenHash,
      )) as { n: number | null } | undefined;
  return row?.n ?? 0;
}

export type CartChange =
  | { intent: "add"; productId: number; quantity: number }
  | { intent: "update"; productId: number; quantity: number }
  | { intent: "remove"; productId: number };

/** Why a cart change was refused; the page shows it beside the quantity. */
export type CartProblem =
  | { problem: "unavailable" }
  | { problem: "stock"; available: number; unit: string }
  | { problem: "full" };

/**
 * Adds, sets or removes a line. A quantity is limited by the stock on hand now (checkout checks
 * again, atomically); products that are not on sale cannot be added.
 */
export function changeCart(owner: CartOwner, change: CartChange): CartProblem | null {
  const db = getDb().$client;
  return db.transaction((): CartProblem | null => {
    const cartId = ensureCartId(owner);
    const now = Date.now();
    prepared("UPDATE carts SET updated_at = ? WHERE id = ?").run(now, cartId);
    if (change.intent === "remove" || (change.intent === "update" && change.quantity === 0)) {
      prepared("DELETE FROM cart_items WHERE cart_id = ? AND product_id = ?").run(cartId, change.productId);
      return null;
    }
    const product = prepared(
      `SELECT p.stock, p.unit, (${PUBLIC_PRODUCT}) AS available FROM products p WHERE p.id = ?`,
    ).get(change.productId) as { stock: number; unit: string; available: 0 | 1 } | undefined;
    if (!product || product.available === 0) return { problem: "unavailable" };
    const current = prepared("SELECT quantity FROM cart_items WHERE cart_id = ? AND product_id = ?").get(
      cartId,
      change.productId,
    ) as { quantity: number } | undefined;
    if (!current) {
      const { lines } = prepared("SELECT count(*) AS lines FROM cart_items WHERE cart_id = ?").get(cartId) as { lines: number };
      if (lines >= MAX_CART_LINES) return { problem: "full" };
    }
    const wanted = change.intent === "add" ? (current?.quantity ?? 0) + change.quantity : change.quantity;
    if (wanted > product.stock || wanted > MAX_LINE_QUANTITY) {
      return { problem: "stock", available: Math.min(product.stock, MAX_LINE_QUANTITY), unit: product.unit };
    }
    prepared(
      `INSERT INTO cart_items (cart_id, product_id, quantity, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = excluded.quantity`,
    ).run(cartId, change.productId, wanted, now);
    return null;
  }).immediate();
}

/**
 * At sign-in the guest's cart joins the user's: quantities add up (within stock) and the guest cart
 * and its cookie go. Returns the Set-Cookie header that clears the cookie, or null if there was none.
 */
export async function adoptGuestCart(request: Request, userId: number): Promise<string | null> {
  const hash = await guestTokenHash(request);
  if (!hash) return null;
  const db = getDb().$client;
  db.transaction(() => {
    const guestCartId = cartIdOf({ guestTokenHash: hash });
    if (guestCartId === null) return;
    const userCartId = ensureCartId({ userId });
    prepared(
      `INSERT INTO cart_items (cart_id, product_id, quantity, added_at)
       SELECT :userCartId, gi.product_id, min(gi.quantity, max(p.stock, 1)), gi.added_at
       FROM cart_items gi JOIN products p ON p.id = gi.product_id WHERE gi.cart_id = :guestCartId
       ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = max(1, min(
         quantity + excluded.quantity,
         (SELECT stock FROM products WHERE id = excluded.product_id), :maxQuantity))`,
    ).run({ userCartId, guestCartId, maxQuantity: MAX_LINE_QUANTITY });
    prepared("DELETE FROM carts WHERE id = ?").run(guestCartId);
    prepared("UPDATE carts SET updated_at = ? WHERE id = ?").run(Date.now(), userCartId);
  }).immediate();
  return guestCartCookie.serialize("", { maxAge: 0 });
}

/** Drops guest carts nobody has touched for a month (their cookies have expired too). */
export function forgetStaleGuestCarts(now = Date.now()) {
  prepared("DELETE FROM carts WHERE guest_token_hash IS NOT NULL AND updated_at < ?").run(now - GUEST_CART_DAYS * 86_400_000);
}

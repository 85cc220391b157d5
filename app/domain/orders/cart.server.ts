import { createCookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { publicProduct } from "../catalog/catalog.server";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { cartItems, carts, producers, productPhotos, products, productVariants, provinces } from "~/db/schema";
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

const cartIdByUser = once(() =>
  getDb().select({ id: carts.id }).from(carts).where(eq(carts.userId, sql.placeholder("userId"))).prepare(),
);
const cartIdByGuest = once(() =>
  getDb().select({ id: carts.id }).from(carts).where(eq(carts.guestTokenHash, sql.placeholder("guestTokenHash"))).prepare(),
);

export function cartIdOf(owner: CartOwner): number | null {
  const row = "userId" in owner ? cartIdByUser().get({ userId: owner.userId }) : cartIdByGuest().get({ guestTokenHash: owner.guestTokenHash });
  return row?.id ?? null;
}

const insertCart = once(() =>
  getDb()
    .insert(carts)
    .values({ userId: sql.placeholder("userId"), guestTokenHash: sql.placeholder("guestTokenHash"), updatedAt: sql.placeholder("now") })
    .returning({ id: carts.id })
    .prepare(),
);

function ensureCartId(owner: CartOwner): number {
  const existing = cartIdOf(owner);
  if (existing !== null) return existing;
  const row = insertCart().get({
    userId: "userId" in owner ? owner.userId : null,
    guestTokenHash: "guestTokenHash" in owner ? owner.guestTokenHash : null,
    now: Date.now(),
  });
  // RETURNING of an INSERT that did not throw always gives its row.
  return row!.id;
}


/** A size on sale: its product is public and the producer has not archived it. */
const variantOnSale = sql`${publicProduct} AND ${productVariants.archivedAt} IS NULL`;

/** A cart line, from the size as it is now (price, stock and availability are never the cart's). */
const cartLinesOfCart = once(() =>
  getDb()
    .select({
      productId: products.id,
      variantId: productVariants.id,
      variantLabel: productVariants.label,
      slug: products.slug,
      name: products.name,
      unit: products.unit,
      priceVnd: productVariants.priceVnd,
      stock: productVariants.stock,
      weightGrams: productVariants.weightGrams,
      quantity: cartItems.quantity,
      available: sql<boolean>`${variantOnSale}`.mapWith(Boolean),
      producerId: producers.id,
      producerName: producers.name,
      producerSlug: producers.slug,
      producerProvinceCode: producers.provinceCode,
      producerRegion: provinces.region,
      freeShippingThresholdVnd: producers.freeShippingThresholdVnd,
      photo: sql<string | null>`(SELECT ${productPhotos.file} FROM ${productPhotos} WHERE ${productPhotos.productId} = ${products.id}
        ORDER BY ${productPhotos.position}, ${productPhotos.id} LIMIT 1)`,
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(producers, eq(producers.id, products.producerId))
    .innerJoin(provinces, eq(provinces.code, producers.provinceCode))
    .where(eq(cartItems.cartId, sql.placeholder("cartId")))
    // Grouped by producer (groupByProducer relies on it), then in the order the lines were added.
    .orderBy(asc(producers.name), asc(producers.id), asc(cartItems.addedAt), asc(productVariants.id))
    .prepare(),
);

export function cartLinesById(cartId: number): CartLine[] {
  return cartLinesOfCart().all({ cartId });
}

export function cartLines(owner: CartOwner | null): CartLine[] {
  const cartId = owner && cartIdOf(owner);
  return cartId ? cartLinesById(cartId) : [];
}

const unitsInCart = sql<number | null>`sum(${cartItems.quantity})`;
const cartCountByUser = once(() =>
  getDb()
    .select({ units: unitsInCart })
    .from(carts)
    .innerJoin(cartItems, eq(cartItems.cartId, carts.id))
    .where(eq(carts.userId, sql.placeholder("userId")))
    .prepare(),
);
const cartCountByGuest = once(() =>
  getDb()
    .select({ units: unitsInCart })
    .from(carts)
    .innerJoin(cartItems, eq(cartItems.cartId, carts.id))
    .where(eq(carts.guestTokenHash, sql.placeholder("guestTokenHash")))
    .prepare(),
);

/** Number of units in the cart, for the header. */
export function cartCount(owner: CartOwner | null): number {
  if (!owner) return 0;
  const row = "userId" in owner ? cartCountByUser().get({ userId: owner.userId }) : cartCountByGuest().get({ guestTokenHash: owner.guestTokenHash });
  return row?.units ?? 0;
}

/** Which size: by its id, or by its product's for a product sold in one size (ADR 0020). */
type LineTarget = { variantId?: number; productId?: number };

export type CartChange =
  | ({ intent: "add"; quantity: number } & LineTarget)
  | ({ intent: "update"; quantity: number } & LineTarget)
  | ({ intent: "remove" } & LineTarget);

/** Why a cart change was refused; the page shows it beside the quantity. */
export type CartProblem =
  | { problem: "unavailable" }
  | { problem: "stock"; available: number; unit: string }
  | { problem: "full" }
  | { problem: "chooseSize" };

const touchCart = once(() =>
  getDb()
    .update(carts)
    .set({ updatedAt: sql`${sql.placeholder("now")}` })
    .where(eq(carts.id, sql.placeholder("cartId")))
    .prepare(),
);
const removeLine = once(() =>
  getDb()
    .delete(cartItems)
    .where(and(eq(cartItems.cartId, sql.placeholder("cartId")), eq(cartItems.variantId, sql.placeholder("variantId"))))
    .prepare(),
);
const variantForCart = once(() =>
  getDb()
    .select({ productId: productVariants.productId, stock: productVariants.stock, unit: products.unit, available: sql<boolean>`${variantOnSale}`.mapWith(Boolean) })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(productVariants.id, sql.placeholder("variantId")))
    .prepare(),
);
/** The sizes of a product on sale, for a change that names only the product. */
const sizesOfProduct = once(() =>
  getDb()
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.productId, sql.placeholder("productId")), isNull(productVariants.archivedAt)))
    .limit(2)
    .prepare(),
);
const lineQuantity = once(() =>
  getDb()
    .select({ quantity: cartItems.quantity })
    .from(cartItems)
    .where(and(eq(cartItems.cartId, sql.placeholder("cartId")), eq(cartItems.variantId, sql.placeholder("variantId"))))
    .prepare(),
);
const lineCount = once(() =>
  getDb().select({ lines: count() }).from(cartItems).where(eq(cartItems.cartId, sql.placeholder("cartId"))).prepare(),
);
/** The value an upsert tried to insert into `column` (SQLite's `excluded` row). */
const excluded = (column: SQLiteColumn) => sql`excluded.${sql.identifier(column.name)}`;

const setLine = once(() =>
  getDb()
    .insert(cartItems)
    .values({
      cartId: sql.placeholder("cartId"),
      variantId: sql.placeholder("variantId"),
      quantity: sql.placeholder("quantity"),
      addedAt: sql.placeholder("now"),
    })
    // A line already there keeps its place in the cart (added_at); only its quantity changes.
    .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity: excluded(cartItems.quantity) } })
    .prepare(),
);

/**
 * The size a change means: the one named, which must be of the product if one is named too; or the
 * product's only size on sale. A product in several sizes named alone is `chooseSize`.
 */
function sizeOf(target: LineTarget): number | "chooseSize" | null {
  if (target.variantId !== undefined) {
    const size = variantForCart().get({ variantId: target.variantId });
    return size && (target.productId === undefined || size.productId === target.productId) ? target.variantId : null;
  }
  const sizes = sizesOfProduct().all({ productId: target.productId ?? 0 });
  if (sizes.length > 1) return "chooseSize";
  return sizes[0]?.id ?? null;
}

/**
 * Adds, sets or removes a line. A quantity is limited by the stock on hand now (checkout checks
 * again, atomically); sizes that are not on sale cannot be added.
 */
export function changeCart(owner: CartOwner, change: CartChange): CartProblem | null {
  return getDb().transaction(
    (): CartProblem | null => {
      const cartId = ensureCartId(owner);
      const now = Date.now();
      touchCart().run({ cartId, now });
      const variantId = sizeOf(change);
      if (variantId === "chooseSize") return { problem: "chooseSize" };
      if (change.intent === "remove" || (change.intent === "update" && change.quantity === 0)) {
        if (variantId !== null) removeLine().run({ cartId, variantId });
        return null;
      }
      const product = variantId === null ? undefined : variantForCart().get({ variantId });
      if (variantId === null || !product || !product.available) return { problem: "unavailable" };
      const current = lineQuantity().get({ cartId, variantId });
      if (!current) {
        const { lines } = lineCount().get({ cartId })!;
        if (lines >= MAX_CART_LINES) return { problem: "full" };
      }
      const wanted = change.intent === "add" ? (current?.quantity ?? 0) + change.quantity : change.quantity;
      if (wanted > product.stock || wanted > MAX_LINE_QUANTITY) {
        return { problem: "stock", available: Math.min(product.stock, MAX_LINE_QUANTITY), unit: product.unit };
      }
      setLine().run({ cartId, variantId, quantity: wanted, now });
      return null;
    },
    { behavior: "immediate" },
  );
}

/**
 * At sign-in the guest's cart joins the user's: quantities add up (within stock) and the guest cart
 * and its cookie go. Returns the Set-Cookie header that clears the cookie, or null if there was none.
 */
export async function adoptGuestCart(request: Request, userId: number): Promise<string | null> {
  const hash = await guestTokenHash(request);
  if (!hash) return null;
  getDb().transaction(
    (tx) => {
      const guestCartId = cartIdOf({ guestTokenHash: hash });
      if (guestCartId === null) return;
      const userCartId = ensureCartId({ userId });
      // Each guest line is capped by the stock, at least 1 (a line holds a unit or more; a sold-out one stays
      // in the cart, shown as such); a product already in the user's cart adds up, within stock and the line maximum.
      const guestItems = alias(cartItems, "guest_items");
      const guestLines = tx
        .select({
          cartId: sql<number>`${userCartId}`.as("cart_id"),
          variantId: guestItems.variantId,
          quantity: sql<number>`min(${guestItems.quantity}, max(${productVariants.stock}, 1))`.as("quantity"),
          addedAt: guestItems.addedAt,
        })
        .from(guestItems)
        .innerJoin(productVariants, eq(productVariants.id, guestItems.variantId))
        .where(eq(guestItems.cartId, guestCartId));
      const stockOfSize = sql`(SELECT ${productVariants.stock} FROM ${productVariants} WHERE ${productVariants.id} = ${excluded(cartItems.variantId)})`;
      tx.insert(cartItems)
        .select(guestLines)
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.variantId],
          set: {
            quantity: sql`max(1, min(${cartItems.quantity} + ${excluded(cartItems.quantity)}, ${stockOfSize}, ${MAX_LINE_QUANTITY}))`,
          },
        })
        .run();
      tx.delete(carts).where(eq(carts.id, guestCartId)).run();
      tx.update(carts).set({ updatedAt: Date.now() }).where(eq(carts.id, userCartId)).run();
    },
    { behavior: "immediate" },
  );
  return guestCartCookie.serialize("", { maxAge: 0 });
}

/** Drops guest carts nobody has touched for a month (their cookies have expired too). */
export function forgetStaleGuestCarts(now = Date.now()) {
  getDb()
    .delete(carts)
    .where(and(isNotNull(carts.guestTokenHash), lt(carts.updatedAt, now - GUEST_CART_DAYS * 86_400_000)))
    .run();
}

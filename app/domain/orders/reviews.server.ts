import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orderItems, orderParts, orders, producers, products, reviews, users } from "~/db/schema";
import { parseLoginId } from "../accounts/login-id";
import { reviewerName } from "./reviews";
import { enqueueReviewReceived } from "../messages/events.server";

export type ReviewOutcome = "ok" | "not_delivered" | "already_reviewed" | "own_goods";

interface Purchase {
  userId: number | null;
  fullName: string;
  phone: string;
  email: string | null;
  ownerUserId: number | null;
  producerPhone: string | null;
  ownerPhone: string | null;
  ownerEmail: string | null;
}

/**
 * Whether the producer bought its own goods: the order was placed from the producer's own account
 * (or is reviewed from it), or carries the producer's phone, its owner's login phone or email.
 * Numbers are compared in their canonical form: a profile saved before the form canonicalised its
 * phone may hold "0939 123 456" where the order holds "0939123456".
 */
function producersOwnPurchase(p: Purchase, reviewerUserId: number | null): boolean {
  if (p.ownerUserId !== null && (p.userId === p.ownerUserId || reviewerUserId === p.ownerUserId)) return true;
  const canonical = (phone: string | null) => (phone === null ? null : (parseLoginId(phone)?.value ?? null));
  const buyerPhone = canonical(p.phone);
  if (buyerPhone !== null && (buyerPhone === canonical(p.producerPhone) || buyerPhone === canonical(p.ownerPhone))) return true;
  return p.email !== null && p.email === p.ownerEmail;
}

/**
 * A verified buyer's review: only for a product of this order whose part was delivered, once per
 * product per order and, for a signed-in buyer, once per product at all; never the producer's own
 * (an order of its own goods would buy it a "verified buyer" badge). Keeps the product's rating cache.
 */
export function addReview(
  orderId: number,
  review: { productId: number; stars: number; body?: string },
  { reviewerUserId = null, now = Date.now() }: { reviewerUserId?: number | null; now?: number } = {},
): ReviewOutcome {
  return getDb().transaction((tx): ReviewOutcome => {
    const bought: Purchase | undefined = tx
      .select({
        userId: orders.userId,
        fullName: orders.fullName,
        phone: orders.phone,
        email: orders.email,
        ownerUserId: producers.ownerUserId,
        producerPhone: producers.phone,
        ownerPhone: users.phone,
        ownerEmail: users.email,
      })
      .from(orderItems)
      .innerJoin(orderParts, eq(orderParts.id, orderItems.partId))
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .innerJoin(producers, eq(producers.id, orderParts.producerId))
      .leftJoin(users, eq(users.id, producers.ownerUserId))
      .where(and(eq(orderItems.orderId, orderId), eq(orderItems.productId, review.productId), eq(orderParts.status, "delivered")))
      .limit(1)
      .get();
    if (!bought) return "not_delivered";
    if (producersOwnPurchase(bought, reviewerUserId)) return "own_goods";
    const inserted = tx
      .insert(reviews)
      .values({
        productId: review.productId,
        orderId,
        userId: bought.userId,
        authorName: reviewerName(bought.fullName),
        stars: review.stars,
        body: review.body ?? "",
        createdAt: now,
      })
      // Once per product per order, and per product for a signed-in buyer (the unique indexes).
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return "already_reviewed";
    tx.update(products)
      .set({ ratingCount: sql`${products.ratingCount} + 1`, ratingSum: sql`${products.ratingSum} + ${review.stars}` })
      .where(eq(products.id, review.productId))
      .run();
    enqueueReviewReceived(tx, { id: Number(inserted.lastInsertRowid), productId: review.productId, stars: review.stars }, now);
    return "ok";
  });
}

/**
 * The reviews of a refunded part stop counting: they are marked withdrawn and taken out of their
 * products' rating, in the transaction of the refund (movePart calls this). A producer who bought its
 * own goods, reviewed them and got the money back keeps no rating from it.
 */
export function withdrawPartReviews(partId: number, now = Date.now()) {
  const db = getDb();
  // A row value IN: the reviews of exactly the (order, product) pairs of this part.
  const withdrawn = db
    .update(reviews)
    .set({ withdrawnAt: now })
    .where(
      and(
        isNull(reviews.withdrawnAt),
        sql`(${reviews.orderId}, ${reviews.productId}) IN (SELECT ${orderItems.orderId}, ${orderItems.productId} FROM ${orderItems} WHERE ${orderItems.partId} = ${partId})`,
      ),
    )
    .returning({ productId: reviews.productId, stars: reviews.stars })
    .all();
  for (const { productId, stars } of withdrawn) {
    db.update(products)
      .set({ ratingCount: sql`${products.ratingCount} - 1`, ratingSum: sql`${products.ratingSum} - ${stars}` })
      .where(eq(products.id, productId))
      .run();
  }
}

export interface ReviewView {
  id: number;
  authorName: string;
  stars: number;
  body: string;
  createdAt: number;
}

// Prepared once: every product page shows them.
const latestOfProduct = once(() =>
  getDb()
    .select({ id: reviews.id, authorName: reviews.authorName, stars: reviews.stars, body: reviews.body, createdAt: reviews.createdAt })
    .from(reviews)
    .where(and(eq(reviews.productId, sql.placeholder("productId")), isNull(reviews.withdrawnAt)))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

export function latestReviews(productId: number, limit = 10): ReviewView[] {
  return latestOfProduct().all({ productId, limit });
}

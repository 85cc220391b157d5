import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { parseLoginId } from "../accounts/login-id";
import { reviewerName } from "./reviews";

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
  return getDb().$client.transaction((): ReviewOutcome => {
    const bought = prepared(
      `SELECT o.user_id AS userId, o.full_name AS fullName, o.phone, o.email, pr.owner_user_id AS ownerUserId,
         pr.phone AS producerPhone, u.phone AS ownerPhone, u.email AS ownerEmail
       FROM order_items i
       JOIN order_parts p ON p.id = i.part_id JOIN orders o ON o.id = i.order_id
       JOIN producers pr ON pr.id = p.producer_id LEFT JOIN users u ON u.id = pr.owner_user_id
       WHERE i.order_id = ? AND i.product_id = ? AND p.status = 'delivered' LIMIT 1`,
    ).get(orderId, review.productId) as Purchase | undefined;
    if (!bought) return "not_delivered";
    if (producersOwnPurchase(bought, reviewerUserId)) return "own_goods";
    const inserted = prepared(
      `INSERT INTO reviews (product_id, order_id, user_id, author_name, stars, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(review.productId, orderId, bought.userId, reviewerName(bought.fullName), review.stars, review.body ?? "", now);
    if (inserted.changes === 0) return "already_reviewed";
    prepared("UPDATE products SET rating_count = rating_count + 1, rating_sum = rating_sum + ? WHERE id = ?").run(
      review.stars,
      review.productId,
    );
    return "ok";
  })();
}

/**
 * The reviews of a refunded part stop counting: they are marked withdrawn and taken out of their
 * products' rating, in the transaction of the refund (movePart calls this). A producer who bought its
 * own goods, reviewed them and got the money back keeps no rating from it.
 */
export function withdrawPartReviews(partId: number, now = Date.now()) {
  const withdrawn = prepared(
    `UPDATE reviews SET withdrawn_at = ?
     WHERE withdrawn_at IS NULL AND (order_id, product_id) IN (SELECT order_id, product_id FROM order_items WHERE part_id = ?)
     RETURNING product_id AS productId, stars`,
  ).all(now, partId) as { productId: number; stars: number }[];
  for (const { productId, stars } of withdrawn) {
    prepared("UPDATE products SET rating_count = rating_count - 1, rating_sum = rating_sum - ? WHERE id = ?").run(stars, productId);
  }
}

export interface ReviewView {
  id: number;
  authorName: string;
  stars: number;
  body: string;
  createdAt: number;
}

export function latestReviews(productId: number, limit = 10): ReviewView[] {
  return prepared(
    `SELECT id, author_name AS authorName, stars, body, created_at AS createdAt FROM reviews
     WHERE product_id = ? AND withdrawn_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(productId, limit) as ReviewView[];
}

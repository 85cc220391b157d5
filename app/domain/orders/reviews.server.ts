import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { reviewerName } from "./reviews";

export type ReviewOutcome = "ok" | "not_delivered" | "already_reviewed";

/**
 * A verified buyer's review: only for a product of this order whose part was delivered, once per
 * product per order and, for a signed-in buyer, once per product at all. Keeps the product's rating cache.
 */
export function addReview(
  orderId: number,
  review: { productId: number; stars: number; body?: string },
  now = Date.now(),
): ReviewOutcome {
  return getDb().$client.transaction((): ReviewOutcome => {
    const bought = prepared(
      `SELECT o.user_id AS userId, o.full_name AS fullName FROM order_items i
       JOIN order_parts p ON p.id = i.part_id JOIN orders o ON o.id = i.order_id
       WHERE i.order_id = ? AND i.product_id = ? AND p.status = 'delivered' LIMIT 1`,
    ).get(orderId, review.productId) as { userId: number | null; fullName: string } | undefined;
    if (!bought) return "not_delivered";
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
     WHERE product_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
  ).all(productId, limit) as ReviewView[];
}

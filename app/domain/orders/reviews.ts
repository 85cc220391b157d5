import { z } from "zod";
import { message } from "../shared/form-messages";

/** A review form: 1–5 stars and an optional text, for one product of a delivered order. */
export const reviewSchema = z.object({
  productId: z.coerce.number().int().positive(),
  stars: z.coerce
    .number({ invalid_type_error: message("review.error.stars"), required_error: message("review.error.stars") })
    .int(message("review.error.stars"))
    .min(1, message("review.error.stars"))
    .max(5, message("review.error.stars")),
  body: z.string().trim().max(2000, message("review.error.body")).optional(),
});

/** How a reviewer is shown: given name and family initial ("Nguyễn Văn An" → "An N."), never the full name. */
export function reviewerName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "—";
  if (words.length === 1) return words[0]!;
  return `${words[words.length - 1]} ${words[0]!.charAt(0).toUpperCase()}.`;
}

/**
 * Which of the order page's forms posted: "pay" (the Stripe button) or, by default, a review (its form
 * sends no intent, as it always has). The review's own fields are `reviewSchema`'s.
 */
export const orderPageIntentSchema = z.object({ intent: z.enum(["pay", "payos", "review"]).catch("review") });

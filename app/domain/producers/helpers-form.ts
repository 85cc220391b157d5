import { z } from "zod";
import { message } from "../shared/form-messages";

const id = z.number({ invalid_type_error: message("form.invalid") }).int().positive();

/**
 * A helper's forms on /seller: redeem an invite code (its checks, and their limits, are the domain's,
 * so any text goes through), or choose the producer to work for.
 */
export const helperHomeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("redeem"), code: z.string().max(100).optional() }),
  z.object({ intent: z.literal("actFor"), producerId: id }),
]);

/** A producer's forms on /seller/helpers: make an invite code, or take a helper's access away. */
export const helpersSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("revoke"), grantId: id }),
]);

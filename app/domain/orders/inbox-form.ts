import { z } from "zod";
import { message, required } from "../shared/form-messages";
import type { ProducerMove } from "./inbox.server";

const partId = z.coerce.number().int().positive();

/** The producer's order moves (PRODUCT.md §3 orders inbox): one intent per button. */
export const inboxMoveSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), partId }),
  z.object({
    intent: z.literal("ship"),
    partId,
    carrier: z.string(required).trim().min(2, message("inbox.error.carrier")).max(60, message("inbox.error.carrier")),
    trackingNumber: z
      .string(required)
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, message("inbox.error.tracking")),
  }),
  z.object({ intent: z.literal("deliver"), partId }),
  z.object({
    intent: z.literal("cancel"),
    partId,
    reason: z.string(required).trim().min(5, message("inbox.error.reason")).max(300, message("inbox.error.reason")),
  }),
  z.object({ intent: z.literal("markPaid"), partId }),
]);

type PartMoveForm = Exclude<z.infer<typeof inboxMoveSchema>, { intent: "markPaid" }>;

/** A move form's values as the domain's move: the form's button is named `intent`, the move `action`. */
export function producerMoveOf(form: PartMoveForm): ProducerMove {
  switch (form.intent) {
    case "ship":
      return { action: "ship", carrier: form.carrier, trackingNumber: form.trackingNumber };
    case "cancel":
      return { action: "cancel", reason: form.reason };
    default:
      return { action: form.intent };
  }
}

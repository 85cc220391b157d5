import { z } from "zod";
import { message } from "../shared/form-messages";
import { REPORT_REASONS } from "./report-reasons";


/** A shopper's report of a listing (PRODUCT.md §3). */
export const reportSchema = z.object({
  reason: z.enum(REPORT_REASONS, { errorMap: () => ({ message: message("report.error.reason") }) }),
  details: z.string().trim().max(1000, message("report.error.details")).optional(),
  website: z.string().max(0, message("account.error.bot")).optional(),
});

export const moderationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("hide"),
    reportId: z.coerce.number().int().positive().optional(),
    productId: z.coerce.number().int().positive(),
    note: z.string().trim().min(5, message("moderation.error.note")).max(500, message("moderation.error.note")),
  }),
  z.object({
    intent: z.literal("restore"),
    productId: z.coerce.number().int().positive(),
    note: z.string().trim().min(5, message("moderation.error.note")).max(500, message("moderation.error.note")),
  }),
  z.object({
    intent: z.literal("dismiss"),
    reportId: z.coerce.number().int().positive(),
    note: z.string().trim().min(5, message("moderation.error.note")).max(500, message("moderation.error.note")),
  }),
]);

import { z } from "zod";
import { isIsoDate } from "../shared/dates";
import { message, required } from "../shared/form-messages";
import { starsForScore } from "./certificate";

const isoDate = z
  .string(required)
  .trim()
  .refine((v) => isIsoDate(v), message("cert.error.date"));

/** Recording an OCOP certificate (PRODUCT.md §2): the expiry and issuer follow from the stars and the date. */
export const recordCertificateSchema = z
  .object({
    producerId: z.coerce.number().int().positive(),
    productIds: z
      .array(z.coerce.number().int().positive(), { required_error: message("cert.error.products") })
      .min(1, message("cert.error.products"))
      .max(50, message("cert.error.products")),
    stars: z.coerce.number({ invalid_type_error: message("cert.error.stars") }).int().min(3, message("cert.error.stars")).max(5, message("cert.error.stars")),
    score: z.coerce.number().int().min(50, message("cert.error.score")).max(100, message("cert.error.score")).optional(),
    number: z.string(required).trim().min(3, message("cert.error.number")).max(60, message("cert.error.number")),
    decisionDate: isoDate,
  })
  .superRefine((value, ctx) => {
    if (value.score !== undefined && starsForScore(value.score) !== value.stars) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["score"], message: message("cert.error.scoreBand") });
    }
  });
export type RecordCertificateInput = z.infer<typeof recordCertificateSchema>;

export const revokeCertificateSchema = z.object({
  intent: z.literal("revoke"),
  reason: z.string(required).trim().min(5, message("cert.error.reason")).max(500, message("cert.error.reason")),
});

export const renewCertificateSchema = z.object({
  intent: z.literal("renew"),
  number: z.string(required).trim().min(3, message("cert.error.number")).max(60, message("cert.error.number")),
  decisionDate: isoDate,
});

/** The two forms on a certificate's staff page, told apart by their `intent`. */
export const certificateActionSchema = z.discriminatedUnion("intent", [revokeCertificateSchema, renewCertificateSchema]);

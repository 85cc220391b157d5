import { z } from "zod";
import { message, required } from "../shared/form-messages";

/** The seller's identity form, and staff's record of how they verified it (identity.ts has the rules). */
export const identitySchema = z.object({
  legalName: z.string(required).trim().min(2, message("identity.error.legalName")).max(150, message("identity.error.legalName")),
  taxCode: z.string(required).trim().min(1, message("identity.error.taxCode")).max(30, message("identity.error.taxCode")),
  taxResidency: z.enum(["resident", "non_resident"], { errorMap: () => ({ message: message("form.invalid") }) }),
});

export const identityCheckSchema = z.object({
  producerId: z.coerce.number().int().positive(),
  method: z.enum(["vneid", "papers"], { errorMap: () => ({ message: message("identity.error.method") }) }),
  note: z.string(required).trim().min(5, message("identity.error.note")).max(300, message("identity.error.note")),
});

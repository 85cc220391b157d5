import { z } from "zod";
import { parseLoginId } from "../accounts/login-id";
import { ENTITY_TYPES } from "./entity-types";
import { message, required } from "../shared/form-messages";

/** The producer profile a producer fills in before staff verify it (the payout account has its own form). */
export const profileSchema = z.object({
  name: z.string(required).trim().min(2, message("profile.error.name")).max(150, message("profile.error.name")),
  entityType: z.enum(ENTITY_TYPES, { errorMap: () => ({ message: message("profile.error.entityType") }) }),
  provinceCode: z.string(required).regex(/^\d{2}$/, message("profile.error.province")),
  wardCode: z.string({ required_error: message("profile.error.ward") }).regex(/^\d{5}$/, message("profile.error.ward")),
  addressLine: z.string(required).trim().min(3, message("profile.error.address")).max(200, message("profile.error.address")),
  phone: z.string(required).transform((value, ctx) => {
    const id = parseLoginId(value);
    if (id?.kind !== "phone") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: message("profile.error.phone") });
      return z.NEVER;
    }
    return id.value;
  }),
  story: z.string().trim().max(4000, message("profile.error.story")).optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

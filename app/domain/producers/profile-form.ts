import { z } from "zod";
import { parseLoginId } from "../accounts/login-id";
import { ENTITY_TYPES } from "./entity-types";
import { message, required } from "../shared/form-messages";

/** The producer profile a producer fills in before staff verify it (the payout account has its own form). */
export const profileSchema = z.object({
  name: z.string(required).trim().min(2, message("profile.error.name")).max(150, message("profile.error.name")),
  entityType: z.enum(ENTITY_TYPES, { errorMap: () => ({ message: message("profile.error.entityType") }) }),
  /**
   * Where the producer is: the commune as typed ("my xuyen", "Tân Phú, Đồng Nai"), resolved by the
   * domain, or its code when picked from the suggestions or a list of same-named communes. The
   * province follows from the commune; a `provinceCode` sent with it must agree.
   */
  commune: z.string().trim().max(150, message("profile.error.commune")).optional(),
  wardCode: z.string().regex(/^\d{5}$/, message("profile.error.ward")).optional(),
  provinceCode: z.string().regex(/^\d{2}$/, message("profile.error.province")).optional(),
  /** The hamlet, house number or street: optional, many farms have none. */
  addressLine: z.string().trim().max(200, message("profile.error.address")).optional(),
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

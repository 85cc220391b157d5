import { z } from "zod";
import { parseLoginId } from "../accounts/login-id";
import { message, required } from "../shared/form-messages";
import { CARRIERS } from "./carrier-codes";

const partId = z.coerce.number().int().positive();
const carrier = z.enum(CARRIERS, { errorMap: () => ({ message: message("shipping.error.carrier") }) });
const cm = z.coerce.number({ invalid_type_error: message("shipping.error.size") }).int(message("shipping.error.size")).min(1, message("shipping.error.size")).max(150, message("shipping.error.size"));

/** The inbox's carrier intents (issue 18): book a pick-up, cancel it. */
export const shipmentIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("book"),
    partId,
    carrier,
    weightGrams: z.coerce.number({ invalid_type_error: message("shipping.error.weight") }).int(message("shipping.error.weight")).min(1, message("shipping.error.weight")).max(30_000, message("shipping.error.weight")),
    lengthCm: cm,
    widthCm: cm,
    heightCm: cm,
  }),
  z.object({ intent: z.literal("cancelShipment"), partId }),
]);

/** The producer's carriers and pick-up address (`/seller/shipping`). */
export const shippingSettingsSchema = z.object({
  carriers: z.array(carrier).max(CARRIERS.length).default([]),
  defaultCarrier: carrier.optional(),
  contactName: z.string(required).trim().min(2, message("shipping.error.contactName")).max(100, message("shipping.error.contactName")),
  phone: z.string(required).transform((value, ctx) => {
    const id = parseLoginId(value);
    if (id?.kind !== "phone") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: message("profile.error.phone") });
      return z.NEVER;
    }
    return id.value;
  }),
  wardCode: z.string(required).regex(/^\d{5}$/, message("profile.error.ward")),
  addressLine: z.string(required).trim().min(3, message("shipping.error.address")).max(200, message("shipping.error.address")),
});

import { z } from "zod";
import { message, required } from "../shared/form-messages";

const orderCode = z.string(required).trim().toUpperCase().regex(/^[A-Z0-9]{10,12}$/, message("staffPay.error.code"));
const note = (key: "staffPay.error.resolution" | "staffPay.error.reason") =>
  z.string(required).trim().min(5, message(key)).max(300, message(key));

/** The staff's payment actions: close a stray payment, mark an order paid by hand, refund. */
export const staffPaymentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resolve"), kind: z.enum(["bank", "stripe"]), id: z.string().min(1).max(100), resolution: note("staffPay.error.resolution") }),
  z.object({ intent: z.literal("markPaid"), orderCode }),
  z.object({
    intent: z.literal("refund"),
    orderCode,
    // "" is the "whole order" choice.
    partId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
    reason: note("staffPay.error.reason"),
  }),
]);

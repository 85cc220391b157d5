import { z } from "zod";
import { parseLoginId } from "../accounts/login-id";
import { message, required } from "../shared/form-messages";

export const PAYMENT_METHODS = ["vietqr", "stripe", "payos", "vnpay", "momo"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * What a way to pay takes, in đồng, where it is narrower than an order may be: MoMo's wallet payment
 * (`captureWallet`) takes 1,000 to 50,000,000 ₫ [C: developers.momo.vn, one-time payment].
 */
const AMOUNT_LIMITS: Partial<Record<PaymentMethod, { min: number; max: number }>> = {
  momo: { min: 1_000, max: 50_000_000 },
};

export function methodTakesAmount(method: PaymentMethod, amountVnd: number): boolean {
  const limits = AMOUNT_LIMITS[method];
  return !limits || (amountVnd >= limits.min && amountVnd <= limits.max);
}

const voucherCodeField = z
  .string()
  .transform((v) => v.trim().toUpperCase().replace(/\s+/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, message("voucher.error.unknown")))
  .optional();

/** The checkout form of PRODUCT.md §5. Prices and fees are not fields: the server computes them. */
export const checkoutSchema = z.object({
  fullName: z.string(required).trim().min(2, message("checkout.error.fullName")).max(100, message("checkout.error.fullName")),
  phone: z.string(required).transform((value, ctx) => {
    const id = parseLoginId(value);
    if (id?.kind !== "phone") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: message("checkout.error.phone") });
      return z.NEVER;
    }
    return id.value;
  }),
  email: z
    .string()
    .trim()
    .max(254, message("checkout.error.email"))
    .email(message("checkout.error.email"))
    .transform((v) => v.toLowerCase())
    .optional(),
  provinceCode: z.string({ required_error: message("checkout.error.province") }).regex(/^\d{2}$/, message("checkout.error.province")),
  wardCode: z.string({ required_error: message("checkout.error.ward") }).regex(/^\d{5}$/, message("checkout.error.ward")),
  addressLine: z.string(required).trim().min(3, message("checkout.error.address")).max(200, message("checkout.error.address")),
  paymentMethod: z.enum(PAYMENT_METHODS, { errorMap: () => ({ message: message("checkout.error.paymentMethod") }) }),
  // A producer's voucher code (ADR 0019), optional; typed in any case, read upper-case without spaces.
  voucherCode: voucherCodeField,
  // The total the page showed, checked (never used as a price) so nobody pays a total they did not see.
  expectedTotal: z.coerce.number().int().nonnegative().optional(),
  // Honeypot: a bot that fills every field would otherwise hold stock for half an hour.
  website: z.string().max(0, message("account.error.bot")).optional(),
});
export type CheckoutInput = z.infer<typeof checkoutSchema>;

/**
 * Which checkout submit posted: "quote" (without JavaScript, choosing the province posts the form to
 * show its wards and fees; nothing is checked yet) or "place", also when no intent is sent (PRODUCT.md §5).
 */
export const checkoutIntentSchema = z.object({
  intent: z.enum(["quote", "place"]).catch("place"),
  provinceCode: z.string().optional().catch(undefined),
  wardCode: z.string().optional().catch(undefined),
  voucherCode: z.string().optional().catch(undefined),
  phone: z.string().optional().catch(undefined),
});

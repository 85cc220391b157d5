import { z } from "zod";
import { isIsoDate } from "../shared/dates";
import { parseVndInput } from "../shared/money";
import { message } from "../shared/form-messages";

/** The most one stall sale may be: far above any market sale, and a typo with three zeros too many is refused. */
export const MAX_STALL_SALE_VND = 500_000_000;
/** The most units of one product in one sale. */
export const MAX_STALL_QUANTITY = 999;
/** The most product lines one sale carries (a stall's whole table, not a warehouse). */
export const MAX_STALL_LINES = 100;

const ids = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(MAX_STALL_LINES);

/**
 * `POST /seller/stall/sales` (PRODUCT.md §5): an amount typed by the producer (`amountVnd`, written as
 * people write money: "125.000", "125k"), or `productId`/`quantity` pairs (with `variantId` for a
 * product sold in several sizes) priced by the server. Lines of quantity 0 are rows left empty.
 * `method` is `qr` (a VietQR to show the buyer) or `cash` (a sale paid in cash, typed in afterwards).
 */
export const newSaleSchema = z
  .object({
    method: z.enum(["qr", "cash"], { errorMap: () => ({ message: message("stall.error.method") }) }).default("qr"),
    amountVnd: z.string().max(40, message("stall.error.amount")).optional(),
    productId: ids.optional(),
    variantId: ids.optional(),
    quantity: z.array(z.number({ invalid_type_error: message("stall.error.quantity") }).int(message("stall.error.quantity")).min(0, message("stall.error.quantity")).max(MAX_STALL_QUANTITY, message("stall.error.quantity"))).max(MAX_STALL_LINES).optional(),
  })
  .transform((value, ctx) => {
    const productIds = value.productId ?? [];
    const quantities = value.quantity ?? [];
    const variantIds = value.variantId;
    if (productIds.length !== quantities.length || (variantIds !== undefined && variantIds.length !== productIds.length)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["quantity"], message: message("stall.error.lines") });
      return z.NEVER;
    }
    const lines = productIds
      .map((productId, i) => ({ productId, variantId: variantIds?.[i] ?? null, quantity: quantities[i]! }))
      .filter((line) => line.quantity > 0);
    if (lines.length > 0) return { method: value.method, lines, amountVnd: null };
    const amount = value.amountVnd === undefined ? null : parseVndInput(value.amountVnd, MAX_STALL_SALE_VND);
    if (amount === null || amount <= 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["amountVnd"], message: message(value.amountVnd === undefined ? "stall.error.amountOrGoods" : "stall.error.amount") });
      return z.NEVER;
    }
    return { method: value.method, lines: [], amountVnd: amount };
  });
export type NewSaleInput = z.infer<typeof newSaleSchema>;

/** What the sale screen posts: "Đã nhận tiền", or cancelling a mistaken sale with its reason. */
export const saleActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm") }),
  z.object({
    intent: z.literal("cancel"),
    reason: z
      .string({ required_error: message("stall.error.reason") })
      .trim()
      .min(3, message("stall.error.reason"))
      .max(200, message("stall.error.reason")),
  }),
]);
export type SaleActionInput = z.infer<typeof saleActionSchema>;

/** `/seller/stall`'s own forms: open the stall, name the market, connect SePay or Casso. */
export const stallSettingsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open") }),
  z.object({
    intent: z.literal("market"),
    marketName: z.string().trim().max(120, message("stall.error.marketName")).optional(),
  }),
  z.object({
    intent: z.literal("casso"),
    cassoChecksumKey: z
      .string()
      .trim()
      .max(200, message("stall.error.cassoKey"))
      .refine((key) => /^[\x21-\x7e]{16,200}$/.test(key), message("stall.error.cassoKey"))
      .optional(),
  }),
  z.object({ intent: z.literal("newSepayKey") }),
]);
export type StallSettingsInput = z.infer<typeof stallSettingsSchema>;

/** The sales book's day (`YYYY-MM-DD`) or month (`YYYY-MM`); anything else is today. */
export const bookQuerySchema = z.object({
  day: z
    .string()
    .refine((day) => isIsoDate(day) && day >= "2000-01-01" && day <= "2099-12-31")
    .optional()
    .catch(undefined),
  month: z
    .string()
    .regex(/^20\d\d-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
});

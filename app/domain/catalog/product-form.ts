import { z } from "zod";
import type { MessageKey } from "~/i18n/vi";
import { MAX_CHARGE_VND, parseVndInput } from "../shared/money";
import { PRODUCT_GROUPS } from "./groups";
import { message, required } from "../shared/form-messages";

const wholeNumber = (max: number, key: MessageKey) =>
  z.string(required).transform((raw, ctx) => {
    const value = parseVndInput(raw, max);
    if (value === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: message(key) });
      return z.NEVER;
    }
    return value;
  });

/**
 * A listing as a producer types it on a phone. Prices are whole đồng, at most one Stripe charge.
 * Stock has no default: a blank stock on sale would be an item nobody can buy, so putting a product
 * on sale needs it, while a draft may leave it blank (0). Weight is optional (0: not given).
 */
export const productSchema = z
  .object({
    name: z.string(required).trim().min(3, message("listing.error.name")).max(150, message("listing.error.name")),
    groupCode: z.enum(PRODUCT_GROUPS, {
      errorMap: () => ({ message: message("listing.error.group") }),
    }),
    description: z.string().trim().max(5000, message("listing.error.description")).optional(),
    unit: z.string(required).trim().min(1, message("listing.error.unit")).max(20, message("listing.error.unit")),
    priceVnd: wholeNumber(MAX_CHARGE_VND, "listing.error.price").pipe(z.number().min(1000, message("listing.error.price"))),
    stock: wholeNumber(1_000_000, "listing.error.stock").optional(),
    weightGrams: wholeNumber(100_000, "listing.error.weight").default("0"),
    intent: z.enum(["draft", "publish"]).default("draft"),
  })
  .superRefine((value, ctx) => {
    if (value.intent === "publish" && value.stock === undefined)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["stock"],
        message: message("listing.error.stockMissing"),
      });
  })
  .transform(({ stock, ...value }) => ({ ...value, stock: stock ?? 0 }));
export type ProductInput = z.infer<typeof productSchema>;

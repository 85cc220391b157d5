import { z } from "zod";
import type { MessageKey } from "~/i18n/vi";
import { MAX_CHARGE_VND, parseVndInput } from "../shared/money";
import { PRODUCT_GROUPS } from "./groups";
import { message, required } from "../shared/form-messages";

export const wholeNumber = (max: number, key: MessageKey) =>
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
const productDetailFields = {
  name: z.string(required).trim().min(3, message("listing.error.name")).max(150, message("listing.error.name")),
  groupCode: z.enum(PRODUCT_GROUPS, {
    errorMap: () => ({ message: message("listing.error.group") }),
  }),
  description: z.string().trim().max(5000, message("listing.error.description")).optional(),
  unit: z.string(required).trim().min(1, message("listing.error.unit")).max(20, message("listing.error.unit")),
  intent: z.enum(["draft", "publish"]).default("draft"),
};

/** Price, stock and weight: of the product's one size, or of each size (variant-form.ts). */
export const priceField = () => wholeNumber(MAX_CHARGE_VND, "listing.error.price").pipe(z.number().min(1000, message("listing.error.price")));
export const stockField = () => wholeNumber(1_000_000, "listing.error.stock");
export const weightField = () => wholeNumber(100_000, "listing.error.weight").default("0");

export const productSchema = z
  .object({
    ...productDetailFields,
    priceVnd: priceField(),
    stock: stockField().optional(),
    weightGrams: weightField(),
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

/**
 * The same form for a product sold in several sizes: price, stock and weight belong to each size and
 * are edited on the sizes page, so the product's form carries only what the sizes share.
 */
export const productDetailsSchema = z.object(productDetailFields);
export type ProductDetailsInput = z.infer<typeof productDetailsSchema>;

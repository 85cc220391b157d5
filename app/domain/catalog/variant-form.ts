import { z } from "zod";
import { message, required } from "../shared/form-messages";
import { priceField, stockField, weightField } from "./product-form";
import { isValidGtin } from "./variants";

const label = () => z.string(required).trim().min(1, message("variant.error.label")).max(40, message("variant.error.label"));
/** Spaces and dashes people type between the digits of a barcode are dropped. */
const gtin = z
  .string()
  .transform((raw) => raw.replace(/[\s-]/g, ""))
  .refine((code) => code === "" || isValidGtin(code), message("variant.error.gtin"))
  .transform((code) => (code === "" ? null : code))
  .optional()
  .transform((code) => code ?? null);
const id = z.coerce.number({ invalid_type_error: message("form.invalid") }).int().positive();

const sizeFields = { label: label(), priceVnd: priceField(), stock: stockField(), weightGrams: weightField(), gtin };

/**
 * The sizes page's forms (`/seller/products/:id/sizes`). Adding a second size to a product sold in one
 * unnamed size also names the first (`firstLabel`), so the shopper can tell them apart.
 */
export const variantFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...sizeFields, firstLabel: label().optional() }),
  z.object({ intent: z.literal("update"), variantId: id, stockShown: z.coerce.number().int().min(0), ...sizeFields }),
  z.object({ intent: z.literal("archive"), variantId: id }),
]);
export type VariantFormInput = z.infer<typeof variantFormSchema>;
export type VariantFields = Omit<Extract<VariantFormInput, { intent: "add" }>, "intent" | "firstLabel">;

import { z } from "zod";
import { isIsoDate } from "../shared/dates";
import { message, required } from "../shared/form-messages";
import { MAX_COLLECTION_PRODUCTS, pastedLines, productSlugFromLine } from "./collection-draft";

const date = z.string(required).trim().refine(isIsoDate, message("cert.error.date"));

/**
 * A featured collection. Its products come in the order they show: the ones picked from the
 * search (`pick`, one field per product), then any pasted one per line (`products`).
 */
export const collectionSchema = z
  .object({
    title: z.string(required).trim().min(3, message("collection.error.title")).max(120, message("collection.error.title")),
    description: z.string().trim().max(500, message("collection.error.description")).optional(),
    startsOn: date,
    endsOn: date.optional(),
    position: z.coerce.number().int().min(0).max(99).default(0),
    pick: z.array(z.string().optional()).optional(),
    products: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn && value.endsOn < value.startsOn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: message("collection.error.endsOn") });
    }
  })
  .transform(({ pick, products, ...value }, ctx) => {
    const lines = [...(pick ?? []).map((p) => p ?? ""), ...pastedLines(products)];
    const slugs = lines.map(productSlugFromLine);
    const unique = [...new Set(slugs)];
    if (lines.length === 0 || unique.length > MAX_COLLECTION_PRODUCTS || slugs.some((s) => s === null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["products"], message: message("collection.error.products") });
      return z.NEVER;
    }
    return { ...value, products: unique as string[] };
  });
export type CollectionInput = z.infer<typeof collectionSchema>;

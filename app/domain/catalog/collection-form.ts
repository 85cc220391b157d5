import { z } from "zod";
import { isIsoDate } from "../shared/dates";
import { message, required } from "../shared/form-messages";

const date = z.string(required).trim().refine(isIsoDate, message("cert.error.date"));

/** The slug of a product from a line staff paste: its storefront URL, its path or the slug itself. */
export function productSlugFromLine(line: string): string | null {
  const text = line.trim();
  if (!text) return null;
  const match = /(?:^|\/products\/)([a-z0-9-]{1,200})\/?(?:[?#].*)?$/.exec(text);
  return match ? match[1]! : null;
}

/** A featured collection: its products are pasted one per line, in the order they show. */
export const collectionSchema = z
  .object({
    title: z.string(required).trim().min(3, message("collection.error.title")).max(120, message("collection.error.title")),
    description: z.string().trim().max(500, message("collection.error.description")).optional(),
    startsOn: date,
    endsOn: date.optional(),
    position: z.coerce.number().int().min(0).max(99).default(0),
    products: z.string(required).transform((value, ctx) => {
      const lines = value.split(/\r?\n/).filter((l) => l.trim());
      const slugs = lines.map(productSlugFromLine);
      if (lines.length === 0 || lines.length > 24 || slugs.some((s) => s === null)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: message("collection.error.products") });
        return z.NEVER;
      }
      return [...new Set(slugs as string[])];
    }),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn && value.endsOn < value.startsOn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endsOn"], message: message("collection.error.endsOn") });
    }
  });
export type CollectionInput = z.infer<typeof collectionSchema>;

import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./cart";

const id = z.coerce.number().int().positive();
const quantity = (min: number) => z.coerce.number().int().min(min).max(MAX_LINE_QUANTITY);

/** With JavaScript the page that posted stays where it is (a fetcher) and gets the new count back. */
const stay = z.literal("1").optional().catch(undefined);

/**
 * Which size a line is: `variantId`, or `productId` alone for a product sold in one size (PRODUCT.md
 * §5 kept that form working when sizes came, ADR 0020). Both may come; the size then decides.
 */
const target = { variantId: id.optional(), productId: id.optional() };
const named = (line: { variantId?: number; productId?: number }) => line.variantId !== undefined || line.productId !== undefined;

/** `POST /cart` (PRODUCT.md §5): intent add | update | remove, variantId or productId, quantity. */
export const cartChangeSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("add"), ...target, quantity: quantity(1).default(1), stay }),
    z.object({ intent: z.literal("update"), ...target, quantity: quantity(0), stay }),
    z.object({ intent: z.literal("remove"), ...target, stay }),
  ])
  .refine(named, { path: ["variantId"] });

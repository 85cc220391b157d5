import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./cart";

const productId = z.coerce.number().int().positive();
const quantity = (min: number) => z.coerce.number().int().min(min).max(MAX_LINE_QUANTITY);

/** With JavaScript the page that posted stays where it is (a fetcher) and gets the new count back. */
const stay = z.literal("1").optional().catch(undefined);

/** `POST /cart` (PRODUCT.md §5): intent add | update | remove, productId, quantity. */
export const cartChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), productId, quantity: quantity(1).default(1), stay }),
  z.object({ intent: z.literal("update"), productId, quantity: quantity(0), stay }),
  z.object({ intent: z.literal("remove"), productId, stay }),
]);

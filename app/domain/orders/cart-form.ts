import { z } from "zod";
import { MAX_LINE_QUANTITY } from "./cart";

const productId = z.coerce.number().int().positive();
const quantity = (min: number) => z.coerce.number().int().min(min).max(MAX_LINE_QUANTITY);

/** `POST /cart` (PRODUCT.md §5): intent add | update | remove, productId, quantity. */
export const cartChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), productId, quantity: quantity(1).default(1) }),
  z.object({ intent: z.literal("update"), productId, quantity: quantity(0) }),
  z.object({ intent: z.literal("remove"), productId }),
]);

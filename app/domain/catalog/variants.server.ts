import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { productVariants } from "~/db/schema";
import type { VariantChoice } from "./variants";

/**
 * A product's sizes (ADR 0020). The variants are the truth for price, stock and weight; the
 * product's `price_vnd`, `max_price_vnd`, `stock` and `weight_grams` are their summary, kept by the
 * triggers of migration 0016, so nothing here writes them. The database also gives every new product
 * its first, unnamed size (trigger `products_first_variant`), from the columns of the insert.
 */
export type Tx = Pick<Db, "select" | "insert" | "update">;

const activeVariants = once(() =>
  getDb()
    .select({
      id: productVariants.id,
      label: productVariants.label,
      priceVnd: productVariants.priceVnd,
      stock: productVariants.stock,
      weightGrams: productVariants.weightGrams,
      gtin: productVariants.gtin,
    })
    .from(productVariants)
    .where(and(eq(productVariants.productId, sql.placeholder("productId")), isNull(productVariants.archivedAt)))
    .orderBy(asc(productVariants.position), asc(productVariants.id))
    .prepare(),
);

/** The sizes of a product on sale now, in the producer's order. */
export function variantsOf(productId: number): VariantChoice[] {
  return activeVariants().all({ productId });
}

/**
 * The product form of a product sold in one size edits that size. The write happens only while its
 * stock is still the one the form showed (orders take stock while a form is open); false otherwise.
 */
export function updateOnlyVariant(tx: Tx, productId: number, size: { priceVnd: number; stock: number; weightGrams: number }, stockShown: number): boolean {
  const only = tx
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.productId, productId), isNull(productVariants.archivedAt)))
    .all();
  if (only.length !== 1) return false;
  const { changes } = tx
    .update(productVariants)
    .set({ priceVnd: size.priceVnd, stock: size.stock, weightGrams: size.weightGrams })
    .where(and(eq(productVariants.id, only[0]!.id), eq(productVariants.stock, stockShown)))
    .run();
  return changes === 1;
}

import { and, count, eq, isNull, max } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { productVariants } from "~/db/schema";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { ownListing } from "./listings.server";
import type { VariantFields } from "./variant-form";
import { variantsOf, type Tx } from "./variants.server";

/** What a producer does on a product's sizes page (`/seller/products/:id/sizes`), each in one transaction. */
export type VariantOutcome =
  | { ok: true }
  | { ok: false; field: "label" | "firstLabel"; error: "variant.error.labelTaken" | "variant.error.firstLabel" }
  | { ok: false; field: "stock"; error: "listing.error.stockChanged"; currentStock: number }
  | { ok: false; field: "form"; error: "variant.error.lastSize" | "variant.error.notFound" };

const isUniqueViolation = (error: unknown) => error instanceof Error && "code" in error && error.code === "SQLITE_CONSTRAINT_UNIQUE";

/** A label already used by another size of the same product, as the unique index would say. */
function labelTaken(productId: number, label: string, exceptId: number | null): boolean {
  return variantsOf(productId).some((v) => v.label.toLocaleLowerCase("vi") === label.toLocaleLowerCase("vi") && v.id !== exceptId);
}

/**
 * Adds a size. A product sold until now in one unnamed size needs that size named too (`firstLabel`),
 * in the same transaction, or the shopper could not tell the two apart.
 */
export function addVariant(actor: PortalActor, productId: number, input: VariantFields & { firstLabel?: string }): VariantOutcome {
  const { producer, product } = ownListing(actor, productId);
  const sizes = variantsOf(product.id);
  const unnamed = sizes.length === 1 && sizes[0]!.label === "" ? sizes[0]! : null;
  if (unnamed && !input.firstLabel) return { ok: false, field: "firstLabel", error: "variant.error.firstLabel" };
  if (labelTaken(product.id, input.label, null) || (unnamed && input.firstLabel?.toLocaleLowerCase("vi") === input.label.toLocaleLowerCase("vi"))) {
    return { ok: false, field: "label", error: "variant.error.labelTaken" };
  }
  try {
    getDb().transaction(
      (tx) => {
        if (unnamed) tx.update(productVariants).set({ label: input.firstLabel! }).where(eq(productVariants.id, unnamed.id)).run();
        const last = tx.select({ position: max(productVariants.position) }).from(productVariants).where(eq(productVariants.productId, product.id)).get();
        tx.insert(productVariants)
          .values({
            productId: product.id,
            label: input.label,
            priceVnd: input.priceVnd,
            stock: input.stock,
            weightGrams: input.weightGrams,
            gtin: input.gtin,
            position: (last?.position ?? -1) + 1,
          })
          .run();
        recordActivity(tx, { producerId: producer.id, actorUserId: actor.user.id, action: "product.sizes", subject: `${product.name} — ${input.label}` });
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "label", error: "variant.error.labelTaken" };
    throw error;
  }
  return { ok: true };
}

/** Changes a size; its stock only while it is still what the form showed. */
export function updateVariant(actor: PortalActor, productId: number, variantId: number, input: VariantFields, stockShown: number): VariantOutcome {
  const { producer, product } = ownListing(actor, productId);
  if (!variantsOf(product.id).some((v) => v.id === variantId)) return { ok: false, field: "form", error: "variant.error.notFound" };
  if (labelTaken(product.id, input.label, variantId)) return { ok: false, field: "label", error: "variant.error.labelTaken" };
  try {
    return getDb().transaction(
      (tx): VariantOutcome => {
        const { changes } = tx
          .update(productVariants)
          .set({ label: input.label, priceVnd: input.priceVnd, stock: input.stock, weightGrams: input.weightGrams, gtin: input.gtin })
          .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, product.id), eq(productVariants.stock, stockShown)))
          .run();
        if (changes === 0) {
          const current = tx.select({ stock: productVariants.stock }).from(productVariants).where(eq(productVariants.id, variantId)).get();
          return { ok: false, field: "stock", error: "listing.error.stockChanged", currentStock: current?.stock ?? 0 };
        }
        recordActivity(tx, { producerId: producer.id, actorUserId: actor.user.id, action: "product.sizes", subject: `${product.name} — ${input.label}` });
        return { ok: true };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "label", error: "variant.error.labelTaken" };
    throw error;
  }
}

const activeCount = (tx: Tx, productId: number) =>
  tx.select({ n: count() }).from(productVariants).where(and(eq(productVariants.productId, productId), isNull(productVariants.archivedAt))).get()?.n ?? 0;

/**
 * Stops selling a size. It is archived, not deleted: order lines keep pointing at what was bought,
 * and carts holding it show it as no longer on sale. The last size on sale cannot go (hide the
 * product instead).
 */
export function archiveVariant(actor: PortalActor, productId: number, variantId: number, now = Date.now()): VariantOutcome {
  const { producer, product } = ownListing(actor, productId);
  const size = variantsOf(product.id).find((v) => v.id === variantId);
  if (!size) return { ok: false, field: "form", error: "variant.error.notFound" };
  return getDb().transaction(
    (tx): VariantOutcome => {
      if (activeCount(tx, product.id) <= 1) return { ok: false, field: "form", error: "variant.error.lastSize" };
      tx.update(productVariants).set({ archivedAt: now }).where(eq(productVariants.id, variantId)).run();
      recordActivity(tx, { producerId: producer.id, actorUserId: actor.user.id, action: "product.sizes", subject: `${product.name} — ${size.label}` });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

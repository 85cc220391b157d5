import { count, eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { producerActivity, products, productVariants } from "~/db/schema";
import type { PortalActor } from "../producers/portal-actor.server";
import type { Producer } from "../producers/profile.server";
import { slugify } from "./fold";
import type { SheetProduct, SizeRow } from "./bulk-import";
import { listingFieldsFor } from "./listings.server";

/**
 * How many products one producer may have, whatever their status (drafts and hidden ones too: an
 * account that made 8,000 drafts filled the database all the same). Not a setting, on purpose.
 *
 * - Verified: 5,000. Vietnam's whole OCOP catalogue is about 16,000 products, and the largest
 *   cooperatives and enterprises list tens to a few hundred goods (sizes and packs as separate
 *   products); 5,000 is ten times that and stays far below what slows the catalogue.
 * - Before verification: 200. Anyone can sign up as a producer (10 sign-ups an hour per address)
 *   and nothing an unverified producer lists is public, so this only bounds what an unvetted
 *   account can write; a real household or cooperative prepares its first few dozen listings well
 *   inside it while staff review the profile.
 */
export const MAX_PRODUCTS_VERIFIED = 5_000;
export const MAX_PRODUCTS_UNVERIFIED = 200;

export function productCap(producer: Pick<Producer, "verificationStatus">): number {
  return producer.verificationStatus === "approved" ? MAX_PRODUCTS_VERIFIED : MAX_PRODUCTS_UNVERIFIED;
}

/** How many more products the producer may create now (0 when at or over its cap). */
export function productRoom(producer: Pick<Producer, "id" | "verificationStatus">): number {
  const [row] = getDb().select({ n: count() }).from(products).where(eq(products.producerId, producer.id)).all();
  return Math.max(0, productCap(producer) - (row?.n ?? 0));
}

/** A product ready to insert: every field computed before the transaction, so the transaction only writes. */
export type ListingRow = ReturnType<ReturnType<typeof listingFieldsFor>> & { baseSlug: string; sizes: SizeRow[] };

/**
 * Rows for an import. They are always drafts: a sheet carries no photos, and nothing goes on sale
 * without one (ADR 0014); the producer adds a photo to each and puts it on sale.
 */
export function listingRowMaker(producer: Producer) {
  const fields = listingFieldsFor(producer);
  return ({ input, sizes }: SheetProduct): ListingRow => ({ ...fields(input), baseSlug: slugify(input.name) || "san-pham", sizes });
}

const statements = once(() => {
  const db = getDb();
  return {
    slugTaken: db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.slug, sql.placeholder("slug")))
      .prepare(),
    insert: db
      .insert(products)
      .values({
        slug: sql.placeholder("slug"),
        producerId: sql.placeholder("producerId"),
        provinceCode: sql.placeholder("provinceCode"),
        name: sql.placeholder("name"),
        groupCode: sql.placeholder("groupCode"),
        description: sql.placeholder("description"),
        unit: sql.placeholder("unit"),
        priceVnd: sql.placeholder("priceVnd"),
        stock: sql.placeholder("stock"),
        weightGrams: sql.placeholder("weightGrams"),
        status: "draft",
        searchText: sql.placeholder("searchText"),
        updatedAt: sql.placeholder("now"),
      })
      .returning({ id: products.id })
      .prepare(),
    insertSize: db
      .insert(productVariants)
      .values({
        productId: sql.placeholder("productId"),
        label: sql.placeholder("label"),
        priceVnd: sql.placeholder("priceVnd"),
        stock: sql.placeholder("stock"),
        weightGrams: sql.placeholder("weightGrams"),
        gtin: sql.placeholder("gtin"),
        position: sql.placeholder("position"),
      })
      .prepare(),
    /** The size the database made with the product (trigger `products_first_variant`), named by the sheet. */
    nameFirstSize: db
      .update(productVariants)
      .set({ label: sql`${sql.placeholder("label")}`, gtin: sql`${sql.placeholder("gtin")}` })
      .where(eq(productVariants.productId, sql.placeholder("productId")))
      .prepare(),
    setSlug: db
      .update(products)
      .set({ slug: sql`${sql.placeholder("slug")}` })
      .where(eq(products.id, sql.placeholder("id")))
      .prepare(),
    count: db.select({ n: count() }).from(products).where(eq(products.producerId, sql.placeholder("producerId"))).prepare(),
    activity: db
      .insert(producerActivity)
      .values({
        producerId: sql.placeholder("producerId"),
        actorUserId: sql.placeholder("actorUserId"),
        action: "product.create",
        subject: sql.placeholder("subject"),
      })
      .prepare(),
  };
});

export type BulkCreateOutcome = { created: number } | { overCap: { cap: number; room: number } };

/**
 * Creates a bulk import's listings all together or not at all, in one transaction of prepared
 * statements (about 0.1 ms a row: the rows come checked and computed, so nothing but writing happens
 * while the database and the event loop are held). The producer's cap is checked inside the same
 * transaction, so two imports at once cannot both pass it.
 *
 * A slug is the name's, or, when taken, the name's with the product's own id: one lookup per row
 * whatever the number of same-named products.
 */
export function createListingRows(actor: PortalActor, rows: readonly ListingRow[], now = Date.now()): BulkCreateOutcome {
  const { producer, user } = actor;
  const s = statements();
  return getDb().transaction(
    (): BulkCreateOutcome => {
    const cap = productCap(producer);
    const existing = s.count.get({ producerId: producer.id })?.n ?? 0;
    if (existing + rows.length > cap) return { overCap: { cap, room: Math.max(0, cap - existing) } };
    for (const row of rows) {
      const free = s.slugTaken.get({ slug: row.baseSlug }) === undefined;
      const { id } = s.insert.get({
        ...row,
        slug: free ? row.baseSlug : `pending-${randomUUID()}`,
        producerId: producer.id,
        provinceCode: producer.provinceCode,
        now,
      })!;
      if (!free) s.setSlug.run({ slug: `${row.baseSlug}-${id}`, id });
      const [first, ...more] = row.sizes;
      if (first && (first.label !== "" || first.gtin !== null)) s.nameFirstSize.run({ label: first.label, gtin: first.gtin, productId: id });
      for (const [i, size] of more.entries()) s.insertSize.run({ ...size, productId: id, position: i + 1 });
      s.activity.run({ producerId: producer.id, actorUserId: user.id, subject: row.name });
    }
    return { created: rows.length };
    },
    { behavior: "immediate" },
  );
}

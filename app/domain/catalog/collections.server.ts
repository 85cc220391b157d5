import { and, asc, desc, eq, inArray, ne, notExists, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { collectionProducts, collections, producers, products } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffProvince } from "../accounts/staff.server";
import { badgeValid } from "../certification/badge-cache.server";
import { hasValidBadge } from "../certification/certificate";
import { todayInVietnam } from "../shared/dates";
import { slugify } from "./fold";
import type { CollectionInput } from "./collection-form";
import { publicProduct, searchCatalog } from "./catalog.server";
import { MAX_QUERY_LENGTH } from "./catalog-params";

export interface CollectionSummary {
  id: number;
  title: string;
  startsOn: string;
  endsOn: string | null;
  position: number;
  products: number;
}

/**
 * A collection is a provincial staff member's when every product it features is from their province
 * (no condition for central staff, who have no province). Over `collections` in the outer query.
 */
function whollyInProvince(province: string | null) {
  if (province === null) return undefined;
  return notExists(
    getDb()
      .select({ one: sql`1` })
      .from(collectionProducts)
      .innerJoin(products, eq(products.id, collectionProducts.productId))
      .where(and(eq(collectionProducts.collectionId, collections.id), ne(products.provinceCode, province))),
  );
}

export function collectionsForStaff(staff: SessionUser): CollectionSummary[] {
  const db = getDb();
  return db
    .select({
      id: collections.id,
      title: collections.title,
      startsOn: collections.startsOn,
      endsOn: collections.endsOn,
      position: collections.position,
      products: db.$count(collectionProducts, eq(collectionProducts.collectionId, collections.id)),
    })
    .from(collections)
    .where(whollyInProvince(staffProvince(staff)))
    .orderBy(desc(collections.startsOn), asc(collections.position), asc(collections.id))
    .limit(200)
    .all();
}

/** A collection to edit; a 403 page for one featuring another province's goods (provincial staff). */
export function collectionForStaff(staff: SessionUser, id: number) {
  const mine = getDb()
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.id, id), whollyInProvince(staffProvince(staff))))
    .get();
  const collection = collectionForEditing(id);
  if (collection && !mine) throw new Response("Forbidden", { status: 403 });
  return collection;
}

function collectionForEditing(id: number) {
  const db = getDb();
  const collection = db
    .select({
      id: collections.id,
      title: collections.title,
      description: collections.description,
      startsOn: collections.startsOn,
      endsOn: collections.endsOn,
      position: collections.position,
    })
    .from(collections)
    .where(eq(collections.id, id))
    .get();
  if (!collection) return null;
  const slugs = db
    .select({ slug: products.slug })
    .from(collectionProducts)
    .innerJoin(products, eq(products.id, collectionProducts.productId))
    .where(eq(collectionProducts.collectionId, id))
    .orderBy(asc(collectionProducts.position))
    .all()
    .map((r) => r.slug);
  return { ...collection, slugs };
}

export type CollectionRefusal =
  | { problem: "unknown"; slugs: string[] }
  | { problem: "uncertified"; slugs: string[] }
  | { problem: "outOfProvince"; slugs: string[] };

/**
 * Creates or replaces a featured collection. Only products on sale with a valid OCOP badge may be
 * featured; provincial staff feature only their province's goods. The audit keeps before and after.
 */
export function saveCollection(
  staff: SessionUser,
  collectionId: number | null,
  input: CollectionInput,
  now = Date.now(),
): { ok: true; id: number } | ({ ok: false } & CollectionRefusal) | { ok: false; problem: "notFound" } {
  const today = todayInVietnam(new Date(now));
  const rows = input.products.map((slug) => {
    const product = getDb()
      .select({
        id: products.id,
        provinceCode: products.provinceCode,
        // 1 when on sale with a valid badge; SQLite's boolean, compared as before.
        featurable: sql<number | null>`(${publicProduct} AND ${badgeValid(products, today)})`,
      })
      .from(products)
      .where(eq(products.slug, slug))
      .get();
    return { slug, product };
  });
  const unknown = rows.filter((r) => !r.product).map((r) => r.slug);
  if (unknown.length > 0) return { ok: false, problem: "unknown", slugs: unknown };
  const uncertified = rows.filter((r) => r.product!.featurable !== 1).map((r) => r.slug);
  if (uncertified.length > 0) return { ok: false, problem: "uncertified", slugs: uncertified };
  const province = staffProvince(staff);
  const outside = rows.filter((r) => province !== null && r.product!.provinceCode !== province).map((r) => r.slug);
  if (outside.length > 0) return { ok: false, problem: "outOfProvince", slugs: outside };

  return getDb().transaction((tx) => {
    const before = collectionId === null ? null : collectionForEditing(collectionId);
    if (collectionId !== null && !before) return { ok: false as const, problem: "notFound" as const };
    // Editing a collection that features another province's goods is not a provincial staff member's call.
    if (collectionId !== null) collectionForStaff(staff, collectionId);
    const values = {
      title: input.title,
      description: input.description ?? "",
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      position: input.position,
    };
    const id =
      collectionId ??
      tx
        .insert(collections)
        .values({ ...values, slug: `${slugify(input.title) || "bo-suu-tap"}-${now.toString(36)}`, createdByUserId: staff.id, createdAt: now })
        .returning({ id: collections.id })
        .get().id;
    if (collectionId !== null) {
      tx.update(collections).set(values).where(eq(collections.id, id)).run();
      tx.delete(collectionProducts).where(eq(collectionProducts.collectionId, id)).run();
    }
    // The form always sends at least one product; Drizzle refuses an insert of no rows.
    if (rows.length > 0) {
      tx.insert(collectionProducts)
        .values(rows.map((r, position) => ({ collectionId: id, productId: r.product!.id, position })))
        .run();
    }
    recordAudit(
      staff,
      {
        action: collectionId === null ? "collection.create" : "collection.update",
        subjectType: "collection",
        subjectId: id,
        provinceCode: province,
        before,
        after: { ...values, slugs: input.products },
      },
      now,
    );
    return { ok: true as const, id };
  });
}

/** A product as the collection editor lists it, chosen or found. */
export interface CollectionPick {
  slug: string;
  name: string;
  producerName: string;
  provinceCode: string;
  /** Stars of a valid OCOP certificate, or null. */
  stars: number | null;
  /** On sale with a valid certificate, and in the staff member's province: may be featured. */
  featurable: boolean;
}

/** The products of these slugs for the editor, by slug (a slug no product has is missing). */
export function collectionPicks(staff: SessionUser, slugs: readonly string[], today = todayInVietnam()): Map<string, CollectionPick> {
  if (slugs.length === 0) return new Map();
  const rows = getDb()
    .select({
      slug: products.slug,
      name: products.name,
      producerName: producers.name,
      provinceCode: products.provinceCode,
      badgeStars: products.badgeStars,
      badgeExpiresOn: products.badgeExpiresOn,
      isPublic: sql<number>`${publicProduct}`,
    })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(inArray(products.slug, [...slugs]))
    .all();
  const province = staffProvince(staff);
  return new Map(
    rows.map((r) => {
      const certified = hasValidBadge(r, today);
      return [
        r.slug,
        {
          slug: r.slug,
          name: r.name,
          producerName: r.producerName,
          provinceCode: r.provinceCode,
          stars: certified ? r.badgeStars : null,
          featurable: r.isPublic === 1 && certified && (province === null || r.provinceCode === province),
        },
      ];
    }),
  );
}

/**
 * Products staff may feature that match the words typed, best first: on sale, with a valid OCOP
 * certificate, from the staff member's province (any for central staff). The storefront's search,
 * so a search without diacritics finds them too.
 */
export function featurableProducts(staff: SessionUser, q: string, limit = 10, today = todayInVietnam()): CollectionPick[] {
  const words = q.trim().slice(0, MAX_QUERY_LENGTH);
  if (!words) return [];
  const page = searchCatalog({ q: words, province: staffProvince(staff) ?? undefined, stars: 3, inStock: false, sort: "relevance", page: 1 }, limit);
  const picks = collectionPicks(staff, page.products.map((c) => c.slug), today);
  return page.products.map((c) => picks.get(c.slug)).filter((c): c is CollectionPick => c !== undefined && c.featurable);
}

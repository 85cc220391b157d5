import { eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { prepared } from "~/db/prepared.server";
import { producers, products } from "~/db/schema";
import { recordAudit } from "../accounts/audit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { staffProvince } from "../accounts/staff.server";
import { badgeValidSql } from "../certification/badge-cache.server";
import { hasValidBadge } from "../certification/certificate";
import { todayInVietnam } from "../shared/dates";
import { slugify } from "./fold";
import type { CollectionInput } from "./collection-form";
import { PUBLIC_PRODUCT, searchCatalog } from "./catalog.server";
import { MAX_QUERY_LENGTH } from "./catalog-params";

export interface CollectionSummary {
  id: number;
  title: string;
  startsOn: string;
  endsOn: string | null;
  position: number;
  products: number;
}

// A collection is a provincial staff member's when every product it features is from their province.
const WHOLLY_IN_PROVINCE = `(:province IS NULL OR NOT EXISTS (SELECT 1 FROM collection_products cp JOIN products p ON p.id = cp.product_id
  WHERE cp.collection_id = c.id AND p.province_code <> :province))`;

export function collectionsForStaff(staff: SessionUser): CollectionSummary[] {
  return prepared(
    `SELECT c.id, c.title, c.starts_on AS startsOn, c.ends_on AS endsOn, c.position,
       (SELECT count(*) FROM collection_products WHERE collection_id = c.id) AS products
     FROM collections c WHERE ${WHOLLY_IN_PROVINCE} ORDER BY c.starts_on DESC, c.position, c.id LIMIT 200`,
  ).all({ province: staffProvince(staff) }) as CollectionSummary[];
}

/** A collection to edit; a 403 page for one featuring another province's goods (provincial staff). */
export function collectionForStaff(staff: SessionUser, id: number) {
  const mine = prepared(`SELECT 1 FROM collections c WHERE c.id = :id AND ${WHOLLY_IN_PROVINCE}`).get({ id, province: staffProvince(staff) });
  const collection = collectionForEditing(id);
  if (collection && !mine) throw new Response("Forbidden", { status: 403 });
  return collection;
}

function collectionForEditing(id: number) {
  const collection = prepared(
    "SELECT id, title, description, starts_on AS startsOn, ends_on AS endsOn, position FROM collections WHERE id = ?",
  ).get(id) as { id: number; title: string; description: string; startsOn: string; endsOn: string | null; position: number } | undefined;
  if (!collection) return null;
  const slugs = (prepared(
    "SELECT p.slug FROM collection_products cp JOIN products p ON p.id = cp.product_id WHERE cp.collection_id = ? ORDER BY cp.position",
  ).all(id) as { slug: string }[]).map((r) => r.slug);
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
    const product = prepared(
      `SELECT p.id, p.province_code AS provinceCode, (${PUBLIC_PRODUCT} AND ${badgeValidSql("p", ":today")}) AS featurable
       FROM products p WHERE p.slug = :slug`,
    ).get({ slug, today }) as { id: number; provinceCode: string; featurable: 0 | 1 } | undefined;
    return { slug, product };
  });
  const unknown = rows.filter((r) => !r.product).map((r) => r.slug);
  if (unknown.length > 0) return { ok: false, problem: "unknown", slugs: unknown };
  const uncertified = rows.filter((r) => r.product!.featurable !== 1).map((r) => r.slug);
  if (uncertified.length > 0) return { ok: false, problem: "uncertified", slugs: uncertified };
  const province = staffProvince(staff);
  const outside = rows.filter((r) => province !== null && r.product!.provinceCode !== province).map((r) => r.slug);
  if (outside.length > 0) return { ok: false, problem: "outOfProvince", slugs: outside };

  return getDb().$client.transaction(() => {
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
    let id = collectionId;
    if (id === null) {
      id = (prepared(
        `INSERT INTO collections (slug, title, description, position, starts_on, ends_on, created_by_user_id, created_at)
         VALUES (:slug, :title, :description, :position, :startsOn, :endsOn, :userId, :now) RETURNING id`,
      ).get({ ...values, slug: `${slugify(input.title) || "bo-suu-tap"}-${now.toString(36)}`, userId: staff.id, now }) as { id: number }).id;
    } else {
      prepared(
        "UPDATE collections SET title = :title, description = :description, position = :position, starts_on = :startsOn, ends_on = :endsOn WHERE id = :id",
      ).run({ ...values, id });
      prepared("DELETE FROM collection_products WHERE collection_id = ?").run(id);
    }
    rows.forEach((r, i) => prepared("INSERT INTO collection_products (collection_id, product_id, position) VALUES (?, ?, ?)").run(id, r.product!.id, i));
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
  })();
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
  const p = alias(products, "p");
  const rows = getDb()
    .select({
      slug: p.slug,
      name: p.name,
      producerName: producers.name,
      provinceCode: p.provinceCode,
      badgeStars: p.badgeStars,
      badgeExpiresOn: p.badgeExpiresOn,
      isPublic: sql<number>`${sql.raw(PUBLIC_PRODUCT)}`,
    })
    .from(p)
    .innerJoin(producers, eq(producers.id, p.producerId))
    .where(inArray(p.slug, [...slugs]))
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

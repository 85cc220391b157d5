import { prepared } from "~/db/prepared.server";
import { getDb } from "~/db/client.server";
import { badgeValidSql } from "../certification/badge-cache.server";
import { todayInVietnam } from "../shared/dates";
import { cachedFor } from "../shared/ttl-cache";
import { MAX_COUNTED, PAGE_SIZE, type CatalogFilters } from "./catalog-params";
import type { ProductGroup } from "./groups";
import { prefixMatch, queryWords, typoMatch, vocabularyOf, type Vocabulary } from "./search-query";

/** What a product card shows. `stars` is set only while the product's certificate is valid. */
export interface ProductCard {
  id: number;
  slug: string;
  name: string;
  priceVnd: number;
  unit: string;
  stock: number;
  provinceCode: string;
  groupCode: ProductGroup;
  stars: number | null;
  photo: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
}

/**
 * Products anyone may see and buy: put on sale by their producer, from a verified producer, and not
 * held by staff. The one storefront rule: pages, cart, checkout, open data and reports all use it.
 */
export const PUBLIC_PRODUCT = "p.status = 'live' AND p.producer_verified = 1 AND p.held_at IS NULL";

export const CARD_COLUMNS = `p.id, p.slug, p.name, p.price_vnd AS priceVnd, p.unit, p.stock,
  p.province_code AS provinceCode, p.group_code AS groupCode,
  CASE WHEN ${badgeValidSql("p", ":today")} THEN p.badge_stars END AS stars,
  ph.file AS photo, ph.width AS photoWidth, ph.height AS photoHeight`;

/** Joins each product's first photo. */
export const COVER_PHOTO_JOIN = `LEFT JOIN product_photos ph ON ph.id =
  (SELECT id FROM product_photos WHERE product_id = p.id ORDER BY position, id LIMIT 1)`;

const ORDER_BY: Record<CatalogFilters["sort"], string> = {
  relevance: "p.published_at DESC, p.id DESC",
  newest: "p.published_at DESC, p.id DESC",
  price_asc: "p.price_vnd ASC, p.id ASC",
  price_desc: "p.price_vnd DESC, p.id DESC",
  // Walks the stars index; a certificate that lapsed since the last expiry sweep may rank by its old stars (shown without badge).
  stars: "p.badge_stars DESC, p.published_at DESC, p.id DESC",
  best_selling: "p.sold_count DESC, p.id DESC",
};


export interface CatalogPage {
  products: ProductCard[];
  /** Matching products, counted up to MAX_COUNTED. */
  total: number;
  /** True when there are more matches than `total`. */
  more: boolean;
  pages: number;
  /** True when the words matched nothing as typed and typo-corrected words were used instead. */
  approximate: boolean;
}

function queryCatalog(filters: CatalogFilters, match: string | null, limit: number, offset: number) {
  const where = [PUBLIC_PRODUCT];
  const params: Record<string, string | number> = { today: todayInVietnam(), cap: MAX_COUNTED + 1 };
  let from = "products p";
  if (match) {
    from = "products_fts JOIN products p ON p.id = products_fts.rowid";
    where.push("products_fts MATCH :match");
    params.match = match;
  }
  if (filters.group) {
    where.push("p.group_code = :group");
    params.group = filters.group;
  }
  if (filters.province) {
    where.push("p.province_code = :province");
    params.province = filters.province;
  }
  if (filters.stars) {
    where.push(`p.badge_stars >= :stars AND ${badgeValidSql("p", ":today")}`);
    params.stars = filters.stars;
  }
  if (filters.minPrice !== undefined) {
    where.push("p.price_vnd >= :minPrice");
    params.minPrice = filters.minPrice;
  }
  if (filters.maxPrice !== undefined) {
    where.push("p.price_vnd <= :maxPrice");
    params.maxPrice = filters.maxPrice;
  }
  if (filters.inStock) where.push("p.stock > 0");
  const whereSql = where.join(" AND ");

  if (match && filters.sort === "relevance") return rankedPage(from, whereSql, params, limit, offset);

  const { counted } = prepared(
    `SELECT count(*) AS counted FROM (SELECT 1 FROM ${from} WHERE ${whereSql} LIMIT :cap)`,
  ).get(params) as { counted: number };
  const total = Math.min(counted, MAX_COUNTED);
  if (total === 0 || offset >= total) return { products: [], total, more: counted > MAX_COUNTED };
  const products = prepared(
    `SELECT ${CARD_COLUMNS} FROM ${from} ${COVER_PHOTO_JOIN}
     WHERE ${whereSql} ORDER BY ${ORDER_BY[filters.sort]} LIMIT :limit OFFSET :offset`,
  ).all({ ...params, limit, offset }) as ProductCard[];
  return { products, total, more: counted > MAX_COUNTED };
}

/**
 * Search results by relevance: the MAX_COUNTED most recently listed matches (highest ids) are read
 * once with their rank, then counted, sorted and paged here, so a common word costs about what a
 * rare one does.
 */
function rankedPage(from: string, whereSql: string, params: Record<string, string | number>, limit: number, offset: number) {
  const hits = prepared(
    `SELECT p.id AS id, products_fts.rank AS rank FROM ${from} WHERE ${whereSql}
     ORDER BY products_fts.rowid DESC LIMIT :cap`,
  ).all(params) as { id: number; rank: number }[];
  const total = Math.min(hits.length, MAX_COUNTED);
  const pageIds = hits
    .slice(0, total)
    .sort((a, b) => a.rank - b.rank || b.id - a.id)
    .slice(offset, offset + limit)
    .map((h) => h.id);
  const cards = prepared(
    `SELECT ${CARD_COLUMNS} FROM products p ${COVER_PHOTO_JOIN} WHERE p.id IN (SELECT value FROM json_each(:ids))`,
  ).all({ ids: JSON.stringify(pageIds), today: params.today }) as ProductCard[];
  const byId = new Map(cards.map((c) => [c.id, c]));
  return {
    products: pageIds.map((id) => byId.get(id)).filter((c): c is ProductCard => c !== undefined),
    total,
    more: hits.length > MAX_COUNTED,
  };
}

/** One page of the public catalog for a filter state; the search forgives missing diacritics and typos. */
export function searchCatalog(filters: CatalogFilters, pageSize = PAGE_SIZE): CatalogPage {
  const offset = (filters.page - 1) * pageSize;
  const words = queryWords(filters.q);
  // Words that fold to nothing ("!!!") match nothing, rather than everything.
  if (filters.q && words.length === 0) return { products: [], total: 0, more: false, pages: 1, approximate: false };
  let result = queryCatalog(filters, prefixMatch(words), pageSize, offset);
  let approximate = false;
  if (result.total === 0 && words.length > 0) {
    const fuzzy = typoMatch(words, searchVocabulary.get());
    if (fuzzy) {
      result = queryCatalog(filters, fuzzy, pageSize, offset);
      approximate = result.total > 0;
    }
  }
  return { ...result, pages: Math.max(1, Math.ceil(result.total / pageSize)), approximate };
}

/** Product names for the as-you-type suggestions. */
export function suggestProducts(q: string, limit = 8): { slug: string; name: string }[] {
  const page = searchCatalog({ q, inStock: false, sort: "relevance", page: 1 }, limit);
  return page.products.map(({ slug, name }) => ({ slug, name }));
}

// The index's terms change only when products are written; a few minutes' lag only delays a correction.
const searchVocabulary = cachedFor<Vocabulary>(5 * 60_000, () =>
  vocabularyOf((getDb().$client.prepare("SELECT term FROM products_fts_vocab").all() as { term: string }[]).map((r) => r.term)),
);

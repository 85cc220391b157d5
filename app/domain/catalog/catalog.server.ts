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

/**
 * Two indexes of the same products: products_head_fts holds what a product is and where from (name,
 * province), products_fts also its group, producer and description (search-text.ts, migration 0013).
 */
type SearchIndex = "products_head_fts" | "products_fts";

interface Search {
  index: SearchIndex;
  match: string;
}

function queryCatalog(filters: CatalogFilters, search: Search | null, limit: number, offset: number) {
  const where = [PUBLIC_PRODUCT];
  const params: Record<string, string | number> = { today: todayInVietnam(), cap: MAX_COUNTED + 1 };
  let from = "products p";
  if (search) {
    from = `${search.index} JOIN products p ON p.id = ${search.index}.rowid`;
    where.push(`${search.index} MATCH :match`);
    params.match = search.match;
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

  if (search && filters.sort === "relevance") return rankedPage(search.index, from, whereSql, params, limit, offset);

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
function rankedPage(
  index: SearchIndex,
  from: string,
  whereSql: string,
  params: Record<string, string | number>,
  limit: number,
  offset: number,
) {
  const hits = prepared(
    `SELECT p.id AS id, ${index}.rank AS rank FROM ${from} WHERE ${whereSql}
     ORDER BY ${index}.rowid DESC LIMIT :cap`,
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

/**
 * One page of the public catalog for a filter state; the search forgives missing diacritics and typos.
 * Every word must match, looked for in steps, each only when the steps before found nothing:
 * 1. in what products are and where from (name, province): "mật ong rừng" lists the forest honey, not
 *    the corn liquor whose maker keeps bees and whose description mentions a forest;
 * 2. in their whole text (group, producer, description too): "đặc sản" is mostly said in descriptions;
 * 3. with each word the index does not know replaced by its close terms ("nuco" → "nuoc"), again
 *    first in what products are, then in their whole text. The page says these are approximate.
 */
export function searchCatalog(filters: CatalogFilters, pageSize = PAGE_SIZE): CatalogPage {
  const offset = (filters.page - 1) * pageSize;
  const words = queryWords(filters.q);
  // Words that fold to nothing ("!!!") match nothing, rather than everything.
  if (filters.q && words.length === 0) return { products: [], total: 0, more: false, pages: 1, approximate: false };
  const page = (result: ReturnType<typeof queryCatalog>, approximate: boolean): CatalogPage => ({
    ...result,
    pages: Math.max(1, Math.ceil(result.total / pageSize)),
    approximate,
  });
  const exact = prefixMatch(words);
  if (!exact) return page(queryCatalog(filters, null, pageSize, offset), false);
  const inNamesThenText = (match: string) => {
    const named = queryCatalog(filters, { index: "products_head_fts", match }, pageSize, offset);
    return named.total > 0 ? named : queryCatalog(filters, { index: "products_fts", match }, pageSize, offset);
  };
  const found = inNamesThenText(exact);
  if (found.total > 0) return page(found, false);
  const typo = typoMatch(words, searchVocabulary.get());
  if (!typo) return page(found, false);
  const close = inNamesThenText(typo);
  return page(close, close.total > 0);
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

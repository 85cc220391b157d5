import { and, asc, count, desc, eq, gt, gte, lte, sql, type SQL } from "drizzle-orm";
import { alias, integer, real, sqliteTable, text, type SQLiteSelect } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { productPhotos, products, productVariants } from "~/db/schema";
import { badgeValid } from "../certification/badge-cache.server";
import { inRunningCampaign } from "../promotions/badge-sql.server";
import { todayInVietnam } from "../shared/dates";
import { cachedFor } from "../shared/ttl-cache";
import { MAX_COUNTED, PAGE_SIZE, type CatalogFilters, type CatalogSort } from "./catalog-params";
import type { ProductGroup } from "./groups";
import { prefixMatch, queryWords, typoMatch, vocabularyOf, type Vocabulary } from "./search-query";

/** What a product card shows. `stars` is set only while the product's certificate is valid. */
export interface ProductCard {
  id: number;
  slug: string;
  name: string;
  /** The lowest price over its sizes; `maxPriceVnd` the highest (equal for one size or one price). */
  priceVnd: number;
  maxPriceVnd: number;
  unit: string;
  stock: number;
  provinceCode: string;
  groupCode: ProductGroup;
  stars: number | null;
  photo: string | null;
  photoWidth: number | null;
  photoHeight: number | null;
  /** In a campaign running today (ADR 0019): the card shows a "Khuyến mãi" badge. */
  onSale: boolean;
}

/**
 * Products anyone may see and buy: put on sale by their producer, from a verified producer, and not
 * held by staff. The one storefront rule: pages, cart, checkout, open data and reports all use it.
 * Literal values rather than `eq()`'s parameters: the SQL (and its plan) stays what was measured.
 */
export const publicProduct: SQL = sql`(${products.status} = 'live' AND ${products.producerVerified} = 1 AND ${products.heldAt} IS NULL)`;

/**
 * `publicProduct` as SQL text over the alias `p`, for the statements not yet moved to Drizzle (cart,
 * checkout, open data, the demo's orders); it goes with its last caller (ADR 0015).
 */
export const PUBLIC_PRODUCT = "p.status = 'live' AND p.producer_verified = 1 AND p.held_at IS NULL";

/** Each product's first photo: joined as `leftJoin(coverPhoto, coverPhotoOfProduct)`. */
export const coverPhoto = alias(productPhotos, "ph");
export const coverPhotoOfProduct = eq(
  coverPhoto.id,
  sql`(SELECT ${productPhotos.id} FROM ${productPhotos} WHERE ${productPhotos.productId} = ${products.id}
    ORDER BY ${productPhotos.position}, ${productPhotos.id} LIMIT 1)`,
);

/**
 * What a `ProductCard` is read from, over `products` and `coverPhoto`. A statement selecting these
 * takes the placeholder `today`, which decides whether the badge still shows.
 */
export const productCardColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  priceVnd: products.priceVnd,
  maxPriceVnd: products.maxPriceVnd,
  unit: products.unit,
  stock: products.stock,
  provinceCode: products.provinceCode,
  groupCode: products.groupCode,
  stars: sql<number | null>`CASE WHEN ${badgeValid(products, sql.placeholder("today"))} THEN ${products.badgeStars} END`,
  photo: coverPhoto.file,
  photoWidth: coverPhoto.width,
  photoHeight: coverPhoto.height,
  onSale: inRunningCampaign(sql.placeholder("today")).mapWith(Boolean),
};

const ORDER_BY: Record<CatalogSort, SQL[]> = {
  relevance: [desc(products.publishedAt), desc(products.id)],
  newest: [desc(products.publishedAt), desc(products.id)],
  price_asc: [asc(products.priceVnd), asc(products.id)],
  // Sizes: low to high by the cheapest size, high to low by the dearest (a product's range, read from either end).
  price_desc: [desc(products.maxPriceVnd), desc(products.id)],
  // Walks the stars index; a certificate that lapsed since the last expiry sweep may rank by its old stars (shown without badge).
  stars: [desc(products.badgeStars), desc(products.publishedAt), desc(products.id)],
  best_selling: [desc(products.soldCount), desc(products.id)],
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
 * Two FTS5 indexes of the same products: products_head_fts holds what a product is and where from
 * (name, province), products_fts also its group, producer and description (search-text.ts, migration
 * 0013). Hand-written migrations make them (0001, 0014), not drizzle-kit, so they are described here
 * rather than in schema.ts, with only what the catalog reads: the product's id (rowid) and bm25's rank.
 */
type SearchIndex = "products_head_fts" | "products_fts";
const searchIndex = (name: SearchIndex) => sqliteTable(name, { rowid: integer("rowid").notNull(), rank: real("rank").notNull() });
const SEARCH_INDEXES: Record<SearchIndex, ReturnType<typeof searchIndex>> = {
  products_head_fts: searchIndex("products_head_fts"),
  products_fts: searchIndex("products_fts"),
};
/** The terms of products_fts (an fts5vocab table, migration 0002). */
const productsFtsVocab = sqliteTable("products_fts_vocab", { term: text("term").notNull() });

interface Search {
  index: SearchIndex;
  match: string;
}

/**
 * Which filters a catalog statement applies. Each shape is prepared once, on first use, with its
 * values as placeholders: as many statements as there were distinct SQL texts before.
 */
interface CatalogShape {
  index: SearchIndex | null;
  group: boolean;
  province: boolean;
  stars: boolean;
  minPrice: boolean;
  maxPrice: boolean;
  inStock: boolean;
}

function preparedPerShape<Shape, Statement>(build: (shape: Shape) => Statement): (shape: Shape) => Statement {
  const statements = new Map<string, Statement>();
  return (shape) => {
    const key = JSON.stringify(shape);
    let statement = statements.get(key);
    if (statement === undefined) {
      statement = build(shape);
      statements.set(key, statement);
    }
    return statement;
  };
}

function catalogConditions(shape: CatalogShape): SQL | undefined {
  const today = sql.placeholder("today");
  return and(
    publicProduct,
    shape.index === null ? undefined : sql`${SEARCH_INDEXES[shape.index]} MATCH ${sql.placeholder("match")}`,
    shape.group ? eq(products.groupCode, sql.placeholder("group")) : undefined,
    shape.province ? eq(products.provinceCode, sql.placeholder("province")) : undefined,
    shape.stars ? and(gte(products.badgeStars, sql.placeholder("stars")), badgeValid(products, today)) : undefined,
    // A product matches when one of its sizes is in the range: its highest price reaches the
    // minimum, its lowest is within the maximum, and with both bounds a size lies between them.
    shape.minPrice ? gte(products.maxPriceVnd, sql.placeholder("minPrice")) : undefined,
    shape.maxPrice ? lte(products.priceVnd, sql.placeholder("maxPrice")) : undefined,
    shape.minPrice && shape.maxPrice
      ? sql`(${products.maxPriceVnd} = ${products.priceVnd} OR EXISTS (SELECT 1 FROM ${productVariants} WHERE ${productVariants.productId} = ${products.id}
          AND ${productVariants.archivedAt} IS NULL AND ${productVariants.priceVnd} BETWEEN ${sql.placeholder("minPrice")} AND ${sql.placeholder("maxPrice")}))`
      : undefined,
    shape.inStock ? gt(products.stock, 0) : undefined,
  );
}

/** How many products match, up to the placeholder `cap`. */
const countMatches = preparedPerShape((shape: CatalogShape) => {
  const db = getDb();
  const capped = <Q extends SQLiteSelect>(query: Q) => query.where(catalogConditions(shape)).limit(sql.placeholder("cap"));
  const one = { one: sql<number>`1` };
  if (shape.index === null) {
    return db.select({ counted: count() }).from(capped(db.select(one).from(products).$dynamic()).as("matches")).prepare();
  }
  const fts = SEARCH_INDEXES[shape.index];
  return db
    .select({ counted: count() })
    .from(capped(db.select(one).from(fts).innerJoin(products, eq(products.id, fts.rowid)).$dynamic()).as("matches"))
    .prepare();
});

/** One page of matching product cards in the order asked for (placeholders `limit`, `offset`). */
const cardPage = preparedPerShape((shape: CatalogShape & { sort: CatalogSort }) => {
  const db = getDb();
  const page = <Q extends SQLiteSelect>(query: Q) =>
    query
      .where(catalogConditions(shape))
      .orderBy(...ORDER_BY[shape.sort])
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"));
  if (shape.index === null) {
    return page(db.select(productCardColumns).from(products).leftJoin(coverPhoto, coverPhotoOfProduct).$dynamic()).prepare();
  }
  const fts = SEARCH_INDEXES[shape.index];
  return page(
    db.select(productCardColumns).from(fts).innerJoin(products, eq(products.id, fts.rowid)).leftJoin(coverPhoto, coverPhotoOfProduct).$dynamic(),
  ).prepare();
});

/** The most recently listed matches (highest ids) with their rank, up to the placeholder `cap`. */
const rankedHits = preparedPerShape((shape: CatalogShape & { index: SearchIndex }) => {
  const fts = SEARCH_INDEXES[shape.index];
  return getDb()
    .select({ id: products.id, rank: fts.rank })
    .from(fts)
    .innerJoin(products, eq(products.id, fts.rowid))
    .where(catalogConditions(shape))
    .orderBy(desc(fts.rowid))
    .limit(sql.placeholder("cap"))
    .prepare();
});

/** The cards of the products whose ids are in the JSON array `ids`, in no particular order. */
const cardsByIds = once(() =>
  getDb()
    .select(productCardColumns)
    .from(products)
    .leftJoin(coverPhoto, coverPhotoOfProduct)
    .where(sql`${products.id} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`)
    .prepare(),
);

function queryCatalog(filters: CatalogFilters, search: Search | null, limit: number, offset: number) {
  const shape: CatalogShape = {
    index: search?.index ?? null,
    group: Boolean(filters.group),
    province: Boolean(filters.province),
    stars: Boolean(filters.stars),
    minPrice: filters.minPrice !== undefined,
    maxPrice: filters.maxPrice !== undefined,
    inStock: filters.inStock,
  };
  const values = {
    today: todayInVietnam(),
    cap: MAX_COUNTED + 1,
    match: search?.match,
    group: filters.group,
    province: filters.province,
    stars: filters.stars,
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
  };

  if (search && filters.sort === "relevance") return rankedPage({ ...shape, index: search.index }, values, limit, offset);

  const counted = countMatches(shape).get(values)?.counted ?? 0;
  const total = Math.min(counted, MAX_COUNTED);
  if (total === 0 || offset >= total) return { products: [], total, more: counted > MAX_COUNTED };
  const products: ProductCard[] = cardPage({ ...shape, sort: filters.sort }).all({ ...values, limit, offset });
  return { products, total, more: counted > MAX_COUNTED };
}

/**
 * Search results by relevance: the MAX_COUNTED most recently listed matches (highest ids) are read
 * once with their rank, then counted, sorted and paged here, so a common word costs about what a
 * rare one does.
 */
function rankedPage(shape: CatalogShape & { index: SearchIndex }, values: { today: string; cap: number }, limit: number, offset: number) {
  const hits = rankedHits(shape).all(values);
  const total = Math.min(hits.length, MAX_COUNTED);
  const pageIds = hits
    .slice(0, total)
    .sort((a, b) => a.rank - b.rank || b.id - a.id)
    .slice(offset, offset + limit)
    .map((h) => h.id);
  const cards: ProductCard[] = cardsByIds().all({ ids: JSON.stringify(pageIds), today: values.today });
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
  vocabularyOf(getDb().select({ term: productsFtsVocab.term }).from(productsFtsVocab).all().map((r) => r.term)),
);

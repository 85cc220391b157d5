import type { MessageKey } from "~/i18n/vi";
import { parseVndInput } from "../shared/money";
import { isProductGroup, type ProductGroup } from "./groups";

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "stars", "best_selling"] as const;
export type CatalogSort = (typeof SORTS)[number];

export const PAGE_SIZE = 24;
/**
 * How many matches a listing counts and pages through: "Hơn 1.000 sản phẩm" tells a shopper as
 * much as an exact 92.213, and counting stops being the slowest part of a page (ADR 0002).
 */
export const MAX_COUNTED = 1000;
export const MAX_PAGE = Math.ceil(MAX_COUNTED / PAGE_SIZE);
export const MAX_QUERY_LENGTH = 100;
const MAX_PRICE = 1_000_000_000;

export interface CatalogFilters {
  q: string;
  group?: ProductGroup;
  province?: string;
  /** Minimum OCOP stars of a valid certificate. */
  stars?: 3 | 4 | 5;
  minPrice?: number;
  maxPrice?: number;
  inStock: boolean;
  sort: CatalogSort;
  page: number;
}

export type CatalogField = "q" | "group" | "province" | "stars" | "minPrice" | "maxPrice" | "sort" | "page";
export type CatalogErrors = Partial<Record<CatalogField, MessageKey>>;

function parsePrice(raw: string | null): number | undefined | "invalid" {
  if (raw === null || raw.trim() === "") return undefined;
  return parseVndInput(raw, MAX_PRICE) ?? "invalid";
}

/**
 * Reads the catalog's URL parameters (PRODUCT.md §5). A bad value is dropped and reported by its
 * field, so a mistyped price never hides the rest of the catalog.
 */
export function parseCatalogParams(
  params: URLSearchParams,
  isProvinceCode: (code: string) => boolean,
): { filters: CatalogFilters; errors: CatalogErrors } {
  const errors: CatalogErrors = {};
  const filters: CatalogFilters = { q: "", inStock: false, sort: "relevance", page: 1 };

  const q = (params.get("q") ?? "").trim();
  if (q.length > MAX_QUERY_LENGTH) errors.q = "catalog.error.query";
  else filters.q = q;

  const group = params.get("group");
  if (group) {
    if (isProductGroup(group)) filters.group = group;
    else errors.group = "catalog.error.invalid";
  }

  const province = params.get("province");
  if (province) {
    if (isProvinceCode(province)) filters.province = province;
    else errors.province = "catalog.error.invalid";
  }

  const stars = params.get("stars");
  if (stars) {
    if (stars === "3" || stars === "4" || stars === "5") filters.stars = Number(stars) as 3 | 4 | 5;
    else errors.stars = "catalog.error.invalid";
  }

  const minPrice = parsePrice(params.get("minPrice"));
  const maxPrice = parsePrice(params.get("maxPrice"));
  if (minPrice === "invalid") errors.minPrice = "catalog.error.price";
  else filters.minPrice = minPrice;
  if (maxPrice === "invalid") errors.maxPrice = "catalog.error.price";
  else filters.maxPrice = maxPrice;
  if (filters.minPrice !== undefined && filters.maxPrice !== undefined && filters.minPrice > filters.maxPrice) {
    errors.minPrice = "catalog.error.priceRange";
    filters.minPrice = undefined;
  }

  filters.inStock = params.get("inStock") === "1";

  const sort = params.get("sort");
  if (sort) {
    if ((SORTS as readonly string[]).includes(sort)) filters.sort = sort as CatalogSort;
    else errors.sort = "catalog.error.invalid";
  }

  const page = params.get("page");
  if (page) {
    if (/^\d{1,3}$/.test(page) && Number(page) >= 1 && Number(page) <= MAX_PAGE) filters.page = Number(page);
    else errors.page = "catalog.error.invalid";
  }

  return { filters, errors };
}

/** The canonical URL search string of a filter state: only what differs from the defaults, in a fixed order. */
export function catalogSearch(filters: Partial<CatalogFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.group) params.set("group", filters.group);
  if (filters.province) params.set("province", filters.province);
  if (filters.stars) params.set("stars", String(filters.stars));
  if (filters.minPrice !== undefined) params.set("minPrice", String(filters.minPrice));
  if (filters.maxPrice !== undefined) params.set("maxPrice", String(filters.maxPrice));
  if (filters.inStock) params.set("inStock", "1");
  if (filters.sort && filters.sort !== "relevance") params.set("sort", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

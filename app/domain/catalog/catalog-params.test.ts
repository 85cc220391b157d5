import { describe, expect, it } from "vitest";
import { catalogSearch, parseCatalogParams } from "./catalog-params";

const parse = (search: string) => parseCatalogParams(new URLSearchParams(search), (code) => code === "92" || code === "01");

describe("parseCatalogParams", () => {
  it("reads every filter of the shareable URL", () => {
    const { filters, errors } = parse("q=nuoc+mam&group=food&province=92&stars=4&minPrice=10000&maxPrice=200.000&inStock=1&sort=price_asc&page=2");
    expect(errors).toEqual({});
    expect(filters).toEqual({
      q: "nuoc mam",
      group: "food",
      province: "92",
      stars: 4,
      minPrice: 10000,
      maxPrice: 200000,
      inStock: true,
      sort: "price_asc",
      page: 2,
    });
  });
  it("drops each bad value and names its field", () => {
    const { filters, errors } = parse("group=weapons&province=99&stars=7&minPrice=-5&maxPrice=abc&sort=drop&page=0");
    expect(errors).toEqual({
      group: "catalog.error.invalid",
      province: "catalog.error.invalid",
      stars: "catalog.error.invalid",
      minPrice: "catalog.error.price",
      maxPrice: "catalog.error.price",
      sort: "catalog.error.invalid",
      page: "catalog.error.invalid",
    });
    expect(filters).toEqual({ q: "", inStock: false, sort: "relevance", page: 1, minPrice: undefined, maxPrice: undefined });
  });
  it("refuses a price range that is upside down", () => {
    expect(parse("minPrice=500000&maxPrice=100000").errors.minPrice).toBe("catalog.error.priceRange");
  });
  it("refuses overlong queries", () => {
    expect(parse(`q=${"a".repeat(101)}`).errors.q).toBe("catalog.error.query");
  });
});

describe("catalogSearch", () => {
  it("writes a filter state back as a stable URL, defaults left out", () => {
    expect(catalogSearch({ q: "gạo", group: "food", sort: "relevance", page: 1, inStock: false })).toBe("?q=g%E1%BA%A1o&group=food");
    expect(catalogSearch({ q: "", sort: "newest", page: 3, inStock: true })).toBe("?inStock=1&sort=newest&page=3");
    expect(catalogSearch({})).toBe("");
  });
});

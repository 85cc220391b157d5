import { describe, expect, it } from "vitest";
import { collectionSchema, productSlugFromLine } from "./collection-form";

describe("productSlugFromLine", () => {
  it("takes a storefront URL, a path or a slug", () => {
    expect(productSlugFromLine("https://cho-ocop.vn/products/gao-st25-soc-trang?x=1")).toBe("gao-st25-soc-trang");
    expect(productSlugFromLine("/products/nuoc-mam-phu-quoc/")).toBe("nuoc-mam-phu-quoc");
    expect(productSlugFromLine("  mat-ong-ba-vi ")).toBe("mat-ong-ba-vi");
    expect(productSlugFromLine("Nước mắm")).toBeNull();
  });
});

describe("collectionSchema", () => {
  const base = { title: "Quà Tết miền Tây", startsOn: "2026-12-01", products: "gao-st25\nnuoc-mam-phu-quoc\ngao-st25" };
  it("keeps the products in order without repeats", () => {
    const parsed = collectionSchema.parse(base);
    expect(parsed.products).toEqual(["gao-st25", "nuoc-mam-phu-quoc"]);
  });
  it("refuses an end before the start, no products and unreadable lines", () => {
    expect(collectionSchema.safeParse({ ...base, endsOn: "2026-11-30" }).success).toBe(false);
    expect(collectionSchema.safeParse({ ...base, products: "  " }).success).toBe(false);
    expect(collectionSchema.safeParse({ ...base, products: "Nước mắm ngon" }).success).toBe(false);
  });
});

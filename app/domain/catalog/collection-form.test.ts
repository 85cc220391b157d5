import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { productSlugFromLine } from "./collection-draft";
import { collectionSchema } from "./collection-form";

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
  it("puts the picked products first, then the pasted ones", () => {
    const parsed = collectionSchema.parse({ ...base, pick: ["mat-ong", "gao-st25"], products: "nuoc-mam-phu-quoc" });
    expect(parsed.products).toEqual(["mat-ong", "gao-st25", "nuoc-mam-phu-quoc"]);
  });
  it("reads one picked product from a form as a list of one", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: "Quà Tết", startsOn: "2026-12-01", pick: "mat-ong" })) form.append(k, v);
    const submission = parseWithZod(form, { schema: collectionSchema });
    expect(submission.status === "success" && submission.value.products).toEqual(["mat-ong"]);
  });
  it("refuses a picked value that is not a product, by the products", () => {
    const result = collectionSchema.safeParse({ ...base, products: undefined, pick: ["mat-ong", "<script>"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["products", "collection.error.products"]]);
  });
});

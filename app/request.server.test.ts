import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./request.server";

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/products?q=nuoc+mam&page=2")).toBe("/products?q=nuoc+mam&page=2");
    expect(safeRedirectPath("/")).toBe("/");
  });
  it("refuses anything that could leave the site or break the Location header", () => {
    for (const hostile of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/x", "/\u2028/x", "https://evil.example", "evil", "", "/ø"]) {
      expect(safeRedirectPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
    expect(safeRedirectPath(null)).toBe("/");
  });
});

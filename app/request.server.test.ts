import { describe, expect, it } from "vitest";
import { idParam, safeRedirectPath } from "./request.server";

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

describe("idParam", () => {
  it("takes positive whole numbers and answers 404 for anything else", () => {
    expect(idParam("42")).toBe(42);
    for (const bad of [undefined, "", "0", "-1", "1.5", "abc", "1e3x", "99999999999999999999"]) {
      let status = 0;
      try {
        idParam(bad);
      } catch (error) {
        status = (error as Response).status;
      }
      expect(status, String(bad)).toBe(404);
    }
  });
});

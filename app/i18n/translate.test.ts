import { describe, expect, it } from "vitest";
import { en } from "./en";
import { isMessageKey, pageCatalog, translator } from "./translate";
import { viMore } from "./vi-more";

describe("pageCatalog: messages come from the routes that name them", () => {
  it("gives a storefront page only the storefront's Vietnamese", () => {
    const t = translator(pageCatalog([{ handle: undefined }, {}]));
    expect(t("site.name")).toBe("Chợ OCOP");
    // A portal key on a page whose routes did not name the portal messages shows as itself.
    expect(t("seller.createProfile")).toBe("seller.createProfile");
    expect(isMessageKey("seller.createProfile", pageCatalog([{}]))).toBe(false);
  });

  it("adds what a matched route names in its handle, for that page and the pages under it", () => {
    const catalog = pageCatalog([{ handle: undefined }, { handle: { messages: viMore } }, { handle: { other: 1 } }]);
    expect(translator(catalog)("seller.createProfile")).toBe("Tạo hồ sơ nhà sản xuất");
    expect(translator(catalog)("site.name")).toBe("Chợ OCOP");
    expect(isMessageKey("seller.createProfile", catalog)).toBe(true);
  });

  it("gives an English visitor the English catalog whole, whatever the routes name", () => {
    const catalog = pageCatalog([{ handle: { messages: viMore } }], en);
    expect(translator(catalog)("seller.createProfile")).toBe(en["seller.createProfile"]);
  });
});

import { describe, expect, it } from "vitest";
import { isAnonymous, isPublic, pageCacheControl, PUBLIC_PAGE_HEADERS } from "./cache-policy";

const publicControl = PUBLIC_PAGE_HEADERS["Cache-Control"];

describe("isAnonymous", () => {
  it("counts a visitor with no cookie, or only the language cookie, as anonymous", () => {
    expect(isAnonymous(undefined)).toBe(true);
    expect(isAnonymous("")).toBe(true);
    expect(isAnonymous("lang=ImVuIg%3D%3D")).toBe(true);
  });

  it("counts any other cookie as someone whose page may be personal", () => {
    expect(isAnonymous("ocop_session=abc")).toBe(false);
    expect(isAnonymous("lang=ImVuIg%3D%3D; ocop_cart=xyz")).toBe(false);
    expect(isAnonymous("ocop_flash=1;lang=x")).toBe(false);
    expect(isAnonymous("something_new=1")).toBe(false);
    // A cookie named like the language cookie's prefix is still another cookie.
    expect(isAnonymous("language=en")).toBe(false);
  });
});

describe("pageCacheControl", () => {
  const page = { method: "GET", anonymous: true, status: 200, routeCacheControl: publicControl, setsCookie: false };

  it("keeps a public route's header for an anonymous visitor", () => {
    expect(pageCacheControl(page)).toBe(publicControl);
    expect(pageCacheControl({ ...page, status: 404 })).toBe(publicControl);
  });

  it("makes the page private for a signed-in visitor, a cookie set, an error or a route that did not say public", () => {
    expect(pageCacheControl({ ...page, anonymous: false })).toBe("private, no-store");
    expect(pageCacheControl({ ...page, method: "POST" })).toBe("private, no-store");
    expect(pageCacheControl({ ...page, setsCookie: true })).toBe("private, no-store");
    expect(pageCacheControl({ ...page, status: 500 })).toBe("private, no-store");
    expect(pageCacheControl({ ...page, status: 303 })).toBe("private, no-store");
    expect(pageCacheControl({ ...page, routeCacheControl: null })).toBe("private, no-store");
    expect(pageCacheControl({ ...page, routeCacheControl: "no-cache" })).toBe("private, no-store");
  });
});

describe("isPublic", () => {
  it("reads the public directive wherever it stands, and nothing that merely contains the word", () => {
    expect(isPublic("public, max-age=60")).toBe(true);
    expect(isPublic("max-age=60,public")).toBe(true);
    expect(isPublic("private, no-store")).toBe(false);
    expect(isPublic("x-public-ish")).toBe(false);
    expect(isPublic(null)).toBe(false);
  });
});

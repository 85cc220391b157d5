import { describe, expect, it } from "vitest";
import { originalOfThumb, responsivePhoto, thumbName } from "./photo-urls";

describe("photo URLs", () => {
  it("offers the small copy and the full photo of a large WebP", () => {
    expect(responsivePhoto("products/0a1b2c3d4e5f.webp", 1280)).toEqual({
      src: "/media/products/0a1b2c3d4e5f.w400.webp",
      srcSet: "/media/products/0a1b2c3d4e5f.w400.webp 400w, /media/products/0a1b2c3d4e5f.webp 1280w",
    });
  });

  it("sends a photo as it is when it is already small, its width is unknown, or it is not a public WebP", () => {
    expect(responsivePhoto("products/0a1b2c3d4e5f.webp", 400)).toEqual({ src: "/media/products/0a1b2c3d4e5f.webp" });
    expect(responsivePhoto("products/0a1b2c3d4e5f.webp", null)).toEqual({ src: "/media/products/0a1b2c3d4e5f.webp" });
    expect(responsivePhoto("products/0a1b2c3d4e5f.png", 900)).toEqual({ src: "/media/products/0a1b2c3d4e5f.png" });
    expect(responsivePhoto("evidence/0a1b2c3d4e5f.webp", 900)).toEqual({ src: "/media/evidence/0a1b2c3d4e5f.webp" });
  });

  it("maps a small copy back to its photo, and nothing else", () => {
    expect(originalOfThumb(thumbName("producers/abcdef0123.webp")!)).toBe("producers/abcdef0123.webp");
    expect(originalOfThumb("producers/abcdef0123.webp")).toBeNull();
    expect(originalOfThumb("evidence/abcdef0123.w400.webp")).toBeNull();
    expect(originalOfThumb("products/../x.w400.webp")).toBeNull();
  });
});

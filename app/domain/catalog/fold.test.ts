import { describe, expect, it } from "vitest";
import { foldVietnamese, slugify } from "./fold";

describe("foldVietnamese", () => {
  it("removes tone and vowel marks", () => {
    expect(foldVietnamese("Nước mắm Phú Quốc")).toBe("nuoc mam phu quoc");
    expect(foldVietnamese("Cà phê Buôn Ma Thuột")).toBe("ca phe buon ma thuot");
    expect(foldVietnamese("Ếch ướp muối ỚT")).toBe("ech uop muoi ot");
  });

  it("folds đ and Đ to d, which Unicode decomposition does not", () => {
    expect(foldVietnamese("đặc sản")).toBe("dac san");
    expect(foldVietnamese("ĐẶC SẢN Đà Lạt")).toBe("dac san da lat");
  });

  it("treats precomposed and combining forms alike", () => {
    expect(foldVietnamese("m\u1eafm")).toBe(foldVietnamese("ma\u0306\u0301m"));
  });

  it("turns punctuation into single spaces and keeps digits", () => {
    expect(foldVietnamese("  Gạo ST25 — túi 5kg!! ")).toBe("gao st25 tui 5kg");
    expect(foldVietnamese("<script>alert(1)</script>")).toBe("script alert 1 script");
  });
});

describe("slugify", () => {
  it("makes URL-safe slugs from Vietnamese names", () => {
    expect(slugify("Mật ong bạc hà Hà Giang")).toBe("mat-ong-bac-ha-ha-giang");
    expect(slugify("Trà Shan tuyết (hộp 100g)")).toBe("tra-shan-tuyet-hop-100g");
  });
});

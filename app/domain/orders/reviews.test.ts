import { describe, expect, it } from "vitest";
import { reviewerName, reviewSchema } from "./reviews";

describe("reviewerName", () => {
  it("shows the given name and the family initial only", () => {
    expect(reviewerName("Nguyễn Văn An")).toBe("An N.");
    expect(reviewerName("  Lan ")).toBe("Lan");
    expect(reviewerName("đặng thị hoa")).toBe("hoa Đ.");
  });
});

describe("reviewSchema", () => {
  it("takes 1 to 5 whole stars", () => {
    expect(reviewSchema.safeParse({ productId: "3", stars: "5" }).success).toBe(true);
    for (const stars of ["0", "6", "4.5", "", "x"]) expect(reviewSchema.safeParse({ productId: "3", stars }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { nationalPhone, normaliseVietnamesePhone } from "./phone";

describe("phone numbers for Zalo and SMS", () => {
  it("normalises the ways people write a Vietnamese mobile number to 84xxxxxxxxx", () => {
    for (const written of ["0912345678", "0912 345 678", "+84912345678", "84912345678", "091.234.5678", "(+84) 912-345-678"]) {
      expect(normaliseVietnamesePhone(written)).toBe("84912345678");
    }
  });

  it("refuses what is not a Vietnamese mobile number", () => {
    for (const written of ["02923812345", "+4915112345678", "091234567", "09123456789", "abc", ""]) {
      expect(normaliseVietnamesePhone(written)).toBeNull();
    }
  });

  it("turns the 84 form back into the national one", () => {
    expect(nationalPhone("84912345678")).toBe("0912345678");
  });
});

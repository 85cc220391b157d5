import { describe, expect, it } from "vitest";
import { formatVnd, parseVndInput } from "./money";

describe("formatVnd", () => {
  it("writes đồng the Vietnamese way, dots between thousands", () => {
    expect(formatVnd(125000)).toBe("125.000\u00a0₫");
    expect(formatVnd(1_250_000)).toBe("1.250.000\u00a0₫");
    expect(formatVnd(0)).toBe("0\u00a0₫");
  });
});

describe("parseVndInput", () => {
  it("reads amounts however thousands are separated", () => {
    for (const typed of ["125000", "125.000", "125,000", " 125 000 "]) expect(parseVndInput(typed), typed).toBe(125000);
  });
  it("refuses decimals, signs, words and amounts over the limit", () => {
    for (const typed of ["", "abc", "-5", "12.5k", "1e6", "99999999999", "250000.5", "250.000,00", "1.5", "1.2.3", "12.34"]) {
      expect(parseVndInput(typed), typed).toBeNull();
    }
    expect(parseVndInput("100.000.000", 99_999_999)).toBeNull();
  });
});

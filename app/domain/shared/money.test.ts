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
  it("reads the shorthand people write prices in", () => {
    const cases: [string, number][] = [
      ["250k", 250_000],
      ["250K", 250_000],
      ["250 k", 250_000],
      ["250 nghìn", 250_000],
      ["250 ngàn", 250_000],
      ["250 nghin", 250_000],
      ["250 nghìn đồng", 250_000],
      ["250.000đ", 250_000],
      ["250.000 ₫", 250_000],
      ["250.000 VNĐ", 250_000],
      ["12,5k", 12_500],
      ["1,5 triệu", 1_500_000],
      ["1.5tr", 1_500_000],
      ["2 triệu", 2_000_000],
      ["0,125 triệu", 125_000],
    ];
    for (const [typed, vnd] of cases) expect(parseVndInput(typed), typed).toBe(vnd);
  });
  it("refuses decimals, signs, words and amounts over the limit", () => {
    for (const typed of ["", "abc", "-5", "1,2345 triệu", "1e6", "250 đô", "k", "250 nghìn nghìn", "99999999999", "250000.5", "250.000,00", "1.5", "1.2.3", "12.34"]) {
      expect(parseVndInput(typed), typed).toBeNull();
    }
    expect(parseVndInput("100.000.000", 99_999_999)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatVnd, vnd } from "./money";

describe("formatVnd", () => {
  it("writes đồng the Vietnamese way, dots between thousands", () => {
    expect(formatVnd(125000)).toBe("125.000\u00a0₫");
    expect(formatVnd(1_250_000)).toBe("1.250.000\u00a0₫");
    expect(formatVnd(0)).toBe("0\u00a0₫");
  });
});

describe("vnd", () => {
  it("accepts whole numbers only", () => {
    expect(vnd(99_999_999)).toBe(99_999_999);
    expect(() => vnd(1.5)).toThrow(RangeError);
    expect(() => vnd(Number.NaN)).toThrow(RangeError);
    expect(() => vnd(2 ** 60)).toThrow(RangeError);
  });
});

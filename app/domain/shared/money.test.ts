import { describe, expect, it } from "vitest";
import { formatVnd } from "./money";

describe("formatVnd", () => {
  it("writes đồng the Vietnamese way, dots between thousands", () => {
    expect(formatVnd(125000)).toBe("125.000\u00a0₫");
    expect(formatVnd(1_250_000)).toBe("1.250.000\u00a0₫");
    expect(formatVnd(0)).toBe("0\u00a0₫");
  });
});

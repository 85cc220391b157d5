import { describe, expect, it } from "vitest";
import { addDays, addMonths, isIsoDate, todayInVietnam } from "./dates";

describe("todayInVietnam", () => {
  it("uses Vietnam's date, seven hours ahead of UTC", () => {
    expect(todayInVietnam(new Date("2026-11-23T16:59:59Z"))).toBe("2026-11-23");
    expect(todayInVietnam(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
  });
});

describe("addMonths", () => {
  it("adds whole months", () => {
    expect(addMonths("2025-07-15", 36)).toBe("2028-07-15");
  });
  it("clamps to the last day of a shorter month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 36)).toBe("2027-02-28");
  });
  it("refuses impossible dates", () => {
    expect(() => addMonths("2025-02-30", 1)).toThrow(RangeError);
  });
});

describe("dates", () => {
  it("validates ISO dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("26-2-1")).toBe(false);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

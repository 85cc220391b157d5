import { describe, expect, it } from "vitest";
import { addDays, addMonths, isIsoDate, todayInVietnam } from "./dates";

describe("todayInVietnam", () => {
  it("uses Vietnam's date, seven hours ahead of UTC", () => {
    expect(todayInVietnam(new Date("2026-11-23T16:59:59Z"))).toBe("2026-11-23");
    expect(todayInVietnam(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
  });

  it("agrees with the time-zone database across a year, a leap day and New Year", () => {
    const zone = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });
    for (let at = Date.UTC(2027, 11, 1); at < Date.UTC(2029, 0, 2); at += 3 * 3_600_000 + 17 * 60_000) {
      expect(todayInVietnam(new Date(at))).toBe(zone.format(new Date(at)));
    }
    expect(todayInVietnam(new Date("2028-02-28T17:00:00Z"))).toBe("2028-02-29");
    expect(todayInVietnam(new Date("2027-12-31T17:00:00Z"))).toBe("2028-01-01");
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

import { describe, expect, it } from "vitest";
import { afterQuietHours } from "./quiet-hours";

/** An instant given as Vietnam's wall-clock time. */
const vn = (text: string) => Date.parse(`${text}+07:00`);

describe("quiet hours", () => {
  it("lets a message go at once during the day", () => {
    expect(afterQuietHours(vn("2026-12-03T07:00:00"))).toBe(vn("2026-12-03T07:00:00"));
    expect(afterQuietHours(vn("2026-12-03T20:59:59"))).toBe(vn("2026-12-03T20:59:59"));
  });

  it("holds an evening message until seven the next morning", () => {
    expect(afterQuietHours(vn("2026-12-03T21:00:00"))).toBe(vn("2026-12-04T07:00:00"));
    expect(afterQuietHours(vn("2026-12-31T23:30:00"))).toBe(vn("2027-01-01T07:00:00"));
  });

  it("holds a message after midnight until seven the same morning (whatever the UTC date)", () => {
    expect(afterQuietHours(vn("2026-12-04T00:10:00"))).toBe(vn("2026-12-04T07:00:00"));
    expect(afterQuietHours(vn("2026-12-04T06:59:00"))).toBe(vn("2026-12-04T07:00:00"));
  });
});

import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("dates as the reader writes them", () => {
  it("writes calendar dates day first in Vietnamese and with the month in words in English", () => {
    expect(formatDate("2026-07-01", "vi")).toBe("01/07/2026");
    expect(formatDate("2028-10-03", "en")).toBe("3 Oct 2028");
  });

  it("shows moments in Vietnam's time whatever the server's zone", () => {
    // 17:30 UTC on 30 Nov is 00:30 on 1 Dec in Vietnam.
    const late = Date.UTC(2026, 10, 30, 17, 30);
    expect(formatDateTime(late, "vi")).toBe("00:30 01/12/2026");
    expect(formatDateTime(late, "en")).toBe("1 Dec 2026, 00:30");
    expect(formatDateTime(late, "vi", { day: true })).toBe("01/12/2026");
    expect(formatDateTime(late, "en", { day: true })).toBe("1 Dec 2026");
  });
});

import { describe, expect, it } from "vitest";
import { certifiedFieldsLocked, lockedFieldChanges } from "./certified-fields";

const rice = { name: "Gạo ST25", groupCode: "food", unit: "túi 5 kg", badgeStars: 4, badgeExpiresOn: "2027-06-01" };
const same = { name: "Gạo ST25", groupCode: "food", unit: "túi 5 kg" };

describe("certified fields", () => {
  it("locks name, group and unit while the badge shows, and names each one an edit would change", () => {
    expect(certifiedFieldsLocked(rice, "2026-12-02")).toBe(true);
    expect(lockedFieldChanges(rice, same, "2026-12-02")).toEqual([]);
    expect(lockedFieldChanges(rice, { ...same, name: "  Gạo ST25 " }, "2026-12-02")).toEqual([]);
    expect(lockedFieldChanges(rice, { name: "Thuốc bổ thận", groupCode: "herbal", unit: "hộp" }, "2026-12-02")).toEqual(["name", "groupCode", "unit"]);
    expect(lockedFieldChanges(rice, { ...same, unit: "kg" }, "2026-12-02")).toEqual(["unit"]);
  });

  it("frees them once the badge is gone: expired on its expiry day, or no certificate at all", () => {
    expect(lockedFieldChanges(rice, { ...same, name: "Gạo ST24" }, "2027-06-01")).toEqual([]);
    expect(certifiedFieldsLocked({ ...rice, badgeStars: null, badgeExpiresOn: null }, "2026-12-02")).toBe(false);
  });
});

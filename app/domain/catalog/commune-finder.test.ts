import { describe, expect, it } from "vitest";
import { communeEntry, findCommunes, resolveCommune } from "./commune-finder";

const canTho = { name: "Cần Thơ", fullName: "Thành phố Cần Thơ" };
const dongNai = { name: "Đồng Nai", fullName: "Tỉnh Đồng Nai" };
const tayNinh = { name: "Tây Ninh", fullName: "Tỉnh Tây Ninh" };
const entry = (code: string, provinceCode: string, name: string, fullName: string, province: { name: string; fullName: string }) =>
  communeEntry({ code, provinceCode, name, fullName }, province, `${fullName}, ${province.fullName}`);
const entries = [
  entry("31150", "92", "Mỹ Xuyên", "Phường Mỹ Xuyên", canTho),
  entry("31151", "92", "Mỹ Xuyên Đông", "Xã Mỹ Xuyên Đông", canTho),
  entry("26000", "75", "Tân Phú", "Xã Tân Phú", dongNai),
  entry("25000", "80", "Tân Phú", "Xã Tân Phú", tayNinh),
  entry("25001", "80", "Tân Phú Trung", "Xã Tân Phú Trung", tayNinh),
];

describe("the commune finder", () => {
  it("finds a commune typed without diacritics or its prefix, the exact name first", () => {
    expect(findCommunes(entries, "my xuyen", 5).map((e) => e.code)).toEqual(["31150", "31151"]);
    expect(findCommunes(entries, "Phường Mỹ Xuyên", 5).map((e) => e.code)).toEqual(["31150"]);
    expect(findCommunes(entries, "  ", 5)).toEqual([]);
  });

  it("takes the province typed after the commune to tell same-named communes apart", () => {
    expect(resolveCommune(entries, "tan phu, dong nai")).toEqual({ found: entries[2] });
    expect(resolveCommune(entries, "Tân Phú Tây Ninh")).toEqual({ found: entries[3] });
    expect(resolveCommune(entries, "tan phu tay")).toEqual({ found: entries[3] });
    // The label the form shows again after a save names its commune too.
    expect(resolveCommune(entries, "Xã Tân Phú, Tỉnh Tây Ninh")).toEqual({ found: entries[3] });
  });

  it("resolves one commune, asks to choose between same-named ones, and says when none matches", () => {
    expect(resolveCommune(entries, "My Xuyen")).toEqual({ found: entries[0] });
    expect(resolveCommune(entries, "tan phu")).toEqual({ choices: [entries[2], entries[3]], sameName: true });
    // A name typed in part offers what it begins, said as such (not "several share this name").
    expect(resolveCommune(entries, "my")).toEqual({ choices: [entries[0], entries[1]], sameName: false });
    expect(resolveCommune(entries, "Hoàn Kiếm")).toEqual({ none: true });
  });
});

import { describe, expect, it } from "vitest";
import { sortByName } from "./place-names";

describe("sortByName", () => {
  it("sorts Vietnamese names by Vietnamese collation: a before ă before â, d before đ", () => {
    const names = ["Tuyên Quang", "Đồng Tháp", "Hà Nội", "Cần Thơ", "Cao Bằng", "Cà Mau", "Điện Biên", "Đà Nẵng", "An Giang", "Gia Lai"];
    expect(sortByName(names.map((name) => ({ name })), "vi").map((p) => p.name)).toEqual([
      "An Giang",
      "Cà Mau",
      "Cao Bằng",
      "Cần Thơ",
      "Đà Nẵng",
      "Điện Biên",
      "Đồng Tháp",
      "Gia Lai",
      "Hà Nội",
      "Tuyên Quang",
    ]);
  });

  it("sorts English names alphabetically and leaves its input as it was", () => {
    const input = [{ name: "Hanoi" }, { name: "Ca Mau" }, { name: "Da Nang" }, { name: "An Giang" }];
    expect(sortByName(input, "en").map((p) => p.name)).toEqual(["An Giang", "Ca Mau", "Da Nang", "Hanoi"]);
    expect(input[0]!.name).toBe("Hanoi");
  });
});

import { describe, expect, it } from "vitest";
import { MAX_COLLECTION_PRODUCTS, movePick, parsePickMove, readDraft } from "./collection-draft";

describe("parsePickMove", () => {
  it("reads the chosen list's and the results' buttons, and nothing else", () => {
    expect(parsePickMove("add:gao-st25")).toEqual({ op: "add", slug: "gao-st25" });
    expect(parsePickMove("up:mat-ong")).toEqual({ op: "up", slug: "mat-ong" });
    expect(parsePickMove("save")).toBeNull();
    expect(parsePickMove("add:Gạo ST25")).toBeNull();
    expect(parsePickMove(["add:a"])).toBeNull();
  });
});

describe("movePick", () => {
  const list = ["a", "b", "c"];
  it("adds at the end once, moves one place and removes", () => {
    expect(movePick(list, { op: "add", slug: "d" }).picks).toEqual(["a", "b", "c", "d"]);
    expect(movePick(list, { op: "add", slug: "b" }).picks).toEqual(list);
    expect(movePick(list, { op: "up", slug: "c" }).picks).toEqual(["a", "c", "b"]);
    expect(movePick(list, { op: "down", slug: "a" }).picks).toEqual(["b", "a", "c"]);
    expect(movePick(list, { op: "remove", slug: "b" }).picks).toEqual(["a", "c"]);
  });
  it("leaves the ends and unknown products as they are", () => {
    expect(movePick(list, { op: "up", slug: "a" }).picks).toEqual(list);
    expect(movePick(list, { op: "down", slug: "c" }).picks).toEqual(list);
    expect(movePick(list, { op: "remove", slug: "z" }).picks).toEqual(list);
  });
  it("refuses a product past the limit, saying so", () => {
    const full = Array.from({ length: MAX_COLLECTION_PRODUCTS }, (_, i) => `p-${i}`);
    expect(movePick(full, { op: "add", slug: "one-more" })).toEqual({ picks: full, full: true });
  });
});

describe("readDraft", () => {
  it("keeps the fields, the picks in order once each, and moves pasted products into the list", () => {
    const form = new URLSearchParams([
      ["title", "Quà Tết"],
      ["startsOn", "2026-12-01"],
      ["pick", "gao-st25"],
      ["pick", "mat-ong"],
      ["pick", "gao-st25"],
      ["pick", "<b>không phải</b>"],
      ["products", "https://cho-ocop.vn/products/nuoc-mam\nNước mắm ngon"],
    ]);
    expect(readDraft(form)).toEqual({
      title: "Quà Tết",
      description: "",
      startsOn: "2026-12-01",
      endsOn: "",
      position: "",
      picks: ["gao-st25", "mat-ong", "nuoc-mam"],
      pasted: "Nước mắm ngon",
    });
  });
});

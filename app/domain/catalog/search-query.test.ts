import { describe, expect, it } from "vitest";
import { fuzzyMatch, prefixMatch, queryWords } from "./search-query";
import { closeTerms, editDistance } from "./typo";

describe("queryWords and prefixMatch", () => {
  it("folds the query into words that must all match, the last one as a prefix", () => {
    expect(queryWords("Nước  Mắm!")).toEqual(["nuoc", "mam"]);
    expect(prefixMatch(queryWords("đặc sản"))).toBe('"dac" AND "san"*');
    expect(prefixMatch(queryWords("st2"))).toBe('"st2"*');
  });
  it("cuts overlong words instead of dropping them", () => {
    expect(queryWords("a".repeat(60))).toEqual(["a".repeat(40)]);
  });
  it("leaves no FTS5 syntax through", () => {
    expect(prefixMatch(queryWords('nuoc" OR * NEAR(a) -b'))).toBe('"nuoc" AND "or" AND "near" AND "a" AND "b"*');
    expect(prefixMatch(queryWords("  !!! "))).toBeNull();
  });
});

describe("typo tolerance", () => {
  it("counts edits, including swapped neighbours, and gives up past the limit", () => {
    expect(editDistance("nuoc", "nuoc", 1)).toBe(0);
    expect(editDistance("nuco", "nuoc", 1)).toBe(1);
    expect(editDistance("mma", "mam", 1)).toBe(1);
    expect(editDistance("caphe", "tra", 2)).toBe(3);
  });
  const terms = ["ca", "cafe", "gao", "mam", "mat", "nuoc", "ong", "phe", "st25"];
  it("finds what a mistyped word meant, the closest first", () => {
    expect(closeTerms("nuco", terms)).toEqual(["nuoc"]);
    expect(closeTerms("cafr", terms)).toEqual(["cafe"]);
  });
  it("does not guess for words of three letters or fewer", () => {
    expect(closeTerms("mma", terms)).toEqual([]);
  });
  it("corrects only the words that match nothing", () => {
    const has = (w: string) => terms.some((t) => t.startsWith(w));
    expect(fuzzyMatch(["nuco", "mam"], has, terms)).toBe('("nuoc") AND "mam"*');
    expect(fuzzyMatch(["nuoc", "mam"], has, terms)).toBeNull();
    expect(fuzzyMatch(["xyzw"], has, terms)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { prefixMatch, queryWords, typoMatch, vocabularyOf } from "./search-query";
import { foldForSearch, productSearchText } from "./search-text";
import { closeTerms, editDistance } from "./typo";

describe("queryWords and prefixMatch", () => {
  it("folds the query into words that must all match, the last one as a prefix", () => {
    expect(queryWords("Nước  Mắm!")).toEqual([["nuoc"], ["mam"]]);
    expect(prefixMatch(queryWords("đặc sản"))).toBe('"dac" AND "san"*');
    expect(prefixMatch(queryWords("mat ong rung"))).toBe('"mat" AND "ong" AND "rung"*');
  });
  it("splits letters from digits, keeping the pieces of one typed word together", () => {
    expect(queryWords("gao ST25")).toEqual([["gao"], ["st", "25"]]);
    expect(prefixMatch(queryWords("gao st25"))).toBe('"gao" AND "st" + "25"*');
    expect(prefixMatch(queryWords("gao st 25"))).toBe('"gao" AND "st" AND "25"*');
    expect(prefixMatch(queryWords("st2"))).toBe('"st" + "2"*');
    expect(prefixMatch(queryWords("chai 500ml"))).toBe('"chai" AND "500" + "ml"*');
    expect(prefixMatch(queryWords("5kg gao"))).toBe('"5" + "kg" AND "gao"*');
  });
  it("cuts overlong words instead of dropping them", () => {
    expect(queryWords("a".repeat(60))).toEqual([["a".repeat(40)]]);
  });
  it("leaves no FTS5 syntax through", () => {
    expect(prefixMatch(queryWords('nuoc" OR * NEAR(a) -b'))).toBe('"nuoc" AND "or" AND "near" AND "a" AND "b"*');
    expect(prefixMatch(queryWords("  !!! "))).toBeNull();
  });
});

describe("the indexed text", () => {
  it("splits letters from digits the way queries are split", () => {
    expect(foldForSearch("Gạo ST25 túi 5kg, chai 500 ml")).toBe("gao st 25 tui 5 kg chai 500 ml");
    expect(foldForSearch("Gạo ST 25")).toBe(foldForSearch("gạo st25"));
    expect(foldForSearch("40 độ đạm")).toBe("40 do dam");
  });
  it("puts what the product is and where from on the first line, the rest on the second", () => {
    const text = productSearchText({
      name: "Chả mực giã tay Vân Đồn",
      producerName: "Công ty Cổ phần Nước mắm Cái Rồng",
      provinceName: "Quảng Ninh",
      groupCode: "food",
      description: "Thêm chút nước mắm.",
    });
    expect(text).toBe("cha muc gia tay van don quang ninh\nthuc pham cong ty co phan nuoc mam cai rong them chut nuoc mam");
  });
});

describe("typo tolerance", () => {
  it("counts edits, including swapped neighbours, and gives up past the limit", () => {
    expect(editDistance("nuoc", "nuoc", 1)).toBe(0);
    expect(editDistance("nuco", "nuoc", 1)).toBe(1);
    expect(editDistance("mma", "mam", 1)).toBe(1);
    expect(editDistance("caphe", "tra", 2)).toBe(3);
  });
  const terms = ["ca", "cafe", "gao", "mam", "mat", "nuoc", "ong", "phe", "rong", "rung", "st", "25"];
  const vocabulary = vocabularyOf(terms);
  it("finds what a mistyped word meant, the closest first", () => {
    expect(closeTerms("nuco", terms)).toEqual(["nuoc"]);
    expect(closeTerms("cafr", terms)).toEqual(["cafe"]);
  });
  it("does not guess for words of three letters or fewer", () => {
    expect(closeTerms("mma", terms)).toEqual([]);
  });
  it("knows a vocabulary's words, and their starts", () => {
    expect(vocabulary.knows("nuoc", false)).toBe(true);
    expect(vocabulary.knows("nuo", false)).toBe(false);
    expect(vocabulary.knows("nuo", true)).toBe(true);
    expect(vocabulary.knows("zz", true)).toBe(false);
  });
  it("corrects only the words the index does not know", () => {
    expect(typoMatch(queryWords("nuco mam"), vocabulary)).toBe('("nuoc") AND "mam"*');
    expect(typoMatch(queryWords("mat ong rnug"), vocabulary)).toBe('"mat" AND "ong" AND ("rung")');
    // "rong" is a real word one edit from "rung": correcting it would list other goods.
    expect(typoMatch(queryWords("mat ong rong"), vocabulary)).toBeNull();
    expect(typoMatch(queryWords("nuoc mam"), vocabulary)).toBeNull();
  });
  it("keeps words with digits as typed and gives up on a word it cannot correct", () => {
    expect(typoMatch(queryWords("gaoo st25"), vocabulary)).toBe('("gao") AND "st" + "25"*');
    expect(typoMatch(queryWords("gao 2500"), vocabulary)).toBeNull();
    expect(typoMatch(queryWords("xyzw mam"), vocabulary)).toBeNull();
  });
});

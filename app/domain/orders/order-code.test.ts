import { describe, expect, it } from "vitest";
import {
  generateOrderCode,
  isOrderCode,
  ORDER_CODE_ALPHABET,
  ORDER_CODE_LENGTH,
  orderCodeCandidates,
  randomFromAlphabet,
  type RandomBytes,
} from "./order-code";

/** Hands out the given bytes in order, as many as asked for each call. */
function scripted(bytes: number[]): RandomBytes {
  let at = 0;
  return (n) => {
    const out = Uint8Array.from(bytes.slice(at, at + n));
    at += n;
    if (out.length < n) throw new Error("scripted bytes ran out");
    return out;
  };
}

describe("order code alphabet", () => {
  it("has 32 unambiguous symbols", () => {
    expect(ORDER_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(ORDER_CODE_ALPHABET).size).toBe(32);
    for (const confusable of ["0", "O", "1", "I"]) expect(ORDER_CODE_ALPHABET).not.toContain(confusable);
    expect(ORDER_CODE_LENGTH).toBe(12);
  });
});

describe("generateOrderCode", () => {
  it("gives unique, well-formed codes over 10,000 draws", () => {
    const codes = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const code = generateOrderCode();
      expect(isOrderCode(code), code).toBe(true);
      codes.add(code);
    }
    expect(codes.size).toBe(10_000);
  });
  it("maps bytes to the alphabet", () => {
    expect(generateOrderCode(scripted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe("OCABCDEFGHJK");
    expect(generateOrderCode(scripted([31, 63, 95, 127, 159, 191, 223, 255, 30, 62]))).toBe("OC9999999988");
  });
});

describe("randomFromAlphabet", () => {
  it("throws away bytes that would favour some symbols", () => {
    // 256 = 3 * 85 + 1: byte 255 would make "A" likelier, so it is skipped and another byte is drawn.
    expect(randomFromAlphabet("ABC", 3, scripted([255, 0, 255, 1, 2]))).toBe("ABC");
  });
  it("is exactly uniform over every byte value", () => {
    const all = Array.from({ length: 256 }, (_, byte) => byte);
    // 256 bytes give 250 accepted draws for a 10-symbol alphabet: 25 of each.
    const drawn = randomFromAlphabet("0123456789", 250, scripted(all));
    const counts = new Map<string, number>();
    for (const symbol of drawn) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect([...counts.values()]).toEqual(Array(10).fill(25));
  });
  it("refuses alphabets it cannot sample from", () => {
    expect(() => randomFromAlphabet("A", 3)).toThrow(/alphabet/);
    expect(() => randomFromAlphabet("x".repeat(257), 3)).toThrow(/alphabet/);
  });
});

describe("isOrderCode", () => {
  it("accepts OC plus ten symbols of the alphabet", () => {
    for (const code of ["OC7K2M9Q4XAB", "OCABCDEFGHJK", "OC2345678999", "OCZZZZZZZZZZ"]) expect(isOrderCode(code), code).toBe(true);
  });
  it("refuses anything else", () => {
    for (const text of [
      "",
      "OC7K2M9Q4XA", // 11 characters
      "OC7K2M9Q4XABC", // 13 characters
      "oc7k2m9q4xab", // lower case
      "XC7K2M9Q4XAB", // wrong prefix
      "OC7K2M9Q4XA0",
      "OC7K2M9Q4XAO",
      "OC7K2M9Q4XA1",
      "OC7K2M9Q4XAI",
      "OC7K2M 9Q4XA",
      " OC7K2M9Q4XAB",
    ]) {
      expect(isOrderCode(text), text).toBe(false);
    }
  });
});

describe("orderCodeCandidates", () => {
  it("finds a code inside a noisy bank description", () => {
    expect(orderCodeCandidates("Thanh toan don OC7K2M9Q4XAB cam on")).toEqual(["OC7K2M9Q4XAB"]);
    expect(orderCodeCandidates("oc7k2m9q4xab")).toEqual(["OC7K2M9Q4XAB"]);
    expect(orderCodeCandidates("OC 7K2M-9Q4X.AB")).toEqual(["OC7K2M9Q4XAB"]);
    expect(orderCodeCandidates("Thanh toán đơn OC7K2M9Q4XAB. Cảm ơn!")).toEqual(["OC7K2M9Q4XAB"]);
    expect(orderCodeCandidates("MBVCB.1234567.OC7K2M9Q4XAB.CT tu 0123456789 NGUYEN VAN A")).toEqual(["OC7K2M9Q4XAB"]);
  });
  it("takes exactly twelve characters from each OC, whatever follows", () => {
    // "CKOC7K2M9Q4XXYZCAMON": the window from OC swallows the start of the next word.
    expect(orderCodeCandidates("ck oc-7k2m 9q4x xyz cam on")).toEqual(["OC7K2M9Q4XXY"]);
    // A code glued to the next word still yields its own twelve characters.
    expect(orderCodeCandidates("OC7K2M9Q4XABCAMON")).toEqual(["OC7K2M9Q4XAB"]);
  });
  it("tries every OC, skipping windows that cannot be codes", () => {
    // "DOC" (from "đọc") and "HOC" start windows holding O or 0, which codes never contain.
    expect(orderCodeCandidates("Đọc sách học OC7K2M9Q4XAB")).toEqual(["OC7K2M9Q4XAB"]);
    expect(orderCodeCandidates("OCOC7K2M9Q4XAB")).toEqual(["OC7K2M9Q4XAB"]);
  });
  it("returns each distinct code once, in order of appearance", () => {
    expect(orderCodeCandidates("OCABCDEFGH23 va OC7K2M9Q4XAB, lai OCABCDEFGH23")).toEqual(["OCABCDEFGH23", "OC7K2M9Q4XAB"]);
  });
  it("finds nothing in unrelated text", () => {
    for (const text of [
      "",
      "Chuyen tien",
      "Thanh toan hoa don thang 7",
      "Đọc sách học hỏi",
      "OC7K2M9Q4XA", // one character short
      "OC0000000000",
      "OCOOOOOOOOOO",
      "IB chuyen khoan 0123456789",
    ]) {
      expect(orderCodeCandidates(text), text).toEqual([]);
    }
  });
  it("finds every generated code whatever the bank did to it", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateOrderCode();
      const mangled = `ck ${code.slice(0, 4).toLowerCase()} ${code.slice(4, 8)}-${code.slice(8).toLowerCase()}.`;
      expect(orderCodeCandidates(mangled), mangled).toContain(code);
    }
  });
});

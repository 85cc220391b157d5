import { describe, expect, it } from "vitest";
import { generateOrderCode, isOrderCode, orderCodeCandidates } from "../orders/order-code";
import { generateSaleCode, generateStallCode, isSaleCode, isStallCode, saleCodeCandidates } from "./stall-codes";

/** Bytes from a fixed list, repeated: every symbol of the alphabet comes out in turn. */
const counting = () => {
  let next = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => next++ % 256);
};

describe("sale codes", () => {
  it("have the form of order codes: 12 upper-case letters and digits", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateSaleCode();
      expect(code).toMatch(/^[A-Z0-9]{12}$/);
      expect(isSaleCode(code)).toBe(true);
    }
  });

  it("are never order codes, and order codes are never sale codes", () => {
    const random = counting();
    for (let i = 0; i < 5000; i++) {
      const sale = generateSaleCode(random);
      const order = generateOrderCode(random);
      expect(isOrderCode(sale), sale).toBe(false);
      expect(isSaleCode(order), order).toBe(false);
      expect(isStallCode(sale)).toBe(false);
    }
  });

  it("never hide an order code inside them, however a bank writes the transfer content", () => {
    for (let i = 0; i < 2000; i++) {
      const sale = generateSaleCode();
      expect(sale).not.toContain("O");
      expect(orderCodeCandidates(`MBVCB.123 ${sale} chuyen tien`)).toEqual([]);
      expect(orderCodeCandidates(sale.toLowerCase().split("").join(" "))).toEqual([]);
    }
  });

  it("are read back out of a transfer content with case, spaces and words changed", () => {
    const code = "CS7K2M9Q4XAB";
    expect(saleCodeCandidates("cs7k 2m9q-4xab thanh toan")).toEqual([code]);
    expect(saleCodeCandidates(`IBFT ${code}`)).toEqual([code]);
    expect(saleCodeCandidates("no code here")).toEqual([]);
    // An order code in the content is not a sale code.
    expect(saleCodeCandidates("OC7K2M9Q4XAB")).toEqual([]);
  });

  it("stall codes are shorter than both, so a sign's transfer names no order and no sale", () => {
    const stall = generateStallCode();
    expect(isStallCode(stall)).toBe(true);
    expect(stall).toHaveLength(10);
    expect(saleCodeCandidates(stall)).toEqual([]);
    expect(orderCodeCandidates(stall)).toEqual([]);
  });
});

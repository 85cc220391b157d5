import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { bookQuerySchema, newSaleSchema, saleActionSchema } from "./stall-form";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

describe("the new sale form", () => {
  it("reads an amount as people write it", () => {
    for (const [typed, vnd] of [["125.000", 125000], ["125k", 125000], ["1,5 triệu", 1500000], ["45000đ", 45000]] as const) {
      const submission = parseWithZod(form([["amountVnd", typed]]), { schema: newSaleSchema });
      expect(submission.status === "success" && submission.value, typed).toEqual({ method: "qr", lines: [], amountVnd: vnd });
    }
  });

  it("prefers goods and quantities over an amount, dropping the rows left at 0", () => {
    const submission = parseWithZod(
      form([["amountVnd", "1"], ["productId", "7"], ["variantId", "70"], ["quantity", "2"], ["productId", "8"], ["variantId", "80"], ["quantity", "0"], ["method", "cash"]]),
      { schema: newSaleSchema },
    );
    expect(submission.status === "success" && submission.value).toEqual({ method: "cash", lines: [{ productId: 7, variantId: 70, quantity: 2 }], amountVnd: null });
    // productId/quantity pairs alone, as PRODUCT.md §5 names them.
    const pair = parseWithZod(form([["productId", "7"], ["quantity", "3"]]), { schema: newSaleSchema });
    expect(pair.status === "success" && pair.value).toEqual({ method: "qr", lines: [{ productId: 7, variantId: null, quantity: 3 }], amountVnd: null });
  });

  it("refuses nothing to sell, a bad amount, unmatched pairs and odd quantities, by the field", () => {
    const error = (entries: [string, string][]) => {
      const submission = parseWithZod(form(entries), { schema: newSaleSchema });
      return submission.status === "error" ? submission.error : null;
    };
    expect(error([])?.amountVnd).toEqual(["stall.error.amountOrGoods"]);
    expect(error([["amountVnd", "0"]])?.amountVnd).toEqual(["stall.error.amount"]);
    expect(error([["amountVnd", "600 triệu"]])?.amountVnd).toEqual(["stall.error.amount"]);
    expect(error([["productId", "7"], ["productId", "8"], ["quantity", "1"]])?.quantity).toEqual(["stall.error.lines"]);
    expect(Object.keys(error([["productId", "7"], ["quantity", "-1"]]) ?? {})).toContain("quantity[0]");
    expect(error([["amountVnd", "1000"], ["method", "card"]])?.method).toEqual(["stall.error.method"]);
  });
});

describe("the sale's actions and the book's dates", () => {
  it("needs a reason to cancel", () => {
    expect(parseWithZod(form([["intent", "cancel"], ["reason", " "]]), { schema: saleActionSchema }).status).toBe("error");
    expect(parseWithZod(form([["intent", "confirm"]]), { schema: saleActionSchema }).status).toBe("success");
  });

  it("reads a real day or month, anything else as today", () => {
    expect(bookQuerySchema.parse({ day: "2026-12-03", month: "2026-12" })).toEqual({ day: "2026-12-03", month: "2026-12" });
    expect(bookQuerySchema.parse({ day: "2026-02-31", month: "2026-13" })).toEqual({ day: undefined, month: undefined });
  });
});

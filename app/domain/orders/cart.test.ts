import { describe, expect, it } from "vitest";
import { groupByProducer, lineProblem } from "./cart";
import { aCartLine } from "../../../tests/cart-lines";


describe("groupByProducer", () => {
  it("makes one group per producer in the order producers first appear, with each group's goods total", () => {
    const rice = aCartLine({ productId: 1, producerId: 7, producerName: "HTX Lúa gạo Cờ Đỏ", priceVnd: 180_000, quantity: 2 });
    const tea = aCartLine({ productId: 2, producerId: 3, producerName: "HTX Chè Tân Cương", priceVnd: 120_000, quantity: 3 });
    const fishSauce = aCartLine({ productId: 3, producerId: 7, producerName: "HTX Lúa gạo Cờ Đỏ", priceVnd: 95_000, quantity: 1 });

    const groups = groupByProducer([rice, tea, fishSauce]);

    expect(groups.map((g) => ({ producerId: g.producerId, name: g.producerName, products: g.lines.map((l) => l.productId), goods: g.goodsTotalVnd }))).toEqual([
      { producerId: 7, name: "HTX Lúa gạo Cờ Đỏ", products: [1, 3], goods: 455_000 },
      { producerId: 3, name: "HTX Chè Tân Cương", products: [2], goods: 360_000 },
    ]);
    expect(groups[0]!.producerSlug).toBe("nha-san-xuat-7");
  });

  it("gives no groups for an empty cart", () => {
    expect(groupByProducer([])).toEqual([]);
  });
});

describe("lineProblem", () => {
  it("accepts a line within the stock, up to all of it", () => {
    expect(lineProblem(aCartLine({ productId: 1, producerId: 1, stock: 4, quantity: 3 }))).toBeNull();
    expect(lineProblem(aCartLine({ productId: 1, producerId: 1, stock: 4, quantity: 4 }))).toBeNull();
  });

  it("says stock when more is asked than there is", () => {
    expect(lineProblem(aCartLine({ productId: 1, producerId: 1, stock: 4, quantity: 5 }))).toBe("stock");
  });

  it("says unavailable for a product no longer on sale or sold out, whatever the quantity", () => {
    expect(lineProblem(aCartLine({ productId: 1, producerId: 1, available: false, stock: 10, quantity: 1 }))).toBe("unavailable");
    expect(lineProblem(aCartLine({ productId: 1, producerId: 1, stock: 0, quantity: 1 }))).toBe("unavailable");
  });
});

import { describe, expect, it } from "vitest";
import { methodTakesAmount } from "./checkout-form";
import { checkoutRefusal } from "./checkout-refusal";

describe("checkout refusals as the shopper reads them", () => {
  it("puts a wrong province, ward or payment method by its field, with 400", () => {
    expect(checkoutRefusal({ problem: "field", field: "provinceCode" })).toEqual({
      field: "provinceCode",
      message: "checkout.error.province",
      status: 400,
      shortages: [],
      capped: [],
    });
    expect(checkoutRefusal({ problem: "field", field: "wardCode" })).toMatchObject({ field: "wardCode", message: "checkout.error.ward", status: 400 });
    expect(checkoutRefusal({ problem: "field", field: "paymentMethod" })).toMatchObject({
      field: "paymentMethod",
      message: "checkout.error.paymentMethod",
      status: 400,
    });
  });

  it("lists the lines short of stock with what is left, 409", () => {
    const lines = [{ name: "Nước mắm Phú Quốc 40 độ đạm", unit: "chai", available: 2 }];
    expect(checkoutRefusal({ problem: "lines", lines })).toEqual({ field: null, message: "checkout.error.stock", status: 409, shortages: lines, capped: [] });
  });

  it("lists the lines over the per-phone unit cap with what may still be held, 409", () => {
    const lines = [{ name: "Gạo ST25", unit: "kg", allowed: 5 }];
    expect(checkoutRefusal({ problem: "unitCap", lines })).toEqual({ field: null, message: "checkout.error.unitCap", status: 409, shortages: [], capped: lines });
  });

  it("asks to review a changed price (409) and to split an order over Stripe's limit (400)", () => {
    expect(checkoutRefusal({ problem: "priceChanged" })).toEqual({ field: null, message: "checkout.error.priceChanged", status: 409, shortages: [], capped: [] });
    expect(checkoutRefusal({ problem: "tooLarge" })).toEqual({ field: null, message: "checkout.error.tooLarge", status: 400, shortages: [], capped: [] });
  });

  it("says whose open orders stand in the way, with 429", () => {
    expect(checkoutRefusal({ problem: "openOrders", by: "phone" })).toMatchObject({ field: null, message: "checkout.error.openOrdersPhone", status: 429 });
    expect(checkoutRefusal({ problem: "openOrders", by: "address" })).toMatchObject({ field: null, message: "checkout.error.openOrdersAddress", status: 429 });
  });
});

describe("what each way to pay takes", () => {
  it("holds MoMo's wallet to 1,000–50,000,000 ₫ and says so by the payment field", () => {
    expect(methodTakesAmount("momo", 999)).toBe(false);
    expect(methodTakesAmount("momo", 1_000)).toBe(true);
    expect(methodTakesAmount("momo", 50_000_000)).toBe(true);
    expect(methodTakesAmount("momo", 50_000_001)).toBe(false);
    expect(methodTakesAmount("vnpay", 99_999_999)).toBe(true);
    expect(methodTakesAmount("vietqr", 99_999_999)).toBe(true);
    expect(checkoutRefusal({ problem: "methodLimit" })).toMatchObject({ field: "paymentMethod", message: "checkout.error.walletLimit", status: 400 });
  });
});

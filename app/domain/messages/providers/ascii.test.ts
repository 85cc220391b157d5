import { describe, expect, it } from "vitest";
import { smsText } from "./ascii";

describe("SMS text", () => {
  it("drops Vietnamese marks and keeps the words, numbers and link", () => {
    expect(smsText("Chợ OCOP: đơn AB12 đã được thanh toán 250.000 ₫. Đặt “ngay”…\nhttps://x.vn/orders/AB12")).toBe(
      'Cho OCOP: don AB12 da duoc thanh toan 250.000 d. Dat "ngay"...\nhttps://x.vn/orders/AB12',
    );
  });
});

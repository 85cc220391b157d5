import { describe, expect, it } from "vitest";
import { MESSAGE_KINDS } from "./kinds";
import { MESSAGE_TEXTS, renderMessage } from "./texts";

const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("message texts", () => {
  it("say the same things in Vietnamese and English, for every kind", () => {
    for (const kind of MESSAGE_KINDS) {
      const vi = MESSAGE_TEXTS.vi[kind];
      const en = MESSAGE_TEXTS.en[kind];
      expect(names(en.body), kind).toEqual(names(vi.body));
      expect(names(en.subject), kind).toEqual(names(vi.subject));
    }
  });

  it("stay short enough for a phone: under 160 characters before the values", () => {
    for (const kind of MESSAGE_KINDS) {
      expect(MESSAGE_TEXTS.vi[kind].body.length, kind).toBeLessThan(160);
    }
  });

  it("fills the values and ends with the link", () => {
    const message = renderMessage("order_paid", "vi", { code: "AB12CD34EF", total: "250.000 ₫" }, "https://cho.example/orders/AB12CD34EF");
    expect(message.subject).toBe("Đơn AB12CD34EF đã thanh toán");
    expect(message.body).toBe("Chợ OCOP: đơn AB12CD34EF đã được thanh toán 250.000 ₫. Nhà sản xuất đang chuẩn bị hàng.\nhttps://cho.example/orders/AB12CD34EF");
  });

  it("refuses to send a text with a value missing rather than a literal {name}", () => {
    expect(() => renderMessage("order_paid", "en", { code: "X" }, "/")).toThrow(/total/);
  });
});

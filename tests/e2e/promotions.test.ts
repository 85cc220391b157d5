import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspRefusals, PHONE, seriousA11yViolations } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

/**
 * A shopper on a phone picks the 5 kg bag of the demo cooperative's rice (sizes, ADR 0020) during
 * Cần Thơ's campaign, applies the cooperative's code ONGCUA20, JavaScript on and off (ADR 0019), and
 * pays the discounted total: issue 20's journey.
 */
const BANK_SECRET = "e2e-promotions-bank-secret";
const app = useServerAndBrowser({ env: { BANK_WEBHOOK_SECRET: BANK_SECRET } });

async function sendBankTransfer(code: string, amount: number) {
  const body = JSON.stringify({ transactionId: `FT${code}`, amount, description: `CK ${code}`, accountNumber: "257678859", occurredAt: new Date().toISOString() });
  const signature = createHmac("sha256", BANK_SECRET).update(body).digest("hex");
  const res = await fetch(`${app.server.url}/webhooks/bank-transfer`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` },
    body,
  });
  expect(await res.json()).toMatchObject({ outcome: "applied" });
}

describe("a campaign and a voucher at checkout on a phone", () => {
  for (const javaScript of [true, false]) {
    it(`shows both discounts line by line, places the order at the discounted total and is paid, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const buyer = await app.newContext({ ...PHONE, javaScriptEnabled: javaScript });
      const refusals = cspRefusals(buyer);
      const page = await buyer.newPage();
      await page.goto(`${app.server.url}/products/gao-st25-ong-cua`);
      await page.getByRole("link", { name: "Khuyến mãi: Tuần lễ gạo OCOP Cần Thơ" }).waitFor();
      await page.getByRole("group", { name: "Chọn loại" }).getByText("Túi 5 kg").click();
      await page.getByLabel("Số lượng").fill("4");
      await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
      if (javaScript) await page.getByText("Đã thêm vào giỏ.").waitFor();
      else await page.getByRole("heading", { level: 1, name: "Giỏ hàng" }).waitFor();

      await page.goto(`${app.server.url}/checkout`);
      await page.getByLabel("Họ và tên người nhận").fill("Nguyễn Thị Mai");
      await page.getByLabel("Số điện thoại").fill(javaScript ? "0912 345 001" : "0912 345 002");
      await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Cần Thơ" });
      if (!javaScript) await page.getByRole("button", { name: "Chọn tỉnh và xem phí vận chuyển" }).click();
      const ward = page.getByLabel("Xã, phường, đặc khu");
      await expect.poll(() => ward.locator("option").count()).toBeGreaterThan(10);
      await ward.selectOption({ index: 1 });
      await page.getByLabel("Số nhà, đường, thôn, ấp").fill("12 Đường 30 Tháng 4, Ninh Kiều");
      // The campaign applies by itself; the code is applied with its button.
      await page.getByText("Khuyến mãi “Tuần lễ gạo OCOP Cần Thơ”").waitFor();
      await page.getByLabel("Mã giảm giá").fill("ongcua20");
      await page.getByRole("button", { name: "Áp dụng mã" }).click();
      await page.getByText("Mã ONGCUA20").waitFor();
      await expect.poll(() => page.getByText("Đã giảm").count()).toBe(1);
      if (javaScript) expect(await seriousA11yViolations(page), "checkout").toEqual([]);
      await expectNoHorizontalScroll(page);
      await page.getByRole("button", { name: "Đặt hàng" }).click();

      const heading = page.getByRole("heading", { level: 1, name: /^Đơn hàng OC/ });
      await heading.waitFor();
      const code = (await heading.textContent())!.replace("Đơn hàng ", "").trim();
      await page.getByText("Mã ONGCUA20").waitFor();
      const order = app.server.db.prepare("SELECT id, total_vnd AS total, goods_total_vnd AS goods, shipping_total_vnd AS shipping FROM orders WHERE code = ?").get(code) as {
        id: number;
        total: number;
        goods: number;
        shipping: number;
      };
      // 4 × 185.000 ₫ (the 5 kg bag) = 740.000 ₫ less 50.000 ₫ (the campaign's cap) and 20.000 ₫ (the code).
      expect(order.goods).toBe(740_000 - 50_000 - 20_000);
      expect(app.server.db.prepare("SELECT variant_label AS size, quantity FROM order_items WHERE order_id = ?").all(order.id)).toEqual([{ size: "Túi 5 kg", quantity: 4 }]);
      expect(order.total).toBe(order.goods + order.shipping);
      await expectNoHorizontalScroll(page);

      await sendBankTransfer(code, order.total);
      if (!javaScript) await page.reload();
      await page.getByText("đã thanh toán", { exact: false }).first().waitFor({ timeout: 15_000 });
      expect(refusals).toEqual([]);
      await buyer.close();
    });
  }
});

import { describe, expect, it } from "vitest";
import { cspRefusals, seriousA11yViolations } from "../setup/browser";
import { useServerAndBrowser } from "../setup/e2e";
import { expectNoHorizontalScroll } from "../setup/page-checks";

/** Issue 20: a shopper on a phone picks a size, pays with VietQR, and the order names the size. */
const app = useServerAndBrowser();

describe("a shopper buys one size of a product sold in several", () => {
  for (const javaScript of [true, false]) {
    it(`picks the 5 kg bag, checks out and sees it on the order, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const size = app.server.db
        .prepare(
          `SELECT v.id, v.stock, v.price_vnd AS price FROM product_variants v JOIN products p ON p.id = v.product_id
           WHERE p.slug = 'gao-st25-ong-cua' AND v.label = 'Túi 5 kg'`,
        )
        .get() as { id: number; stock: number; price: number };
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(context);
      const page = await context.newPage();
      await page.goto(`${app.server.url}/products/gao-st25-ong-cua`);
      const sizes = page.getByRole("group", { name: "Chọn loại" });
      await expect.poll(() => sizes.getByRole("radio").count()).toBe(3);
      await sizes.getByText("Túi 5 kg").click();
      expect(await sizes.getByRole("radio", { name: /Túi 5 kg/ }).isChecked()).toBe(true);
      if (javaScript) expect(await seriousA11yViolations(page), "product page").toEqual([]);
      await expectNoHorizontalScroll(page);
      await page.getByLabel("Số lượng").fill("2");
      await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
      if (javaScript) {
        await page.getByText("Đã thêm vào giỏ.").waitFor();
        await page.goto(`${app.server.url}/cart`);
      } else await page.getByRole("heading", { level: 1, name: "Giỏ hàng" }).waitFor();

      await page.getByText("Túi 5 kg").waitFor();
      await expectNoHorizontalScroll(page);
      await page.getByRole("link", { name: "Đặt hàng" }).click();
      await page.getByLabel("Họ và tên người nhận").fill("Lê Thị Hồng");
      await page.getByLabel("Số điện thoại").fill(javaScript ? "0912 000 101" : "0912 000 102");
      await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Cần Thơ" });
      if (!javaScript) await page.getByRole("button", { name: "Chọn tỉnh và xem phí vận chuyển" }).click();
      const ward = page.getByLabel("Xã, phường, đặc khu");
      await expect.poll(() => ward.locator("option").count()).toBeGreaterThan(10);
      await ward.selectOption({ index: 1 });
      await page.getByLabel("Số nhà, đường, thôn, ấp").fill("25 đường Mậu Thân");
      await page.getByRole("button", { name: "Đặt hàng" }).click();

      const heading = page.getByRole("heading", { level: 1, name: /^Đơn hàng OC/ });
      await heading.waitFor();
      await page.getByText("Gạo ST25 Ông Cua — Túi 5 kg").waitFor();
      const code = (await heading.textContent())!.replace("Đơn hàng ", "").trim();
      const line = app.server.db
        .prepare("SELECT i.variant_id AS variantId, i.quantity, i.unit_price_vnd AS price FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.code = ?")
        .get(code);
      expect(line).toEqual({ variantId: size.id, quantity: 2, price: size.price });
      expect((app.server.db.prepare("SELECT stock FROM product_variants WHERE id = ?").get(size.id) as { stock: number }).stock).toBe(size.stock - 2);
      expect(refusals).toEqual([]);
      await context.close();
    });
  }
});

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { productSearchText } from "~/domain/catalog/search-text";
import { cspRefusals, seriousA11yViolations, signInAs } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

const app = useServerAndBrowser();

/** A household in Cần Thơ that signed up, filled in its profile and sent one product for sale. */
function newProducer(name: string, productName: string): { productSlug: string } {
  const db = new Database(app.server.databasePath);
  try {
    const ward = db.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string };
    const producer = db
      .prepare(
        `INSERT INTO producers (slug, name, entity_type, province_code, ward_code, address_line, phone, verification_status)
         VALUES (?, ?, 'household', '92', ?, 'Ấp Nhơn Lộc', '0939123456', 'pending') RETURNING id`,
      )
      .get(`${name.toLowerCase().normalize("NFD").replace(/[^a-z]+/g, "-")}`, name, ward.code) as { id: number };
    const slug = `banh-pia-${producer.id}`;
    // Found by search as a product listed in the portal is (its folded search text).
    const searchText = productSearchText({ name: productName, producerName: name, provinceName: "Cần Thơ", groupCode: "food", description: "" });
    db.prepare(
      `INSERT INTO products (slug, producer_id, province_code, group_code, name, unit, price_vnd, stock, status, search_text)
       VALUES (?, ?, '92', 'food', ?, 'hộp', 85000, 40, 'submitted', ?)`,
    ).run(slug, producer.id, productName, searchText);
    return { productSlug: slug };
  } finally {
    db.close();
  }
}

const todayInVietnam = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

describe("provincial staff bring a new producer's goods to the home page", () => {
  for (const javaScript of [true, false]) {
    it(`verify the producer, certify its product 4★, feature it, and the home page shows it with its badge, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const who = javaScript ? "Cô Năm" : "Cô Sáu";
      const producerName = `Hộ bánh pía ${who}`;
      const productName = `Bánh pía sầu riêng ${who}`;
      const collectionTitle = `Bánh pía Sóc Trăng xưa, nay ở Cần Thơ (${who})`;
      const { productSlug } = newProducer(producerName, productName);
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(context);
      const page = await context.newPage();
      await signInAs(page, app.server.url, "staff@demo.local");

      await page.goto(`${app.server.url}/staff`);
      if (javaScript) expect(await seriousA11yViolations(page), "staff home").toEqual([]);
      await page.getByRole("link", { name: /Xác minh nhà sản xuất/ }).click();
      await page.getByRole("link", { name: producerName }).click();
      if (javaScript) expect(await seriousA11yViolations(page), "producer review").toEqual([]);
      await expectNoHorizontalScroll(page);
      await page.getByLabel("Duyệt: cho bán hàng").check();
      await page.getByRole("button", { name: "Ghi quyết định" }).click();
      await page.getByRole("heading", { level: 1, name: "Xác minh nhà sản xuất" }).waitFor();
      // The confirmation shows on the page the decision led to, and not on the next one.
      const flash = page.locator("#flash");
      expect(await flash.textContent()).toBe("Đã duyệt hồ sơ. Các sản phẩm nhà sản xuất đã gửi được đưa lên bán.");
      await page.getByRole("link", { name: "Bảng điều khiển cán bộ" }).click();
      await page.getByRole("heading", { level: 1, name: "Bảng điều khiển cán bộ" }).waitFor();
      expect(await flash.textContent()).toBe("");

      await page.goto(`${app.server.url}/staff/certificates/new`);
      await page.getByLabel("Nhà sản xuất").selectOption({ label: producerName });
      await page.getByRole("button", { name: "Chọn", exact: true }).click();
      await page.getByLabel(productName).check();
      await page.getByLabel("4★").check();
      await page.getByLabel("Số quyết định / giấy chứng nhận").fill(`1234/QĐ-UBND-${javaScript ? 1 : 2}`);
      await page.getByLabel("Ngày quyết định").fill(todayInVietnam());
      if (javaScript) expect(await seriousA11yViolations(page), "certificate form").toEqual([]);
      await page.getByRole("button", { name: "Ghi nhận", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: new RegExp(`1234/QĐ-UBND-${javaScript ? 1 : 2}`) }).waitFor();
      await page.getByText("UBND thành phố Cần Thơ").waitFor();

      await page.goto(`${app.server.url}/staff/collections`);
      await page.getByLabel("Tiêu đề").fill(collectionTitle);
      await page.getByLabel("Tìm sản phẩm để thêm").fill(productName);
      await page.getByRole("button", { name: "Tìm sản phẩm", exact: true }).click();
      await page.getByRole("button", { name: new RegExp(`^Thêm\\s+${productName}$`) }).click();
      const chosen = page.locator("ol", { has: page.locator("input[name=pick]") });
      await chosen.getByText(`1. ${productName}`, { exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      if (javaScript) expect(await seriousA11yViolations(page), "collection editor").toEqual([]);
      // The title typed before searching is still there.
      expect(await page.getByLabel("Tiêu đề").inputValue()).toBe(collectionTitle);
      await page.getByRole("button", { name: "Lưu bộ sưu tập" }).click();
      await page.getByRole("link", { name: collectionTitle }).waitFor();
      expect(await page.locator("#flash").textContent()).toBe("Đã lưu bộ sưu tập.");

      await page.goto(app.server.url);
      const featured = page.locator("section", { has: page.getByRole("heading", { name: collectionTitle }) });
      await featured.getByRole("link", { name: new RegExp(productName) }).first().waitFor();
      expect(await featured.getByText("OCOP 4 sao").count()).toBeGreaterThan(0);
      await expectNoHorizontalScroll(page);

      // The audit log reads the day's work in words, and its filters are lists to choose from.
      await page.goto(`${app.server.url}/staff/audit`);
      await page.getByLabel("Thao tác").selectOption({ label: "Tạo bộ sưu tập" });
      await page.getByRole("button", { name: "Lọc" }).click();
      await page.locator("main ol > li", { hasText: collectionTitle }).getByText("Tạo bộ sưu tập").waitFor();
      await expectNoHorizontalScroll(page);
      if (javaScript) expect(await seriousA11yViolations(page), "audit log").toEqual([]);
      expect(refusals).toEqual([]);
      await context.close();
    });
  }
});

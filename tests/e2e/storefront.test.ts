import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, PHONE, seriousA11yViolations } from "../setup/browser";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Nothing wider than the phone's screen: a mobile browser would otherwise zoom the whole page out. */
async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.viewport!.width);
}

/** home → search without diacritics → product page, as a shopper on a phone. */
async function shopperJourney(page: Page, { javaScript }: { javaScript: boolean }) {
  await page.goto(server.url);
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Đặc sản OCOP");
  await expectNoHorizontalScroll(page);

  const search = page.getByRole("combobox", { name: "Tìm sản phẩm" });
  await search.fill("nuoc mam");
  if (javaScript) {
    // With JS the box suggests goods as you type; the suggestion is a link to the product.
    const suggestion = page.getByRole("option").first();
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toMatch(/Nước mắm/);
  }
  await search.press("Enter");
  await page.waitForURL(/\/products\?q=nuoc\+mam/);
  await page.getByRole("heading", { level: 1, name: "Kết quả cho “nuoc mam”" }).waitFor();
  const firstCard = page.locator("main article a").filter({ hasText: "Nước mắm" }).first();
  const name = (await firstCard.locator("h3").textContent())!.trim();
  await expectNoHorizontalScroll(page);

  await firstCard.click();
  await page.waitForURL(/\/products\/[a-z0-9-]+$/);
  await page.getByRole("heading", { level: 1, name }).waitFor();
  const certificate = page.locator("#chung-nhan");
  expect(await certificate.textContent()).toMatch(/Chứng nhận OCOP/);
  await expect(page.getByText(/Truy xuất nguồn gốc/).isVisible()).resolves.toBe(true);
  await expectNoHorizontalScroll(page);
}

describe("a shopper on a phone finds goods and opens one", () => {
  it("with JavaScript on", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await shopperJourney(page, { javaScript: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("with JavaScript off", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await shopperJourney(page, { javaScript: false });
    // Filters are a plain GET form: choose a group and apply.
    await page.goto(`${server.url}/products`);
    await page.locator("summary", { hasText: "Bộ lọc" }).click();
    await page.getByLabel("Nhóm").selectOption("beverage");
    await page.getByRole("button", { name: "Áp dụng" }).click();
    await page.waitForURL(/group=beverage/);
    expect(await page.locator("main article").count()).toBeGreaterThan(0);
    // The language switch is a form too.
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(/group=beverage/);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await context.close();
  });
});

describe("accounts in the browser", () => {
  it("signs up with a phone number and signs out, with JavaScript off", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole("link", { name: "Đăng nhập" }).click();
    await page.getByRole("link", { name: "Đăng ký" }).click();
    await page.getByLabel("Họ và tên").fill("Trần Văn Bình");
    await page.getByLabel("Số điện thoại hoặc email").fill("0933 222 111");
    await page.getByLabel("Mật khẩu").fill("short");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    // The bad password comes back with its message; what was typed is kept.
    await page.getByText("Mật khẩu cần ít nhất 8 ký tự.").waitFor();
    expect(await page.getByLabel("Số điện thoại hoặc email").inputValue()).toBe("0933 222 111");
    await page.getByLabel("Mật khẩu").fill("mat-khau-dai");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByRole("link", { name: "Đăng nhập" }).waitFor();
    await context.close();
  });
});

describe("producer onboarding in the browser", () => {
  for (const javaScript of [false, true]) {
    it(`signs up as a producer and sends the profile for verification, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const context = await browser.newContext({ ...PHONE, javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(`${server.url}/signup`);
      await page.getByLabel("Họ và tên").fill("Thạch Thị Sen");
      await page.getByLabel("Số điện thoại hoặc email").fill(javaScript ? "0977 100 200" : "0977 100 300");
      await page.getByLabel("Mật khẩu").fill("mat-khau-dai");
      await page.getByLabel("Nhà sản xuất (hợp tác xã, hộ kinh doanh, doanh nghiệp)").check();
      await page.getByRole("button", { name: "Đăng ký" }).click();
      await page.getByRole("link", { name: "Tạo hồ sơ nhà sản xuất" }).click();
      await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Cần Thơ" });
      // Without JS the shopper asks for the list; with JS it follows the choice by itself.
      if (!javaScript) await page.getByRole("button", { name: "Hiện danh sách xã, phường" }).click();
      const ward = page.getByLabel("Xã, phường, đặc khu");
      await ward.waitFor();
      // axe runs as a script, so only in the JavaScript-on pass.
      if (javaScript) expect(await seriousA11yViolations(page), "profile form").toEqual([]);
      await ward.selectOption({ index: 1 });
      await page.getByLabel("Địa chỉ (thôn, ấp, số nhà, đường)").fill("Ấp Phú Mỹ");
      await page.getByLabel("Tên cơ sở sản xuất").fill(`Tổ hợp tác Sen ${javaScript ? "A" : "B"}`);
      await page.getByLabel("Tổ hợp tác").check();
      await page.getByLabel("Số điện thoại liên hệ").fill("0977100200");
      await page.getByRole("button", { name: "Lưu và gửi xác minh" }).click();
      await page.getByText("Đang chờ cán bộ tỉnh xác minh").waitFor();
      await expectNoHorizontalScroll(page);
      if (javaScript) expect(await seriousA11yViolations(page), "seller home").toEqual([]);
      await context.close();
    });
  }
});

describe("accessibility", () => {
  it("has no serious or critical axe violations on home, catalog, product, producer and label pages", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const rice = server.db.prepare("SELECT slug FROM products WHERE name LIKE 'Gạo ST25%' AND status = 'live' LIMIT 1").get() as { slug: string };
    const { slug, producer } = server.db
      .prepare(
        `SELECT p.slug, pr.slug AS producer FROM products p JOIN producers pr ON pr.id = p.producer_id
         WHERE p.status = 'live' AND p.producer_verified = 1 AND p.badge_stars IS NOT NULL LIMIT 1`,
      )
      .get() as { slug: string; producer: string };
    for (const path of ["/", "/products", "/products?q=tra&stars=4", `/products/${slug}`, `/products/${rice.slug}`, `/products/${slug}/label`, `/producers/${producer}`, "/khong-ton-tai", "/login", "/signup"]) {
      await page.goto(server.url + path);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cspRefusals, seriousA11yViolations } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

const app = useServerAndBrowser();

/** home → search without diacritics → product page, as a shopper on a phone. */
async function shopperJourney(page: Page, { javaScript }: { javaScript: boolean }) {
  await page.goto(app.server.url);
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
    const context = await app.newContext();
    const refusals = cspRefusals(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await shopperJourney(page, { javaScript: true });
    expect(errors).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it("on a slow phone, what was typed before the page's script ran still gets suggestions", async () => {
    const context = await app.newContext();
    const page = await context.newPage();
    // Hold every script until the shopper has typed, as a slow phone on 4G would.
    let release!: () => void;
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/assets/*.js", async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto(app.server.url, { waitUntil: "commit" });
    const search = page.getByRole("combobox", { name: "Tìm sản phẩm" });
    await search.fill("nuoc mam");
    release();
    const suggestion = page.getByRole("option").first();
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toMatch(/Nước mắm/);
    await context.close();
  });

  it("with JavaScript off", async () => {
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await shopperJourney(page, { javaScript: false });
    // Filters are a plain GET form: choose a group and apply.
    await page.goto(`${app.server.url}/products`);
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

describe("the catalog's filters", () => {
  const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: "vi-VN" };
  /** Every filter field of the form, by the id its label points at. */
  const FIELDS = ["#f-q", "#f-group", "#f-province", "#f-stars", "#f-min", "#f-max", "#f-stock"];

  for (const javaScript of [true, false]) {
    const mode = javaScript ? "JavaScript on" : "JavaScript off";

    it(`on a desktop are a sidebar left of the goods, open without a click (${mode})`, async () => {
      const context = await app.browser.newContext({ ...DESKTOP, javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/products?q=mat+ong`);
      const form = page.locator("form[action='/products']").filter({ has: page.locator("#f-q") });
      for (const field of FIELDS) await expect(page.locator(field).isVisible(), field).resolves.toBe(true);
      await expect(page.locator("#f-sort").isVisible()).resolves.toBe(true);
      await expect(page.getByRole("button", { name: "Áp dụng" }).isVisible()).resolves.toBe(true);
      // No toggle to find: the summary is not shown at all.
      await expect(page.locator("summary", { hasText: "Bộ lọc" }).isVisible()).resolves.toBe(false);
      // A sidebar: the form is left of the first product card, about 16rem wide, and the cards use the rest.
      const sidebar = (await form.boundingBox())!;
      const card = (await page.locator("main article").first().boundingBox())!;
      expect(sidebar.x + sidebar.width).toBeLessThanOrEqual(card.x);
      expect(sidebar.width).toBeGreaterThan(200);
      expect(sidebar.width).toBeLessThan(300);
      expect(Math.abs(card.y - sidebar.y)).toBeLessThan(120);
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);
      // Still a plain GET form to /products: apply a filter and the URL says so.
      await page.getByLabel("Nhóm").selectOption("food");
      await page.getByRole("button", { name: "Áp dụng" }).click();
      await page.waitForURL(/group=food/);
      expect(new URL(page.url()).searchParams.get("q")).toBe("mat ong");
      await context.close();
    });

    it(`on a phone stay folded behind "Bộ lọc" until it is clicked, with the sort at hand (${mode})`, async () => {
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(`${app.server.url}/products`);
      for (const field of FIELDS) await expect(page.locator(field).isVisible(), field).resolves.toBe(false);
      // The sort and the count stay above the goods without opening anything.
      await expect(page.locator("#f-sort").isVisible()).resolves.toBe(true);
      await expect(page.getByRole("status").filter({ hasText: "sản phẩm" }).isVisible()).resolves.toBe(true);
      await page.locator("summary", { hasText: "Bộ lọc" }).click();
      for (const field of FIELDS) await expect(page.locator(field).isVisible(), field).resolves.toBe(true);
      await expectNoHorizontalScroll(page);
      // The sort's own button submits the folded filters with it, so the chosen group is kept.
      await page.goto(`${app.server.url}/products?group=food`);
      await page.locator("#f-sort").selectOption("price_asc");
      await page.getByRole("button", { name: "Sắp xếp", exact: true }).click();
      await page.waitForURL(/sort=price_asc/);
      expect(new URL(page.url()).searchParams.get("group")).toBe("food");
      await context.close();
    });
  }

  it("opens on a phone when a filter has an error, with the message by its field", async () => {
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/products?minPrice=abc`);
    await expect(page.locator("#f-min").isVisible()).resolves.toBe(true);
    await expect(page.locator("#f-min-error").isVisible()).resolves.toBe(true);
    await context.close();
  });
});

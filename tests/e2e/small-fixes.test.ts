/**
 * Issue 12 in a browser: the printable label on a phone, a desktop and paper, and the order page's
 * copy buttons. Screenshots go to tests/.tmp/screenshots for people to look at; the assertions are
 * what decides.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { cspRefusals, PHONE, seriousA11yViolations } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

const SHOTS = path.resolve("tests/.tmp/screenshots");
const ACCOUNT_NO = "0071000123456";

const app = useServerAndBrowser({ env: { VIETQR_BANK_BIN: "970436", VIETQR_ACCOUNT_NO: ACCOUNT_NO, VIETQR_ACCOUNT_NAME: "CHO OCOP" } });
beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const row = <T>(sql: string, ...params: unknown[]) => app.server.db.prepare(sql).get(...params) as T;

describe("the printable label", () => {
  const certified = () =>
    row<{ slug: string; number: string; stars: number; producer: string }>(
      `SELECT p.slug, c.number, c.stars, pr.name AS producer FROM products p JOIN certificates c ON c.id = p.badge_certificate_id
       JOIN producers pr ON pr.id = p.producer_id
       WHERE p.status = 'live' AND p.producer_verified = 1 AND p.badge_expires_on > date('now') ORDER BY p.id LIMIT 1`,
    );

  /** Colours of every element of the label that paints something, as the browser computed them. */
  const labelColours = (page: Page) =>
    page.locator("main article").evaluate((label) =>
      [label, ...label.querySelectorAll("*")].map((el) => {
        const style = getComputedStyle(el);
        return { color: style.color, border: Number.parseFloat(style.borderTopWidth) > 0 ? style.borderTopColor : null, background: style.backgroundColor };
      }),
    );

  it("is the label alone on a phone and on a desktop", async () => {
    const { slug, number, producer } = certified();
    for (const [name, options] of [
      ["phone", PHONE],
      ["desktop", { viewport: { width: 1280, height: 800 }, locale: "vi-VN" }],
    ] as const) {
      const context = await app.browser.newContext(options);
      const refusals = cspRefusals(context);
      const page = await context.newPage();
      await page.goto(`${app.server.url}/products/${slug}/label`);
      await page.getByRole("heading", { level: 1, name: "Nhãn sản phẩm" }).waitFor();
      const label = page.locator("main article");
      expect(await label.count()).toBe(1);
      expect(await label.getByRole("img", { name: "Quét để kiểm tra chứng nhận" }).isVisible()).toBe(true);
      expect(await label.textContent()).toContain(number);
      expect(await label.textContent()).toContain(producer);
      expect(await page.getByRole("button", { name: "Thêm vào giỏ" }).count()).toBe(0);
      expect(await page.getByRole("heading", { name: "Đánh giá của người mua" }).count()).toBe(0);
      // With JS on, the print button has come.
      await page.getByRole("button", { name: "In nhãn" }).waitFor();
      if (name === "phone") await expectNoHorizontalScroll(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `label-${name}.png`), fullPage: true });
      expect(refusals).toEqual([]);
      await context.close();
    }
  });

  it("prints only the label, black on white", async () => {
    const { slug, stars } = certified();
    const context = await app.browser.newContext({ viewport: { width: 794, height: 1123 }, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/products/${slug}/label`);
    await page.getByRole("button", { name: "In nhãn" }).waitFor();
    await page.emulateMedia({ media: "print" });

    // Nothing but the label: no site header or footer, no back link, no print button, no heading.
    for (const hidden of [page.locator("header"), page.locator("footer"), page.getByRole("link", { name: "Quay lại sản phẩm" }), page.getByRole("button", { name: "In nhãn" }), page.locator("h1")]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    const label = page.locator("main article");
    expect(await label.isVisible()).toBe(true);
    expect(await label.textContent()).toContain("★".repeat(stars));
    // Every text and border of the label is pure black, every background white or none: a mono printer loses nothing.
    for (const { color, border, background } of await labelColours(page)) {
      expect(color).toBe("rgb(0, 0, 0)");
      if (border) expect(border).toBe("rgb(0, 0, 0)");
      expect(["rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"]).toContain(background);
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    // The QR code is drawn in black on white only.
    const svg = await (await fetch(`${app.server.url}/products/${slug}/qr.svg`)).text();
    expect([...new Set(svg.match(/#[0-9a-f]{3,8}\b/gi))].sort()).toEqual(["#000000", "#ffffff"]);
    // About 90 mm wide on paper (340 CSS px at 96 dpi), as the packaging label is meant to be.
    expect(Math.round((await label.boundingBox())!.width)).toBe(340);
    await page.screenshot({ path: path.join(SHOTS, "label-print.png"), fullPage: true });
    await context.close();
  });
});

describe("copying the transfer details on the order page", () => {
  async function placeOrder(page: Page): Promise<string> {
    const product = row<{ id: number }>("SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock > 5 ORDER BY id LIMIT 1");
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    // The cart and checkout forms are tested elsewhere; here they only set up an order in this browser's session.
    expect((await page.request.post(`${app.server.url}/cart`, { form: { intent: "add", productId: String(product.id), quantity: "2" }, maxRedirects: 0 })).status()).toBe(303);
    const placed = await page.request.post(`${app.server.url}/checkout`, {
      form: { fullName: "Trần Thị Mai", phone: "0912345678", email: "", provinceCode: "92", wardCode: ward, addressLine: "12 Đường 30 Tháng 4", paymentMethod: "vietqr" },
      maxRedirects: 0,
    });
    expect(placed.status()).toBe(303);
    return placed.headers()["location"]!;
  }
  const codeOf = (orderUrl: string) => new URL(orderUrl, app.server.url).pathname.split("/")[2]!;

  it("with JavaScript on, copies the exact transfer content, account number and amount, and says so", async () => {
    const context = await app.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
    const refusals = cspRefusals(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const orderUrl = await placeOrder(page);
    await page.goto(app.server.url + orderUrl);
    const total = row<{ total: number }>("SELECT total_vnd AS total FROM orders WHERE code = ?", codeOf(orderUrl)).total;
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    const content = page.getByRole("button", { name: "Chép nội dung chuyển khoản" });
    await content.click();
    const confirmation = page.getByRole("status").filter({ hasText: "Đã chép" });
    await confirmation.waitFor();
    expect(await confirmation.count()).toBe(1);
    expect(await clipboard()).toBe(codeOf(orderUrl));

    await page.getByRole("button", { name: "Chép số tài khoản" }).click();
    await page.waitForFunction((expected) => navigator.clipboard.readText().then((text) => text === expected), ACCOUNT_NO);
    expect(await clipboard()).toBe(ACCOUNT_NO);

    await page.getByRole("button", { name: "Chép số tiền" }).click();
    await page.waitForFunction((expected) => navigator.clipboard.readText().then((text) => text === expected), String(total));
    expect(await clipboard()).toBe(String(total));

    await expectNoHorizontalScroll(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, "order-copy-phone.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(refusals).toEqual([]);
    await context.close();
  });

  it("with JavaScript off, shows no copy buttons and leaves the details selectable", async () => {
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const orderUrl = await placeOrder(page);
    await page.goto(app.server.url + orderUrl);
    const transfer = page.locator("section[aria-labelledby=pay-title]");
    await transfer.waitFor();
    expect(await transfer.getByRole("button").count()).toBe(0);
    const code = transfer.getByText(codeOf(orderUrl), { exact: true });
    expect(await code.isVisible()).toBe(true);
    expect(await code.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe("none");
    await context.close();
  });
});

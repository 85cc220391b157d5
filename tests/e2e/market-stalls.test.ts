/**
 * Chợ 4.0 in the browser on a 360 px phone (issue 16): the producer opens its stall, makes a sale,
 * confirms it and finds it in the book, with JavaScript off and on; with JavaScript the sale screen
 * turns green by itself when the producer's own SePay confirms the transfer. The printed sign is
 * screenshotted (print media) and its VietQR is decoded from that screenshot.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseVietQr } from "~/domain/payments/vietqr";
import { vnDateTime } from "../doubles/bank-feeds";
import { cspRefusals, seriousA11yViolations, signInAs } from "../setup/browser";
import { useServerAndBrowser } from "../setup/e2e";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { decodeQr } from "../setup/qr-decode";

const app = useServerAndBrowser();
/** Where the journey leaves its screenshots, to be looked at. */
const SHOTS = process.env.STALL_SHOTS_DIR ?? "/tmp/stall-shots";

const row = <T>(sql: string, ...params: unknown[]) => app.server.db.prepare(sql).get(...params) as T;
const producer = () =>
  row<{ id: number; bank_bin: string; bank_account_no: string }>(
    "SELECT p.id, p.bank_bin, p.bank_account_no FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'",
  );

/** Types an amount and asks for its QR; returns the sale's code from the screen it lands on. */
async function makeSale(page: Page, amount: string): Promise<string> {
  await page.getByLabel("Số tiền (đồng)").fill(amount);
  await page.getByRole("button", { name: "Tạo mã QR" }).click();
  await page.waitForURL(/\/seller\/stall\/sales\/CS[A-Z0-9]{10}$/);
  await page.locator("[data-sale-status=pending]").waitFor();
  return new URL(page.url()).pathname.split("/").pop()!;
}

describe("a market stall on a phone", () => {
  it("opens, sells, confirms and keeps the sale in the book, with JavaScript off; the printed sign's QR decodes", async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, app.server.url, "producer@demo.local");
    await page.goto(`${app.server.url}/seller`);
    await page.getByRole("link", { name: "Bán tại chợ" }).first().click();
    await page.getByRole("button", { name: "Mở sạp" }).click();
    await page.getByRole("button", { name: "Tạo mã QR" }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/stall-360.png`, fullPage: true });

    const code = await makeSale(page, "45.000");
    expect(await page.locator("[data-amount]").textContent()).toMatch(/^45\.000\s₫$/);
    const img = page.getByRole("img", { name: /Mã QR chuyển khoản/ });
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/sale-pending-360.png`, fullPage: true });

    // Without JavaScript, "Kiểm tra lại" asks the server again.
    await page.getByRole("button", { name: "Kiểm tra lại" }).click();
    await page.locator("[data-sale-status=pending]").waitFor();
    await page.getByRole("button", { name: "Đã nhận tiền" }).click();
    await page.locator("[data-sale-status=paid]").waitFor();
    await page.screenshot({ path: `${SHOTS}/sale-paid-360.png`, fullPage: true });

    await page.getByRole("link", { name: "Sổ bán hàng" }).click();
    const entry = page.locator(`[data-sale=${code}]`);
    expect(await entry.textContent()).toContain("Đã nhận tiền");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `${SHOTS}/book-360.png`, fullPage: true });

    // The sign, as it prints: print media, the whole page.
    await page.goto(`${app.server.url}/seller/stall/sign`);
    await page.emulateMedia({ media: "print" });
    const qr = page.locator("[data-qr=pay]");
    await qr.waitFor();
    expect(await qr.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    await expectNoHorizontalScroll(page);
    const shot = await page.screenshot({ path: `${SHOTS}/sign-print-360.png`, fullPage: true });
    // The QR cut out of that screenshot (CSS pixels × the phone's 2 device pixels).
    const box = await qr.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    });
    const scale = 2;
    const cut = await sharp(shot)
      .extract({ left: Math.floor(box.x * scale), top: Math.floor(box.y * scale), width: Math.ceil(box.width * scale), height: Math.ceil(box.height * scale) })
      .png()
      .toFile(`${SHOTS}/sign-qr-cut.png`)
      .then(() => sharp(`${SHOTS}/sign-qr-cut.png`).toBuffer());
    const own = producer();
    const stallCode = row<{ code: string }>("SELECT code FROM stalls WHERE producer_id = ?", own.id).code;
    expect(parseVietQr(await decodeQr(cut))).toEqual({ bankBin: own.bank_bin, accountNumber: own.bank_account_no, amount: null, purpose: stallCode, crcValid: true });
    // Printed in black on white: no colour in the sign.
    expect(await page.locator("[data-sign]").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(255, 255, 255)");
    await context.close();
  });

  it("turns the sale screen green by itself when the producer's own SePay confirms it, with JavaScript on", async () => {
    const context = await app.newContext();
    const refusals = cspRefusals(context);
    const page = await context.newPage();
    await signInAs(page, app.server.url, "producer@demo.local");
    await page.goto(`${app.server.url}/seller/stall`);
    // The stall exists after the first journey; a fresh run opens it here.
    if (await page.getByRole("button", { name: "Mở sạp" }).isVisible()) await page.getByRole("button", { name: "Mở sạp" }).click();
    await page.getByRole("button", { name: "Tạo mã QR" }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const code = await makeSale(page, "62k");
    expect(await page.locator("[data-amount]").getAttribute("data-amount")).toBe("62000");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The bank feed reports the buyer's transfer to the producer's own webhook.
    const own = producer();
    const stall = row<{ webhook_token: string; sepay_api_key: string }>("SELECT webhook_token, sepay_api_key FROM stalls WHERE producer_id = ?", own.id);
    const body = JSON.stringify({ id: 77001, gateway: "Vietcombank", transactionDate: vnDateTime(), accountNumber: own.bank_account_no, code: null, content: `${code} thanh toan`, transferType: "in", transferAmount: 62000, referenceCode: "FT77001", description: "" });
    const res = await fetch(`${app.server.url}/webhooks/stall/${stall.webhook_token}/sepay`, { method: "POST", body, headers: { "Content-Type": "application/json", Authorization: `Apikey ${stall.sepay_api_key}` } });
    expect(res.status).toBe(200);
    // No reload: the screen polls /status and turns green.
    await page.locator("[data-sale-status=paid]").waitFor({ timeout: 15_000 });
    expect(await page.locator("[data-sale-status=paid] [role=status]").textContent()).toContain("Đã nhận tiền");
    await page.screenshot({ path: `${SHOTS}/sale-paid-by-sepay-360.png`, fullPage: true });

    // A second sale confirmed by hand, then found in the book.
    await page.getByRole("link", { name: "Bán tiếp" }).click();
    const second = await makeSale(page, "15000");
    await page.getByRole("button", { name: "Đã nhận tiền" }).click();
    await page.locator("[data-sale-status=paid]").waitFor();
    await page.getByRole("link", { name: "Sổ bán hàng" }).click();
    await page.locator(`[data-sale=${second}]`).waitFor();
    expect(await page.locator(`[data-sale=${code}]`).textContent()).toContain("Đã nhận tiền");
    expect(refusals).toEqual([]);
    await context.close();
  });

  it("shows provincial staff the chợ 4.0 section with its charts on a phone, without JavaScript", async () => {
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, app.server.url, "staff@demo.local");
    await page.goto(`${app.server.url}/staff/dashboard`);
    const section = page.locator("section[aria-labelledby=market-heading]");
    await section.waitFor();
    const paid = row<{ n: number; v: number }>("SELECT count(*) AS n, coalesce(sum(amount_vnd), 0) AS v FROM stall_sales WHERE status = 'paid' AND method = 'qr' AND province_code = '92'");
    expect(Number(await section.locator("[data-figure=market-transactions] data").getAttribute("value"))).toBe(paid.n);
    expect(Number(await section.locator("[data-figure=market-value] data").getAttribute("value"))).toBe(paid.v);
    expect(await section.locator("svg").count()).toBe(3);
    await expectNoHorizontalScroll(page);
    await section.screenshot({ path: `${SHOTS}/dashboard-market-360.png` });
    await context.close();
  });
});

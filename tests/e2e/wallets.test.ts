/**
 * A guest pays through each provider that sends the browser away and back (issue 15): checkout →
 * the provider's page (a local double) → the provider confirms to our server → back on the order page,
 * which shows the order paid. JavaScript on and off; at 360 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAYOS_ACCOUNT, startPayosDouble, type PayosDouble } from "../doubles/payos-double";
import { startMomoDouble, startVnpayDouble, type MomoDouble, type VnpayDouble } from "../doubles/wallets-double";
import { startStripeDouble, type StripeDouble } from "../mocks/stripe-double";
import { cspRefusals } from "../setup/browser";
import { useServerAndBrowser } from "../setup/e2e";
import { expectNoHorizontalScroll } from "../setup/page-checks";

const VNPAY = { tmnCode: "CHOOCOP1", hashSecret: "VNPAYE2ESECRET0123456789ABCDEFGH" };
const MOMO = { partnerCode: "MOMOCHOOCOP", accessKey: "momo-e2e-access", secretKey: "momo-e2e-secret" };
const PAYOS = { clientId: "payos-e2e", apiKey: "payos-e2e-key", checksumKey: "payos-e2e-checksum" };
const STRIPE_WEBHOOK_SECRET = "whsec_e2e_wallets";

let vnpay: VnpayDouble;
let momo: MomoDouble;
let payos: PayosDouble;
let stripe: StripeDouble;

beforeAll(async () => {
  [vnpay, momo, payos, stripe] = await Promise.all([startVnpayDouble(VNPAY), startMomoDouble(MOMO), startPayosDouble(PAYOS), startStripeDouble()]);
});

const app = useServerAndBrowser({
  env: () => ({
    VNPAY_TMN_CODE: VNPAY.tmnCode,
    VNPAY_HASH_SECRET: VNPAY.hashSecret,
    VNPAY_PAYMENT_URL: `${vnpay.url}/pay`,
    VNPAY_API_URL: `${vnpay.url}/api`,
    MOMO_PARTNER_CODE: MOMO.partnerCode,
    MOMO_ACCESS_KEY: MOMO.accessKey,
    MOMO_SECRET_KEY: MOMO.secretKey,
    MOMO_API_BASE: momo.url,
    PAYOS_CLIENT_ID: PAYOS.clientId,
    PAYOS_API_KEY: PAYOS.apiKey,
    PAYOS_CHECKSUM_KEY: PAYOS.checksumKey,
    PAYOS_API_BASE: payos.url,
    STRIPE_SECRET_KEY: "sk_test_e2e_wallets",
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
    PAYMENT_RECONCILE_SECONDS: "3600",
  }),
});

afterAll(async () => {
  await Promise.all([vnpay?.stop(), momo?.stop(), payos?.stop(), stripe?.stop()]);
});

let slug: string;
beforeAll(() => {
  slug = (app.server.db.prepare("SELECT slug FROM products WHERE status = 'live' AND producer_verified = 1 AND stock >= 20 AND price_vnd < 500000 ORDER BY id LIMIT 1").get() as { slug: string }).slug;
});

/** From an empty cart to "Đặt hàng" with `method` chosen; answers the order's code. */
async function checkout(page: Page, method: "vnpay" | "momo" | "payos" | "stripe", javaScript: boolean): Promise<string> {
  await page.goto(`${app.server.url}/products/${slug}`);
  await page.waitForLoadState("load");
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
  if (javaScript) await page.getByText("Đã thêm vào giỏ.").waitFor();
  else await page.getByRole("heading", { level: 1, name: "Giỏ hàng" }).waitFor();
  await page.goto(`${app.server.url}/checkout`);
  await page.getByLabel("Họ và tên người nhận").fill("Phạm Thu Hà");
  await page.getByLabel("Số điện thoại").fill(`09${String(Date.now()).slice(-8)}`);
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Cần Thơ" });
  if (!javaScript) await page.getByRole("button", { name: "Chọn tỉnh và xem phí vận chuyển" }).click();
  const ward = page.getByLabel("Xã, phường, đặc khu");
  await expect.poll(() => ward.locator("option").count()).toBeGreaterThan(10);
  await ward.selectOption({ index: 1 });
  await page.getByLabel("Số nhà, đường, thôn, ấp").fill("25 Mậu Thân");
  await page.locator(`input[name="paymentMethod"][value="${method}"]`).check();
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Đặt hàng" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/checkout"));
  return (app.server.db.prepare("SELECT code FROM orders ORDER BY id DESC LIMIT 1").get() as { code: string }).code;
}

async function seesPaid(page: Page, code: string) {
  await page.getByRole("heading", { level: 1, name: `Đơn hàng ${code}` }).waitFor();
  await page.getByText("đã thanh toán", { exact: false }).first().waitFor({ timeout: 15_000 });
  await expectNoHorizontalScroll(page);
}

describe("paying through a provider's page and coming back", () => {
  for (const javaScript of [true, false]) {
    const js = `JavaScript ${javaScript ? "on" : "off"}`;

    it(`VNPay: checkout → VNPay → IPN → back on the order page, paid (${js})`, async () => {
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(context);
      const page = await context.newPage();
      const code = await checkout(page, "vnpay", javaScript);
      expect(page.url().startsWith(`${vnpay.url}/pay?`)).toBe(true);
      await page.getByText(`Thanh toán ${code}`).waitFor();
      // VNPay calls our IPN, then sends the browser back with the result in the query.
      const result = vnpay.pay(code);
      expect(await (await fetch(`${app.server.url}/webhooks/vnpay?${result}`)).json()).toMatchObject({ RspCode: "00" });
      await page.goto(`${vnpay.payments.get(code)!.returnUrl}?${result}`);
      await seesPaid(page, code);
      expect(refusals).toEqual([]);
      await context.close();
    });

    it(`MoMo: checkout → MoMo → IPN → back on the order page, paid (${js})`, async () => {
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      const code = await checkout(page, "momo", javaScript);
      expect(page.url()).toBe(`${momo.url}/pay/${code}`);
      const ipn = momo.pay(code);
      const answer = await fetch(`${app.server.url}/webhooks/momo`, { method: "POST", body: JSON.stringify(ipn), headers: { "Content-Type": "application/json" } });
      expect(answer.status).toBe(204);
      const back = new URLSearchParams({ partnerCode: ipn.partnerCode, orderId: code, requestId: ipn.requestId, amount: String(ipn.amount), resultCode: "0", transId: String(ipn.transId), message: ipn.message, payType: ipn.payType, responseTime: String(ipn.responseTime), extraData: "", signature: ipn.signature });
      await page.goto(`${momo.payments.get(code)!.redirectUrl}?${back}`);
      await seesPaid(page, code);
      await context.close();
    });

    it(`Stripe: checkout → Stripe Checkout → signed event → back on the order page, paid (${js})`, async () => {
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      const code = await checkout(page, "stripe", javaScript);
      const session = stripe.lastSession();
      expect(page.url()).toBe(session.url);
      // The shopper pays on Stripe's page and comes back; the page alone marks nothing paid.
      await page.getByRole("button", { name: "Pay" }).click();
      await page.getByRole("heading", { level: 1, name: `Đơn hàng ${code}` }).waitFor();
      const { payload, header } = stripe.event("checkout.session.completed", stripe.sessions.get(session.id), STRIPE_WEBHOOK_SECRET);
      expect((await fetch(`${app.server.url}/webhooks/stripe`, { method: "POST", body: payload, headers: { "Stripe-Signature": header, "Content-Type": "application/json" } })).status).toBe(200);
      if (!javaScript) await page.reload();
      await seesPaid(page, code);
      await context.close();
    });

    it(`payOS: checkout → payOS's VietQR on our page → webhook → paid (${js})`, async () => {
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      const code = await checkout(page, "payos", javaScript);
      await page.getByRole("heading", { level: 1, name: `Đơn hàng ${code}` }).waitFor();
      await page.getByText(PAYOS_ACCOUNT).first().waitFor();
      const { id } = app.server.db.prepare("SELECT id FROM orders WHERE code = ?").get(code) as { id: number };
      const webhook = payos.pay(id);
      expect((await fetch(`${app.server.url}/webhooks/payos`, { method: "POST", body: JSON.stringify(webhook), headers: { "Content-Type": "application/json" } })).status).toBe(200);
      // With JS the page notices by itself; without, the shopper reloads.
      if (!javaScript) await page.reload();
      await seesPaid(page, code);
      await context.close();
    });
  }
});

/**
 * The carriers' journey (issue 18) on a phone (360 px), JavaScript on and off: a shopper pays for two
 * producers' goods with carrier quotes (GHN for one, Viettel Post for the other); each producer books
 * the pick-up and prints its label; the carriers' callbacks deliver; the buyer sees the timeline and
 * each producer sees the money payable. The carriers are local doubles (tests/doubles/carriers.ts).
 */
import Database from "better-sqlite3";
import { createHmac } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import areas from "~/domain/shipping/data/carrier-areas.json";
import { startGhnDouble, startViettelPostDouble } from "../doubles/carriers";
import { cspRefusals, signInAs } from "../setup/browser";
import { useServerAndBrowser } from "../setup/e2e";
import { expectNoHorizontalScroll } from "../setup/page-checks";

const BANK_SECRET = "e2e-carriers-bank-secret";
const SECOND_LOGIN = "0988 555 444";
const SECRETS = { ghn: "e2e-ghn-hook", viettelpost: "e2e-vtp-secret" };
let ghn: Awaited<ReturnType<typeof startGhnDouble>>;
let vtp: Awaited<ReturnType<typeof startViettelPostDouble>>;

beforeAll(async () => {
  [ghn, vtp] = await Promise.all([
    startGhnDouble({ token: "ghn-token", shopId: "885", webhookSecret: SECRETS.ghn }),
    startViettelPostDouble({ token: "vtp-token", webhookSecret: SECRETS.viettelpost }),
  ]);
});
afterAll(async () => {
  await ghn?.stop();
  await vtp?.stop();
});

const app = useServerAndBrowser({
  env: (): Record<string, string> => ({
    BANK_WEBHOOK_SECRET: BANK_SECRET,
    GHN_TOKEN: "ghn-token",
    GHN_SHOP_ID: "885",
    GHN_API_BASE: ghn.url,
    GHN_PRINT_BASE: ghn.url,
    GHN_WEBHOOK_SECRET: SECRETS.ghn,
    VIETTELPOST_TOKEN: "vtp-token",
    VIETTELPOST_API_BASE: vtp.url,
    VIETTELPOST_PRINT_BASE: vtp.url,
    VIETTELPOST_WEBHOOK_SECRET: SECRETS.viettelpost,
  }),
});

interface Seller {
  login: string;
  password: string;
  producerId: number;
  carrier: "ghn" | "viettelpost";
  product: { slug: string; name: string };
}
let sellers: Seller[];
const buyerWard = Object.keys(areas.carriers.ghn).find((code) => code.startsWith("31") && !["31684", "31321"].includes(code))!;

beforeAll(async () => {
  const db = app.server.db;
  const demo = db.prepare("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").get() as { id: number };
  // The second seller: the demo's fish-sauce maker in TP Hồ Chí Minh (a commune the mapping sample covers), handed to a new account.
  const other = db.prepare("SELECT id FROM producers WHERE ward_code = '26662' AND owner_user_id IS NULL AND verification_status = 'approved'").get() as { id: number };
  const signup = await fetch(`${app.server.url}/signup`, { method: "POST", redirect: "manual", body: new URLSearchParams({ fullName: "Trần Văn Tám", login: SECOND_LOGIN, password: "mat-khau-dai", role: "producer" }) });
  expect(signup.status).toBe(303);
  const writable = new Database(app.server.databasePath);
  writable.prepare("UPDATE producers SET owner_user_id = (SELECT id FROM users WHERE phone = '0988555444') WHERE id = ?").run(other.id);
  writable.close();
  const pick = db.prepare("SELECT slug, name FROM products WHERE producer_id = ? AND status = 'live' AND producer_verified = 1 AND stock >= 10 AND weight_grams BETWEEN 100 AND 900 ORDER BY id LIMIT 1");
  sellers = [
    { login: "producer@demo.local", password: "demo-password", producerId: demo.id, carrier: "ghn", product: pick.get(demo.id) as Seller["product"] },
    { login: SECOND_LOGIN, password: "mat-khau-dai", producerId: other.id, carrier: "viettelpost", product: pick.get(other.id) as Seller["product"] },
  ];
  // Each producer chooses its carrier on its delivery settings page (the profile's address is the pick-up).
  for (const seller of sellers) {
    const login = await fetch(`${app.server.url}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ login: seller.login, password: seller.password }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const page = await fetch(`${app.server.url}/seller/shipping`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const pickup = db.prepare("SELECT name, ward_code AS wardCode, address_line AS addressLine FROM producers WHERE id = ?").get(seller.producerId) as { name: string; wardCode: string; addressLine: string };
    const saved = await fetch(`${app.server.url}/seller/shipping?for=${seller.producerId}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie },
      body: new URLSearchParams({ carriers: seller.carrier, defaultCarrier: seller.carrier, contactName: pickup.name.slice(0, 100), phone: "0912 000 111", wardCode: pickup.wardCode, addressLine: pickup.addressLine || "Ấp 1" }),
    });
    expect(saved.status).toBe(303);
  }
});

async function sendBankTransfer(code: string) {
  const { total } = app.server.db.prepare("SELECT total_vnd AS total FROM orders WHERE code = ?").get(code) as { total: number };
  const body = JSON.stringify({ transactionId: `FT${code}`, amount: total, description: code, accountNumber: "257678859", occurredAt: new Date().toISOString() });
  const res = await fetch(`${app.server.url}/webhooks/bank-transfer`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Signature": `sha256=${createHmac("sha256", BANK_SECRET).update(body).digest("hex")}` },
    body,
  });
  expect(await res.json()).toMatchObject({ outcome: "applied" });
}

/** The producer confirms, books the carrier preselected for it, and opens the label. */
async function bookAndPrint(context: BrowserContext, seller: Seller, code: string): Promise<string> {
  const page = await context.newPage();
  await signInAs(page, app.server.url, seller.login, seller.password);
  await page.goto(`${app.server.url}/seller/orders`);
  await page.locator("section", { hasText: code }).getByRole("button", { name: "Xác nhận đơn" }).click();
  const part = page.locator("section", { hasText: code });
  await part.getByRole("button", { name: "Đặt giao hàng" }).waitFor();
  expect(await part.locator(`input[name="carrier"][value="${seller.carrier}"]`).isChecked()).toBe(true);
  expect(await part.getByLabel("Khối lượng (g)").inputValue()).not.toBe("");
  await expectNoHorizontalScroll(page);
  await part.screenshot({ path: `/tmp/carriers-inbox-${seller.carrier}.png` });
  await part.getByRole("button", { name: "Đặt giao hàng" }).click();
  await page.locator("section", { hasText: code }).getByText("Đã đặt giao hàng").waitFor();
  const { waybill } = app.server.db
    .prepare("SELECT s.waybill FROM shipments s JOIN order_parts op ON op.id = s.part_id JOIN orders o ON o.id = op.order_id WHERE o.code = ? AND s.producer_id = ? AND s.status = 'booked'")
    .get(code, seller.producerId) as { waybill: string };
  const href = await page.locator("section", { hasText: code }).getByRole("link", { name: "In nhãn" }).getAttribute("href");
  await page.goto(`${app.server.url}${href}`);
  await page.getByText(waybill).waitFor();
  await page.close();
  return waybill;
}

async function deliver(carrier: Seller["carrier"], waybill: string) {
  const double = carrier === "ghn" ? ghn : vtp;
  const steps = carrier === "ghn" ? ["picked", "delivering", "delivered"] : ["105", "500", "501"];
  const t0 = Date.now() - 3 * 3_600_000;
  for (const [i, status] of steps.entries()) {
    const cb = double.advance(waybill, status, { at: new Date(t0 + i * 3_600_000) });
    const res = await fetch(app.server.url + cb.path, { method: "POST", headers: cb.headers, body: cb.body });
    expect(res.status).toBe(200);
  }
}

async function payable(context: BrowserContext, seller: Seller): Promise<string> {
  const page = await context.newPage();
  await signInAs(page, app.server.url, seller.login, seller.password);
  await page.goto(`${app.server.url}/seller/orders`);
  const text = (await page.locator("dl").first().textContent()) ?? "";
  await page.close();
  return text;
}

describe("carriers: quote, book, label, track, pay out", () => {
  for (const javaScript of [true, false]) {
    it(`a shopper pays two producers with carrier quotes; they book and print; callbacks deliver; JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const buyer = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(buyer);
      const page: Page = await buyer.newPage();
      for (const { product } of sellers) {
        await page.goto(`${app.server.url}/products/${product.slug}`);
        await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
        if (javaScript) await page.getByText("Đã thêm vào giỏ.").waitFor();
        else await page.getByRole("heading", { level: 1, name: "Giỏ hàng" }).waitFor();
      }
      await page.goto(`${app.server.url}/checkout`);
      await page.getByLabel("Họ và tên người nhận").fill("Lê Văn Tám");
      await page.getByLabel("Số điện thoại").fill(javaScript ? "0912 111 222" : "0912 111 333");
      await page.getByLabel("Tỉnh, thành phố").selectOption({ value: "92" });
      if (!javaScript) await page.getByRole("button", { name: "Chọn tỉnh và xem phí vận chuyển" }).click();
      const ward = page.getByLabel("Xã, phường, đặc khu");
      await expect.poll(() => ward.locator(`option[value="${buyerWard}"]`).count()).toBe(1);
      await ward.selectOption({ value: buyerWard });
      if (!javaScript) await page.getByRole("button", { name: "Xem phí giao hàng" }).click();
      await page.getByLabel("Số nhà, đường, thôn, ấp").fill("5 Hoà Bình");
      // One carrier quote per producer, with its expected date, before paying.
      await page.getByText(/Phí Giao Hàng Nhanh, dự kiến giao/).waitFor();
      await page.getByText(/Phí Viettel Post, dự kiến giao/).waitFor();
      await expectNoHorizontalScroll(page);
      await page.getByRole("button", { name: "Đặt hàng" }).click();
      const heading = page.getByRole("heading", { level: 1, name: /^Đơn hàng OC/ });
      await heading.waitFor();
      const code = (await heading.textContent())!.replace("Đơn hàng ", "").trim();
      const fees = app.server.db
        .prepare("SELECT op.quoted_carrier AS carrier, op.shipping_fee_vnd AS fee FROM order_parts op JOIN orders o ON o.id = op.order_id WHERE o.code = ? ORDER BY op.quoted_carrier")
        .all(code);
      expect(fees).toEqual([
        { carrier: "ghn", fee: ghn.fee },
        { carrier: "viettelpost", fee: vtp.fee },
      ]);
      await sendBankTransfer(code);

      const producers = await app.newContext();
      const before = [];
      for (const seller of sellers) {
        before.push(await payable(producers, seller));
        await producers.clearCookies();
      }
      const waybills = [];
      for (const seller of sellers) {
        waybills.push(await bookAndPrint(producers, seller, code));
        await producers.clearCookies();
      }
      for (const [i, seller] of sellers.entries()) await deliver(seller.carrier, waybills[i]!);

      await page.reload();
      await expect.poll(() => page.locator("[data-tracking]").count()).toBe(2);
      await expect.poll(() => page.getByText("Hành trình gói hàng").count()).toBe(2);
      await expect.poll(() => page.locator("[data-tracking] li", { hasText: "Đã giao hàng" }).count()).toBe(2);
      for (const waybill of waybills) await page.getByText(`mã vận đơn ${waybill}`).first().waitFor();
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `/tmp/carriers-order-${javaScript ? "js" : "nojs"}.png`, fullPage: true });

      for (const [i, seller] of sellers.entries()) {
        const after = await payable(producers, seller);
        expect(after, `${seller.login}'s balances`).not.toBe(before[i]);
        await producers.clearCookies();
        const delivered = app.server.db
          .prepare("SELECT op.status FROM order_parts op JOIN orders o ON o.id = op.order_id WHERE o.code = ? AND op.producer_id = ?")
          .get(code, seller.producerId) as { status: string };
        expect(delivered.status).toBe("delivered");
      }
      await producers.close();
      expect(refusals).toEqual([]);
      await buyer.close();
    }, 150_000); // Two producers, two bookings, a label each and a callback sequence: ~20 s alone, three times that beside other browser files.
  }
});

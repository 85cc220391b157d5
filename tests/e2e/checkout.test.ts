import Database from "better-sqlite3";
import { createHmac } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { cspRefusals, seriousA11yViolations, signInAs } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

const BANK_SECRET = "e2e-bank-secret";
const SECOND_PRODUCER_LOGIN = "0988 777 666";

const app = useServerAndBrowser({ env: { BANK_WEBHOOK_SECRET: BANK_SECRET } });
let products: { slug: string; name: string }[];

beforeAll(async () => {
  const demoProducer = app.server.db
    .prepare("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'")
    .get() as { id: number };
  // A second producer to sign in as: a verified demo producer with goods in stock, handed to a new account.
  const other = app.server.db
    .prepare(
      `SELECT pr.id FROM producers pr WHERE pr.owner_user_id IS NULL AND pr.verification_status = 'approved' AND pr.id <> ?
         AND EXISTS (SELECT 1 FROM products p WHERE p.producer_id = pr.id AND p.status = 'live' AND p.stock >= 10) ORDER BY pr.id LIMIT 1`,
    )
    .get(demoProducer.id) as { id: number };
  const signup = await fetch(`${app.server.url}/signup`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ fullName: "Lò Văn Páo", login: SECOND_PRODUCER_LOGIN, password: "mat-khau-dai", role: "producer" }),
  });
  expect(signup.status).toBe(303);
  const writable = new Database(app.server.databasePath);
  writable
    .prepare("UPDATE producers SET owner_user_id = (SELECT id FROM users WHERE phone = '0988777666') WHERE id = ?")
    .run(other.id);
  writable.close();
  const pick = app.server.db.prepare(
    "SELECT slug, name FROM products WHERE producer_id = ? AND status = 'live' AND producer_verified = 1 AND stock >= 10 ORDER BY id LIMIT 1",
  );
  products = [pick.get(demoProducer.id), pick.get(other.id)] as { slug: string; name: string }[];
});

async function sendBankTransfer(code: string) {
  const { total } = app.server.db.prepare("SELECT total_vnd AS total FROM orders WHERE code = ?").get(code) as { total: number };
  const body = JSON.stringify({
    transactionId: `FT${code}`,
    amount: total,
    description: `MBVCB.123456 ${code.toLowerCase()} chuyen tien`,
    accountNumber: "257678859",
    occurredAt: new Date().toISOString(),
  });
  const signature = createHmac("sha256", BANK_SECRET).update(body).digest("hex");
  const res = await fetch(`${app.server.url}/webhooks/bank-transfer`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` },
    body,
  });
  expect(await res.json()).toMatchObject({ outcome: "applied" });
}

async function confirmAndShip(context: BrowserContext, login: string, password: string, code: string, tracking: string) {
  const page = await context.newPage();
  await signInAs(page, app.server.url, login, password);
  await page.goto(`${app.server.url}/seller/orders`);
  const part = page.locator("section", { hasText: code });
  await part.getByRole("button", { name: "Xác nhận đơn" }).click();
  await page.locator("section", { hasText: code }).getByLabel("Đơn vị vận chuyển").fill("Viettel Post");
  await page.locator("section", { hasText: code }).getByLabel("Mã vận đơn").fill(tracking);
  await page.locator("section", { hasText: code }).getByRole("button", { name: "Đã gửi hàng" }).click();
  await page.locator("section", { hasText: code }).getByText("Đang giao", { exact: true }).waitFor();
  await page.close();
}

async function addToCart(page: Page, slug: string, javaScript: boolean) {
  await page.goto(`${app.server.url}/products/${slug}`);
  await page.getByLabel("Số lượng").fill("2");
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
  // Without JS the form lands on the cart; with JS the page stays and says so.
  if (javaScript) await page.getByText("Đã thêm vào giỏ.").waitFor();
  else await page.getByRole("heading", { level: 1, name: "Giỏ hàng" }).waitFor();
}

describe("a guest buys from two producers and follows the order", () => {
  for (const javaScript of [true, false]) {
    it(`adds, checks out with VietQR, is paid by the bank and sees both parts shipped, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const buyer = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(buyer);
      const page = await buyer.newPage();
      for (const product of products) await addToCart(page, product.slug, javaScript);

      await page.goto(`${app.server.url}/cart`);
      for (const product of products) await page.getByRole("link", { name: product.name }).waitFor();
      if (javaScript) expect(await seriousA11yViolations(page), "cart").toEqual([]);
      await expectNoHorizontalScroll(page);
      await page.getByRole("link", { name: "Đặt hàng" }).click();

      await page.getByLabel("Họ và tên người nhận").fill("Nguyễn Thị Mai");
      await page.getByLabel("Số điện thoại").fill("0912 345 678");
      await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Hà Nội" });
      if (!javaScript) await page.getByRole("button", { name: "Chọn tỉnh và xem phí vận chuyển" }).click();
      const ward = page.getByLabel("Xã, phường, đặc khu");
      await expect.poll(() => ward.locator("option").count()).toBeGreaterThan(10);
      await ward.selectOption({ index: 1 });
      await page.getByLabel("Số nhà, đường, thôn, ấp").fill("18 phố Hàng Bè");
      // Two producers: two shipping fees before paying.
      await expect.poll(() => page.getByText("Phí vận chuyển").count()).toBe(2);
      if (javaScript) expect(await seriousA11yViolations(page), "checkout").toEqual([]);
      await expectNoHorizontalScroll(page);
      await page.getByRole("button", { name: "Đặt hàng" }).click();

      const heading = page.getByRole("heading", { level: 1, name: /^Đơn hàng OC/ });
      await heading.waitFor();
      const code = (await heading.textContent())!.replace("Đơn hàng ", "").trim();
      await page.getByRole("img", { name: "Mã VietQR để chuyển khoản" }).waitFor();
      await page.getByText("Chờ thanh toán").first().waitFor();
      if (javaScript) expect(await seriousA11yViolations(page), "order page").toEqual([]);
      await expectNoHorizontalScroll(page);

      await sendBankTransfer(code);
      // With JS the page notices the payment by itself; without JS the buyer reloads.
      if (!javaScript) await page.reload();
      await page.getByText("đã thanh toán", { exact: false }).first().waitFor({ timeout: 15_000 });

      const producers = await app.newContext();
      await confirmAndShip(producers, "producer@demo.local", "demo-password", code, `VTP${javaScript ? 1 : 2}0001`);
      await producers.clearCookies();
      await confirmAndShip(producers, SECOND_PRODUCER_LOGIN, "mat-khau-dai", code, `VTP${javaScript ? 1 : 2}0002`);
      await producers.close();

      await page.reload();
      await expect.poll(() => page.locator('[aria-current="step"]', { hasText: "Đang giao" }).count()).toBe(2);
      await page.getByText(`Viettel Post, mã vận đơn VTP${javaScript ? 1 : 2}0001`).waitFor();
      await page.getByText(`Viettel Post, mã vận đơn VTP${javaScript ? 1 : 2}0002`).waitFor();
      expect(refusals).toEqual([]);
      await buyer.close();
    });
  }
});

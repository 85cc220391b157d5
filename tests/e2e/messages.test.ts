import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

const BANK_SECRET = "e2e-messages-bank-secret";

// Outside production: the development outbox is where messages arrive while no provider is set up.
const app = useServerAndBrowser({ env: { NODE_ENV: "development", BANK_WEBHOOK_SECRET: BANK_SECRET } });

async function guestPaysAnOrder(origin: string): Promise<string> {
  const db = app.server.db;
  const product = db
    .prepare(
      `SELECT products.id FROM products JOIN producers ON producers.id = products.producer_id JOIN users ON users.id = producers.owner_user_id
       WHERE users.email = 'producer@demo.local' AND products.status = 'live' AND products.stock >= 5
         AND NOT EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = products.id AND v.label <> '') ORDER BY products.id LIMIT 1`,
    )
    .get() as { id: number };
  const ward = db.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string };
  const cart = await fetch(`${origin}/cart`, { method: "POST", redirect: "manual", body: new URLSearchParams({ intent: "add", productId: String(product.id), quantity: "1" }) });
  const cookie = cart.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const placed = await fetch(`${origin}/checkout`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie },
    body: new URLSearchParams({ fullName: "Phạm Thu Hà", phone: "0912 777 888", provinceCode: "92", wardCode: ward.code, addressLine: "3 Lý Tự Trọng", paymentMethod: "vietqr" }),
  });
  const code = new URL(placed.headers.get("location")!, origin).pathname.split("/")[2]!;
  const { total } = db.prepare("SELECT total_vnd AS total FROM orders WHERE code = ?").get(code) as { total: number };
  const body = JSON.stringify({ transactionId: `FT-MSG-${code}`, amount: total, description: `CK ${code}`, accountNumber: "257678859", occurredAt: new Date().toISOString() });
  const signature = createHmac("sha256", BANK_SECRET).update(body).digest("hex");
  const paid = await fetch(`${origin}/webhooks/bank-transfer`, { method: "POST", headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` }, body });
  expect(await paid.json()).toMatchObject({ outcome: "applied" });
  return code;
}

describe("messages in the browser", () => {
  it("shows the producer the paid order's message in the development outbox, and its link opens the inbox with the order", async () => {
    // Links in messages are absolute, to http://localhost:<port> (no PUBLIC_ORIGIN here): the producer uses that address.
    const origin = `http://localhost:${app.server.port}`;
    const code = await guestPaysAnOrder(origin);
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await page.getByLabel("Số điện thoại hoặc email").fill("producer@demo.local");
    await page.getByLabel("Mật khẩu").fill("demo-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();

    await page.goto(`${origin}/dev/outbox`);
    const message = page.locator("li[data-message-kind='new_paid_order']", { hasText: code });
    await message.getByText(`Đơn mới ${code} đã thanh toán`).waitFor();
    await expectNoHorizontalScroll(page);
    await message.getByRole("link").click();
    expect(new URL(page.url()).pathname).toBe("/seller/orders");
    await page.locator("section", { hasText: code }).getByRole("button", { name: "Xác nhận đơn" }).waitFor();
    await context.close();
  });

  it("lets a shopper who forgot the password set a new one with the code, JavaScript off, on a 360 px phone", async () => {
    const origin = app.server.url;
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await page.getByRole("link", { name: "Quên mật khẩu?" }).click();
    await expectNoHorizontalScroll(page);
    await page.getByLabel("Số điện thoại hoặc email").fill("shopper@demo.local");
    await page.getByRole("button", { name: "Gửi mã" }).click();
    await page.getByText("Nếu đó là tài khoản trên Chợ OCOP, mã đã được gửi.").waitFor();
    await expectNoHorizontalScroll(page);

    // The code arrives by e-mail; here, in the development outbox.
    const inbox = await context.newPage();
    await inbox.goto(`${origin}/dev/outbox`);
    const mail = await inbox.locator("li[data-message-kind='password_code']", { hasText: "shopper@demo.local" }).first().textContent();
    const code = /là (\d{6})/.exec(mail ?? "")![1]!;
    await inbox.close();

    expect(await page.getByLabel("Số điện thoại hoặc email").inputValue()).toBe("shopper@demo.local");
    await page.getByLabel("Mã 6 số").fill(code);
    await page.getByLabel("Mật khẩu mới").fill("mat-khau-moi-cua-toi");
    await page.getByRole("button", { name: "Đặt mật khẩu mới" }).click();
    await page.getByText("Đã đặt mật khẩu mới. Hãy đăng nhập.").waitFor();
    await page.getByLabel("Số điện thoại hoặc email").fill("shopper@demo.local");
    await page.getByLabel("Mật khẩu").fill("mat-khau-moi-cua-toi");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
    expect((page.viewportSize() ?? { width: 0 }).width).toBe(360);
    await context.close();
  });
});

/**
 * Issue 19's journey at 360 px: a buyer without JavaScript complains with a photo, the producer (JS
 * on) answers, staff (JS off) decide, the producer sees the tax withheld, and central staff download
 * the month's declaration.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cameraPhoto, seriousA11yViolations, signInAs } from "../setup/browser";
import { deliverOrder } from "../setup/delivered-order";
import { useServerAndBrowser } from "../setup/e2e";
import { signIn } from "../setup/http";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { soldInOneSize } from "../setup/sizes";

const BANK_SECRET = "bank-secret-journey-19";
const app = useServerAndBrowser({ env: { BANK_WEBHOOK_SECRET: BANK_SECRET, VIETQR_ACCOUNT_NO: "257678859" } });

describe("complaint, decision, tax withheld and the declaration", () => {
  it("runs from the buyer's phone to central staff's download", async () => {
    const { server } = app;
    const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
    const producer = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'");
    const writer = new Database(server.databasePath);
    // The demo's cooperative becomes a household, so tax is withheld on its sales.
    writer.prepare("UPDATE producers SET entity_type = 'household', legal_name = 'Nguyễn Văn Cua', tax_code = '092080001234' WHERE id = ?").run(producer.id);
    writer.close();
    const product = row<{ id: number }>(
      `SELECT p.id FROM products p WHERE p.producer_id = ? AND p.status = 'live' AND p.producer_verified = 1 AND p.stock >= 2 AND ${soldInOneSize("p")} ORDER BY p.stock DESC LIMIT 1`,
      producer.id,
    );
    const order = await deliverOrder(server, { productId: product.id, quantity: 1, producerCookie: await signIn(server, "producer@demo.local"), bankSecret: BANK_SECRET });

    // The buyer, without JavaScript, from the order page's link.
    const buyer = await app.newContext({ javaScriptEnabled: false });
    const buyerPage = await buyer.newPage();
    await buyerPage.goto(`${server.url}/orders/${order.code}?token=${encodeURIComponent(order.token)}`);
    await buyerPage.getByRole("link", { name: "Khiếu nại, đổi trả" }).click();
    await buyerPage.getByLabel("Lý do").selectOption("damaged");
    await buyerPage.getByLabel("Mô tả vấn đề").fill("Hộp bị móp, sản phẩm bên trong hư hỏng.");
    await buyerPage.getByLabel("Ảnh chụp (tối đa 5 ảnh)").setInputFiles({ name: "hop-mop.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });
    await buyerPage.getByRole("button", { name: "Gửi khiếu nại" }).click();
    await expect.poll(() => buyerPage.locator("[data-complaint-status]").textContent()).toBe("Chờ nhà sản xuất trả lời");
    expect(await buyerPage.locator("section[id^=complaint-] img").count()).toBe(1);
    await expectNoHorizontalScroll(buyerPage);
    await buyer.close();

    // The producer, with JavaScript, rejects it with a reason.
    const seller = await app.newContext();
    const sellerPage = await seller.newPage();
    await signInAs(sellerPage, server.url, "producer@demo.local");
    await sellerPage.goto(`${server.url}/seller/complaints`);
    await sellerPage.getByLabel("Ghi chú, lý do").fill("Hàng giao đủ và nguyên vẹn khi bàn giao");
    await sellerPage.getByRole("button", { name: "Từ chối (nêu lý do)" }).click();
    await expect.poll(() => sellerPage.locator("[data-complaint-status]").first().textContent()).toBe("Cán bộ tỉnh đang xem xét");
    await expectNoHorizontalScroll(sellerPage);
    expect(await seriousA11yViolations(sellerPage)).toEqual([]);

    // Cần Thơ's staff, without JavaScript, decide for the buyer.
    const staff = await app.newContext({ javaScriptEnabled: false });
    const staffPage = await staff.newPage();
    await staffPage.goto(`${server.url}/login`);
    await staffPage.getByLabel("Số điện thoại hoặc email").fill("staff@demo.local");
    await staffPage.getByLabel("Mật khẩu").fill("demo-password");
    await staffPage.getByRole("button", { name: "Đăng nhập" }).click();
    await staffPage.goto(`${server.url}/staff/complaints`);
    const card = staffPage.locator("section[id^=complaint-]", { hasText: order.code });
    await card.getByLabel("Ghi chú, lý do").fill("Ảnh cho thấy hộp móp khi giao");
    await card.getByRole("button", { name: "Hoàn tiền cho người mua" }).click();
    await expect.poll(() => staffPage.locator("section[id^=complaint-]", { hasText: order.code }).count()).toBe(0);
    expect(row<{ status: string }>("SELECT status FROM complaints WHERE part_id = ?", order.partId).status).toBe("refunded");
    await expectNoHorizontalScroll(staffPage);
    await staff.close();

    // The producer sees what was withheld on the sale, and its offset once refunded.
    await sellerPage.goto(`${server.url}/seller/orders`);
    const withheld = sellerPage.locator("section[aria-labelledby=withheld-title]");
    await expect.poll(() => withheld.textContent()).toContain(order.code);
    expect(await withheld.textContent()).toContain("Bù trừ: hoàn tiền");
    await expectNoHorizontalScroll(sellerPage);
    await seller.close();

    // Central staff download the month's declaration.
    const central = await app.newContext();
    const centralPage = await central.newPage();
    await signInAs(centralPage, server.url, "admin@demo.local");
    await centralPage.goto(`${server.url}/staff/tax`);
    expect(await centralPage.locator("#declaration-due").textContent()).toContain("Hạn nộp tờ khai");
    expect(await seriousA11yViolations(centralPage)).toEqual([]);
    const [download] = await Promise.all([centralPage.waitForEvent("download"), centralPage.getByRole("link", { name: "Tải CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^to-khai-khau-tru-\d{4}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    let text = "";
    for await (const chunk of stream) text += chunk.toString();
    expect(text).toContain("Số định danh / Mã số thuế");
    expect(text).toContain("092080001234");
    await central.close();
  });
});

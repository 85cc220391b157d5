import { createHmac } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { cameraPhoto, cspRefusals, signInAs } from "../setup/browser";
import { useServerAndBrowser } from "../setup/e2e";

// One order's whole life, every role in its own phone browser with JavaScript on, only through the
// pages people use — except the bank, which speaks to the webhook as a bank would.

const BANK_SECRET = "e2e-journey-bank-secret";

// Unique to this test, with every kind of Vietnamese mark (tone marks, circumflex, breve, đ/Đ).
const PRODUCER_NAME = "Hộ sản xuất mắm Hùng Đạt";
const PRODUCT_NAME = "Mắm tôm chua Hùng Đạt hũ 500g";
const SEARCH_WITHOUT_MARKS = "mam tom chua hung dat";
const PRICE_VND = 65_000;
const QUANTITY = 2;
const CERTIFICATE_NO = "0615/QĐ-UBND-HĐ";
const TRACKING_NO = "VTP20260615HD";
const REVIEW_TEXT = "Mắm chua vừa, tôm đỏ au, đóng hũ kỹ. Sẽ mua lại!";

const app = useServerAndBrowser({ env: { BANK_WEBHOOK_SECRET: BANK_SECRET } });
let producer: BrowserContext;
let staff: BrowserContext;
let shopper: BrowserContext;
let producerPage: Page;
let staffPage: Page;
let shopperPage: Page;
let refusals: { producer: string[]; staff: string[]; shopper: string[] };

/** What the journey learns on the way and later steps need. */
const state = {
  dashboardUrl: "",
  before: { transactions: -1, revenue: -1 },
  productUrl: "",
  orderCode: "",
  orderTotal: 0,
};

const vietnamDate = (dayOffset = 0) => new Date(Date.now() + 7 * 3600_000 + dayOffset * 86_400_000).toISOString().slice(0, 10);
const todayInVietnam = () => vietnamDate();
/**
 * The dashboard's window, fixed once: yesterday to tomorrow, so the journey's order falls inside it
 * even if Vietnam's midnight passes during the test, and nothing else in this server's database moves.
 */
const dashboardWindow = { from: vietnamDate(-1), to: vietnamDate(1) };
const shownDate = (iso: string) => iso.split("-").reverse().join("/");
/** "1.234.567 ₫" or "1.234" as the page shows it → 1234567 or 1234. */
const digits = (text: string) => Number(text.replace(/\D/g, ""));

/** The dashboard's two sales tiles, as shown, for the fixed window in the staff's province. */
async function readDashboard(page: Page) {
  await page.getByText(`Cần Thơ, từ ${shownDate(dashboardWindow.from)} đến ${shownDate(dashboardWindow.to)}`).waitFor();
  const transactions = (await page.locator('[data-figure="transactions"]').textContent())!.replace(/\s+/g, " ").trim();
  const revenue = (await page.locator('[data-figure="revenue"]').textContent())!.replace(/\s+/g, " ").trim();
  expect(transactions).toMatch(/^\d{1,3}(\.\d{3})*$/);
  expect(revenue).toMatch(/^\d{1,3}(\.\d{3})* ₫$/);
  return { transactions: digits(transactions), revenue: digits(revenue) };
}

beforeAll(async () => {
  [producer, staff, shopper] = await Promise.all([app.newContext(), app.newContext(), app.newContext()]);
  [producerPage, staffPage, shopperPage] = await Promise.all([producer.newPage(), staff.newPage(), shopper.newPage()]);
  refusals = { producer: cspRefusals(producer), staff: cspRefusals(staff), shopper: cspRefusals(shopper) };
  // A step that cannot happen fails in seconds, not after Playwright's default 30.
  for (const context of [producer, staff, shopper]) context.setDefaultTimeout(10_000);
});

describe("one order's journey across every role, in the browser with JavaScript on", () => {
  it("0. provincial staff note the e-commerce figures of these days for their province before anything happens", async () => {
    const page = staffPage;
    await signInAs(page, app.server.url, "staff@demo.local");
    await page.goto(`${app.server.url}/staff`);
    await page.getByRole("link", { name: "Số liệu", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Số liệu thương mại điện tử" }).waitFor();
    await page.getByLabel("Từ ngày").fill(dashboardWindow.from);
    await page.getByLabel("Đến ngày").fill(dashboardWindow.to);
    await page.getByRole("button", { name: "Xem số liệu" }).click();
    await page.waitForURL(/from=\d{4}-\d\d-\d\d&to=/);
    state.dashboardUrl = page.url();
    state.before = await readDashboard(page);
  });

  it("1. a new producer signs up with an email, creates a profile in Cần Thơ and lists a product", async () => {
    const page = producerPage;
    await page.goto(app.server.url);
    await page.getByRole("link", { name: "Đăng nhập" }).click();
    await page.getByRole("link", { name: "Đăng ký" }).click();
    await page.getByRole("link", { name: "Dùng email thay cho số điện thoại" }).click();
    await page.getByLabel("Họ và tên").fill("Trần Hùng Đạt");
    await page.getByLabel("Email").fill("hungdat.mamtom@example.vn");
    await page.getByLabel("Mật khẩu").fill("mam-tom-chua-ngon");
    await page.getByLabel("Nhà sản xuất (hợp tác xã, hộ kinh doanh, doanh nghiệp)").check();
    await page.getByRole("button", { name: "Đăng ký" }).click();

    // Step one goes on by itself: where the business is.
    await page.getByLabel("Tên cơ sở sản xuất").fill(PRODUCER_NAME);
    await page.getByLabel("Hộ sản xuất kinh doanh").check();
    await page.getByLabel("Xã, phường của bạn").fill("My Xuyen, Can Tho");
    await page.getByLabel("Địa chỉ (thôn, ấp, số nhà, đường)").fill("Ấp Thới Hưng");
    await page.getByLabel("Số điện thoại liên hệ").fill("0939 615 615");
    await page.getByRole("button", { name: "Lưu và đăng sản phẩm" }).click();

    await page.getByText("Đã lưu hồ sơ. Giờ đăng sản phẩm đầu tiên của bạn.").waitFor();
    await page.getByLabel("Chụp ảnh sản phẩm").setInputFiles({ name: "IMG_0615.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });
    await page.getByLabel("Tên sản phẩm").fill(PRODUCT_NAME);
    await page.getByLabel("Giá mỗi đơn vị (đồng)").fill("65.000");
    await page.getByLabel("Đơn vị bán").fill("hũ");
    await page.getByLabel("Số lượng còn").fill("30");
    await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("food");
    await page.getByRole("button", { name: "Đăng bán" }).click();
    await page.getByText("Đã thêm sản phẩm.").waitFor();
    await page.getByRole("link", { name: new RegExp(PRODUCT_NAME) }).waitFor();
    // Not for sale until the province has verified the producer: a visitor's search does not find it yet.
    await page.getByText("Chờ hồ sơ được xác minh").first().waitFor();
    await shopperPage.goto(`${app.server.url}/products?q=${encodeURIComponent(SEARCH_WITHOUT_MARKS)}`);
    await shopperPage.getByRole("heading", { level: 1 }).waitFor();
    expect(await shopperPage.locator("main article", { hasText: PRODUCT_NAME }).count()).toBe(0);
  });

  it("2. provincial staff verify the producer and record a 4★ certificate for the product", async () => {
    const page = staffPage;
    await page.goto(`${app.server.url}/staff`);
    // The staff home counts the producers waiting, this one among them.
    await page.getByRole("link", { name: /^Xác minh nhà sản xuất \d+ đang chờ$/ }).click();
    await page.getByRole("link", { name: PRODUCER_NAME }).click();
    await page.getByText(PRODUCT_NAME).first().waitFor();
    await page.getByLabel("Duyệt: cho bán hàng").check();
    await page.getByRole("button", { name: "Ghi quyết định" }).click();
    await page.getByRole("heading", { level: 1, name: "Xác minh nhà sản xuất" }).waitFor();

    await page.goto(`${app.server.url}/staff/certificates`);
    await page.getByRole("link", { name: "Ghi nhận chứng nhận mới" }).click();
    await page.getByLabel("Nhà sản xuất").selectOption({ label: PRODUCER_NAME });
    await page.getByRole("button", { name: "Chọn", exact: true }).click();
    await page.getByLabel(PRODUCT_NAME).check();
    await page.getByLabel("4★").check();
    await page.getByLabel("Số quyết định / giấy chứng nhận").fill(CERTIFICATE_NO);
    await page.getByLabel("Ngày quyết định").fill(todayInVietnam());
    await page.getByRole("button", { name: "Ghi nhận", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(CERTIFICATE_NO) }).waitFor();
    await page.getByText("UBND thành phố Cần Thơ").waitFor();
    await page.getByText(PRODUCT_NAME).first().waitFor();
  });

  it("3. a signed-in shopper finds it typing without marks, sees 4★, checks out with VietQR", async () => {
    const page = shopperPage;
    await signInAs(page, app.server.url, "shopper@demo.local");
    await page.goto(app.server.url);
    const search = page.getByRole("combobox", { name: "Tìm sản phẩm" });
    await search.pressSequentially(SEARCH_WITHOUT_MARKS);
    // As you type: the suggestion is the product with all its marks.
    await page.getByRole("listbox", { name: "Gợi ý" }).getByRole("option", { name: PRODUCT_NAME }).waitFor();
    await search.press("Enter");
    await page.waitForURL(/\/products\?q=mam\+tom\+chua\+hung\+dat/);
    // Full results: the product comes first, with its OCOP badge.
    const first = page.locator("main article").first();
    await first.getByText(PRODUCT_NAME, { exact: true }).waitFor();
    await first.getByText("OCOP 4 sao").waitFor();
    await first.getByRole("link").click();

    await page.getByRole("heading", { level: 1, name: PRODUCT_NAME }).waitFor();
    state.productUrl = page.url();
    await page.getByText("OCOP 4 sao").first().waitFor();
    await page.getByText(CERTIFICATE_NO).first().waitFor();
    // Reached by a link, not goto: wait for the storefront's script (a module, run before "load"), or a
    // quick click posts the form as without JS and lands on the cart, which this step does not expect.
    await page.waitForLoadState("load");
    await page.getByLabel("Số lượng").fill(String(QUANTITY));
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    await page.getByText("Đã thêm vào giỏ.").waitFor();

    await page.getByRole("link", { name: /Giỏ hàng/ }).first().click();
    await page.getByRole("link", { name: PRODUCT_NAME }).waitFor();
    await page.getByRole("link", { name: "Đặt hàng" }).click();
    await page.getByLabel("Họ và tên người nhận").fill("Phạm Thị Thu Hà");
    await page.getByLabel("Số điện thoại").fill("0912 615 000");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Hà Nội" });
    const ward = page.getByLabel("Xã, phường, đặc khu");
    await expect.poll(() => ward.locator("option").count()).toBeGreaterThan(10);
    await ward.selectOption({ index: 1 });
    await page.getByLabel("Số nhà, đường, thôn, ấp").fill("25 ngõ Văn Chương");
    await page.getByLabel(/Chuyển khoản VietQR/).check();
    // Cần Thơ to Hà Nội is another region: 40.000 ₫ shipping on top of the goods.
    await page.getByText("130.000 ₫").first().waitFor();
    await page.getByText("170.000 ₫").first().waitFor();
    await page.getByRole("button", { name: "Đặt hàng" }).click();

    const heading = page.getByRole("heading", { level: 1, name: /^Đơn hàng OC/ });
    await heading.waitFor();
    state.orderCode = (await heading.textContent())!.replace("Đơn hàng ", "").trim();
    state.orderTotal = PRICE_VND * QUANTITY + 40_000;
    const transfer = page.getByRole("region", { name: "Thanh toán bằng chuyển khoản" });
    await transfer.getByRole("img", { name: "Mã VietQR để chuyển khoản" }).waitFor();
    // The transfer content is the order code; the amount is the total (each value is its dd's first child, a copy button follows).
    const shown = (term: string) => transfer.locator(`dt:text-is("${term}") + dd > :first-child`).textContent().then((t) => t?.replace(/\s+/g, " ").trim());
    expect(await shown("Nội dung chuyển khoản")).toBe(state.orderCode);
    expect(await shown("Số tiền")).toBe("170.000 ₫");
    await page.getByRole("status").filter({ hasText: /· chưa thanh toán$/ }).waitFor();
    // The QR the banking app reads is a real PNG.
    const png = await page.request.get(`${app.server.url}/orders/${state.orderCode}/vietqr.png`);
    expect(png.headers()["content-type"]).toBe("image/png");
  });

  it("4. the bank's signed notification pays it and the open order page notices by itself", async () => {
    const body = JSON.stringify({
      transactionId: `FT26${state.orderCode}`,
      amount: state.orderTotal,
      description: `MBVCB.615615 ${state.orderCode} thanh toan don hang`,
      accountNumber: "257678859",
      occurredAt: new Date().toISOString(),
    });
    const signature = createHmac("sha256", BANK_SECRET).update(body).digest("hex");
    const res = await fetch(`${app.server.url}/webhooks/bank-transfer`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Signature": `sha256=${signature}` },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "applied" });
    // No reload: the page polls the order's status and shows the payment when it lands.
    await shopperPage.getByRole("status").filter({ hasText: /· đã thanh toán$/ }).waitFor({ timeout: 20_000 });
    await shopperPage.locator('[aria-current="step"]', { hasText: "Đã thanh toán" }).waitFor();
  });

  it("5. the producer confirms, ships with carrier and tracking number, then marks it delivered", async () => {
    const page = producerPage;
    await page.goto(`${app.server.url}/seller`);
    // The seller home says a paid order is waiting.
    await page.getByRole("link", { name: "Đơn hàng cần giao 1 đơn mới đã thanh toán", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Đơn hàng cần giao" }).waitFor();
    const part = page.locator("section", { hasText: state.orderCode });
    await part.getByText(`${PRODUCT_NAME} × ${QUANTITY} hũ`).waitFor();
    await part.getByText("Giao cho Phạm Thị Thu Hà").waitFor();
    await part.getByRole("button", { name: "Xác nhận đơn" }).click();
    await part.getByText("Đã xác nhận", { exact: true }).waitFor();
    await part.getByLabel("Đơn vị vận chuyển").fill("Viettel Post");
    await part.getByLabel("Mã vận đơn").fill(TRACKING_NO);
    await part.getByRole("button", { name: "Đã gửi hàng" }).click();
    await part.getByText("Đang giao", { exact: true }).waitFor();
    await part.getByText(`Viettel Post, mã vận đơn ${TRACKING_NO}`).waitFor();
    await part.getByRole("button", { name: "Đã giao hàng" }).click();
    await part.getByText("Đã giao", { exact: true }).waitFor();
  });

  it("6. the shopper sees it delivered, reviews it, and the review shows on the product page", async () => {
    const page = shopperPage;
    await page.goto(app.server.url);
    await page.getByRole("link", { name: "Đơn hàng", exact: true }).click();
    const row = page.locator("li", { hasText: state.orderCode });
    await row.getByText("Đã giao xong").waitFor();
    await row.getByRole("link", { name: state.orderCode }).click();
    await page.locator('[aria-current="step"]', { hasText: "Đã giao" }).waitFor();
    await page.getByText(`Viettel Post, mã vận đơn ${TRACKING_NO}`).waitFor();

    await page.getByRole("group", { name: "Đánh giá sản phẩm" }).getByLabel("5★").check();
    await page.getByLabel("Nhận xét (không bắt buộc)").fill(REVIEW_TEXT);
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.getByText("Cảm ơn bạn đã đánh giá.").waitFor();

    await page.goto(state.productUrl);
    const reviews = page.locator("section", { has: page.getByRole("heading", { name: "Đánh giá của người mua" }) });
    const review = reviews.locator("li", { hasText: REVIEW_TEXT });
    await review.waitFor();
    await review.getByText("5 trên 5 sao").waitFor();
    await review.getByText("đã mua hàng").waitFor();
  });

  it("7. the staff dashboard counts the sale: one more transaction, revenue up by the goods", async () => {
    const page = staffPage;
    await page.goto(state.dashboardUrl);
    const after = await readDashboard(page);
    expect(after.transactions).toBe(state.before.transactions + 1);
    // Revenue is the goods sold (shipping is the carrier's, not the province's e-commerce turnover).
    expect(after.revenue).toBe(state.before.revenue + PRICE_VND * QUANTITY);
    // And all along, the Content-Security-Policy refused nothing any of them needed.
    expect(refusals).toEqual({ producer: [], staff: [], shopper: [] });
  });
});

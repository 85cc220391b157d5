import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cameraPhoto, cspRefusals, seriousA11yViolations, signInAs } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

const app = useServerAndBrowser();

describe("accounts in the browser", () => {
  it("signs up with a phone number and signs out, with JavaScript off", async () => {
    const context = await app.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole("link", { name: "Đăng nhập" }).click();
    await page.getByRole("link", { name: "Đăng ký" }).click();
    await page.getByLabel("Họ và tên").fill("Trần Văn Bình");
    await page.getByLabel("Số điện thoại").fill("0933 222 111");
    await page.getByLabel("Mật khẩu").fill("short");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    // The bad password comes back with its message; what was typed is kept.
    await page.getByText("Mật khẩu cần ít nhất 8 ký tự.").waitFor();
    expect(await page.getByLabel("Số điện thoại").inputValue()).toBe("0933 222 111");
    await page.getByLabel("Mật khẩu").fill("mat-khau-dai");
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.getByRole("link", { name: "Đăng nhập" }).waitFor();
    await context.close();
  });
});

/**
 * A person's hands on the page: every field filled, option chosen or photo taken is one input, and
 * every page the browser shows is one screen. Issue 12's budget: at most 8 inputs before the first
 * product is saved. The estimate of a person's time (not asserted: it is a model, not a stopwatch) is
 * reported with the counts: 1.5 characters a second on a phone keyboard, 4 s to find each field, 20 s
 * to frame and take the photo, 5 s to read each screen.
 */
function handsOn(page: Page) {
  const screens: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const path = new URL(frame.url()).pathname;
    if (screens.at(-1) !== path) screens.push(path);
  });
  let inputs = 0;
  let characters = 0;
  let photos = 0;
  return {
    async type(field: Locator, text: string) {
      inputs++;
      characters += text.length;
      await field.fill(text);
    },
    async photo(field: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
      inputs++;
      photos++;
      await field.setInputFiles(file);
    },
    report() {
      const seconds = Math.round(characters / 1.5 + inputs * 4 + photos * 20 + screens.length * 5);
      return { inputs, screens, characters, estimatedSeconds: seconds };
    },
  };
}

describe("a first product, alone, from the home page (issue 12's budget: 8 inputs)", () => {
  for (const javaScript of [false, true]) {
    it(`signs up from the home page, says where, lists a rice product with its photo, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const context = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(context);
      const page = await context.newPage();
      const hands = handsOn(page);
      await page.goto(app.server.url);
      await page.getByRole("link", { name: "Bắt đầu bán hàng" }).click();

      // Sign-up: name, phone (the numeric keyboard), password; "producer" is already chosen.
      expect(await page.getByLabel("Số điện thoại").getAttribute("type")).toBe("tel");
      await hands.type(page.getByLabel("Họ và tên"), "Thạch Thị Sen");
      await hands.type(page.getByLabel("Số điện thoại"), javaScript ? "0977 100 200" : "0977 100 300");
      await hands.type(page.getByLabel("Mật khẩu"), "sen-my-xuyen");
      await page.getByRole("button", { name: "Bắt đầu bán hàng" }).click();

      // Where the business is: the name and phone come from the account, a household by default,
      // and one field for the commune, typed without accents.
      await page.getByText("Bước 1 trong 2").waitFor();
      expect(await page.getByLabel("Tên cơ sở sản xuất").inputValue()).toBe("Thạch Thị Sen");
      if (javaScript) expect(await seriousA11yViolations(page), "profile form").toEqual([]);
      await hands.type(page.getByLabel("Xã, phường của bạn"), "my xuyen");
      // With JS the suggestion is tapped (the same input, finished); without, the server finds it.
      if (javaScript) await page.getByRole("button", { name: "Phường Mỹ Xuyên, Cần Thơ" }).click();
      await page.getByRole("button", { name: "Lưu và đăng sản phẩm" }).click();

      // The first product: photo first, then name, price ("120k"), stock; rice sells by the kg.
      await page.getByText("Đã lưu hồ sơ. Giờ đăng sản phẩm đầu tiên của bạn.").waitFor();
      await expectNoHorizontalScroll(page);
      await hands.photo(page.getByLabel("Chụp ảnh sản phẩm"), { name: "IMG_2001.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });
      if (javaScript) {
        // The photo just taken shows before sending, with a way to take it again.
        await page.getByRole("img", { name: "Ảnh vừa chụp" }).waitFor();
        await page.getByRole("button", { name: "Chụp lại" }).waitFor();
      }
      await hands.type(page.getByLabel("Tên sản phẩm"), "Gạo ST25 ruộng tôm");
      await hands.type(page.getByLabel("Giá mỗi đơn vị (đồng)"), "120k");
      await hands.type(page.getByLabel("Số lượng còn"), "50");
      if (javaScript) expect(await seriousA11yViolations(page), "product form").toEqual([]);
      await page.getByRole("button", { name: "Đăng bán" }).click();

      // Saved: a confirmation, and the product with its photo at the top of the list, waiting for staff.
      await page.getByText("Đã thêm sản phẩm.").waitFor();
      const item = page.locator("main li", { hasText: "Gạo ST25 ruộng tôm" });
      expect(await item.getByText("Chờ hồ sơ được xác minh").count()).toBe(1);
      expect(await item.getByText("120.000").count()).toBe(1);
      expect(await item.locator("img[src^='/media/products/']").count()).toBe(1);
      await expectNoHorizontalScroll(page);
      if (javaScript) expect(await seriousA11yViolations(page), "product list").toEqual([]);

      const report = hands.report();
      console.log(`first product, JS ${javaScript ? "on" : "off"}: ${JSON.stringify(report)}`);
      expect(report.inputs).toBeLessThanOrEqual(8);
      expect(report.screens).toEqual(["/", "/signup", "/seller/profile", "/seller/products/new", "/seller/products"]);
      const saved = app.server.db
        .prepare("SELECT p.status, p.unit, p.group_code, p.stock, pr.ward_code, pr.entity_type FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.name = ?")
        .all("Gạo ST25 ruộng tôm");
      expect(saved).toContainEqual({ status: "submitted", unit: "kg", group_code: "food", stock: 50, ward_code: "31684", entity_type: "household" });
      expect(refusals).toEqual([]);
      await context.close();
    });
  }
});

describe("a community helper in the browser", () => {
  it("redeems a producer's invite and adds a product for that producer, JavaScript off", async () => {
    const producer = await app.newContext({ javaScriptEnabled: false });
    const producerPage = await producer.newPage();
    await signInAs(producerPage, app.server.url, "producer@demo.local");
    await producerPage.goto(`${app.server.url}/seller/helpers`);
    await producerPage.getByRole("button", { name: "Tạo mã mời" }).click();
    const code = (await producerPage.locator("[role=status] strong").textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const helper = await app.newContext({ javaScriptEnabled: false });
    const page = await helper.newPage();
    await page.goto(`${app.server.url}/signup`);
    await page.getByRole("link", { name: "Dùng email thay cho số điện thoại" }).click();
    await page.getByLabel("Họ và tên").fill("Lý Minh Khoa");
    await page.getByLabel("Email").fill("khoa.tcns@example.vn");
    await page.getByLabel("Mật khẩu").fill("mat-khau-dai");
    await page.getByLabel("Thành viên tổ công nghệ số cộng đồng (giúp bà con bán hàng)").check();
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await page.getByLabel("Mã mời").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Nhận quyền hỗ trợ" }).click();
    await page.getByRole("button", { name: "Hỗ trợ cơ sở này" }).click();
    await page.getByText("Bạn đang làm việc thay cho").waitFor();
    await page.getByRole("link", { name: "Thêm sản phẩm" }).click();
    await page.getByLabel("Tên sản phẩm").fill("Gạo ST25 túi 2kg do tổ CNS đăng");
    await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("food");
    await page.getByLabel("Giá mỗi đơn vị (đồng)").fill("90000");
    await page.getByLabel("Đơn vị bán").fill("túi");
    await page.getByLabel("Số lượng còn").fill("20");
    // Nothing goes on sale without a photo: the form says so by the field.
    await page.getByRole("button", { name: "Đăng bán" }).click();
    await page.getByText("Cần ít nhất một ảnh để đăng bán").waitFor();
    await page.getByLabel("Chụp ảnh sản phẩm").setInputFiles({ name: "IMG_3001.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });
    await page.getByRole("button", { name: "Đăng bán" }).click();
    await page.getByText("Đã thêm sản phẩm.").waitFor();
    await page.locator("main li", { hasText: "Gạo ST25 túi 2kg do tổ CNS đăng" }).waitFor();

    // The producer sees who did it.
    await producerPage.goto(`${app.server.url}/seller`);
    expect(await producerPage.locator("#history + ul").textContent()).toContain("Lý Minh Khoa: Thêm sản phẩm");
    await producer.close();
    await helper.close();
  });
});

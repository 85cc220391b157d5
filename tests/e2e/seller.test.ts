import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraPhoto, cspRefusals, launchChromium, PHONE, seriousA11yViolations, signInAs } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("accounts in the browser", () => {
  it("signs up with a phone number and signs out, with JavaScript off", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
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

describe("producer onboarding in the browser", () => {
  for (const javaScript of [false, true]) {
    it(`signs up as a producer and sends the profile for verification, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      const context = await browser.newContext({ ...PHONE, javaScriptEnabled: javaScript });
      const refusals = cspRefusals(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/signup`);
      await page.getByLabel("Họ và tên").fill("Thạch Thị Sen");
      await page.getByLabel("Số điện thoại").fill(javaScript ? "0977 100 200" : "0977 100 300");
      await page.getByLabel("Mật khẩu").fill("mat-khau-dai");
      await page.getByLabel("Nhà sản xuất (hợp tác xã, hộ kinh doanh, doanh nghiệp)").check();
      await page.getByRole("button", { name: "Đăng ký" }).click();
      await page.getByRole("link", { name: "Tạo hồ sơ nhà sản xuất" }).click();
      await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Cần Thơ" });
      // Without JS the shopper asks for the list; with JS it follows the choice by itself.
      if (!javaScript) await page.getByRole("button", { name: "Hiện danh sách xã, phường" }).click();
      const ward = page.getByLabel("Xã, phường, đặc khu");
      await ward.waitFor();
      // axe runs as a script, so only in the JavaScript-on pass.
      if (javaScript) expect(await seriousA11yViolations(page), "profile form").toEqual([]);
      await ward.selectOption({ index: 1 });
      await page.getByLabel("Địa chỉ (thôn, ấp, số nhà, đường)").fill("Ấp Phú Mỹ");
      await page.getByLabel("Tên cơ sở sản xuất").fill(`Tổ hợp tác Sen ${javaScript ? "A" : "B"}`);
      await page.getByLabel("Tổ hợp tác").check();
      await page.getByLabel("Số điện thoại liên hệ").fill("0977100200");
      await page.getByRole("button", { name: "Lưu hồ sơ" }).click();
      await page.getByText("Đang chờ cán bộ tỉnh xác minh").waitFor();
      await expectNoHorizontalScroll(page);
      if (javaScript) expect(await seriousA11yViolations(page), "seller home").toEqual([]);

      // Then a product, with a photo as the phone's camera would give it.
      await page.getByRole("link", { name: "Sản phẩm của bạn" }).click();
      await page.getByRole("link", { name: "Thêm sản phẩm" }).click();
      await page.getByLabel("Tên sản phẩm").fill("Trà sen Tháp Mười");
      await page.getByLabel("Nhóm sản phẩm OCOP").selectOption("beverage");
      await page.getByLabel("Giá mỗi đơn vị (đồng)").fill("120.000");
      await page.getByLabel("Đơn vị bán").fill("hộp");
      await page.getByLabel("Số lượng còn").fill("25");
      await page.getByLabel("Ảnh sản phẩm").setInputFiles({ name: "IMG_2001.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });
      if (javaScript) expect(await seriousA11yViolations(page), "product form").toEqual([]);
      await page.getByRole("button", { name: "Đăng bán" }).click();
      await page.getByRole("heading", { level: 1, name: "Trà sen Tháp Mười" }).waitFor();
      expect(await page.getByText("Chờ hồ sơ được xác minh").count()).toBe(1);
      expect(await page.locator("img[src^='/media/products/']").count()).toBe(1);
      expect(refusals).toEqual([]);
      await context.close();
    });
  }
});

describe("a community helper in the browser", () => {
  it("redeems a producer's invite and adds a product for that producer, JavaScript off", async () => {
    const producer = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const producerPage = await producer.newPage();
    await signInAs(producerPage, server.url, "producer@demo.local");
    await producerPage.goto(`${server.url}/seller/helpers`);
    await producerPage.getByRole("button", { name: "Tạo mã mời" }).click();
    const code = (await producerPage.locator("[role=status] strong").textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const helper = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await helper.newPage();
    await page.goto(`${server.url}/signup`);
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
    await page.getByRole("button", { name: "Đăng bán" }).click();
    await page.getByRole("heading", { level: 1, name: "Gạo ST25 túi 2kg do tổ CNS đăng" }).waitFor();

    // The producer sees who did it.
    await producerPage.goto(`${server.url}/seller`);
    expect(await producerPage.locator("#history + ul").textContent()).toContain("Lý Minh Khoa: Thêm sản phẩm");
    await producer.close();
    await helper.close();
  });
});

import { launchChromium, PHONE } from "./tests/setup/browser";
const origin = "http://127.0.0.1:3791";
const browser = await launchChromium();
for (const [name, options] of [["phone", PHONE], ["phone-nojs", { ...PHONE, javaScriptEnabled: false }]] as const) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(origin + "/products/gao-st25-ong-cua");
  await page.locator("#san-pham h1").scrollIntoViewIfNeeded();
  const box = await page.locator("fieldset").first().boundingBox();
  await page.screenshot({ path: "/tmp/v1/" + name + "-product.png", fullPage: true, clip: { x: 0, y: (box?.y ?? 0) - 200, width: 360, height: 700 } });
  const res = await fetch(origin + "/login", { method: "POST", body: new URLSearchParams({ login: "producer@demo.local", password: "demo-password" }), redirect: "manual" });
  const [pair] = res.headers.getSetCookie()[0]!.split(";");
  const [cname, cvalue] = pair!.split("=");
  await context.addCookies([{ name: cname!, value: cvalue!, url: origin }]);
  await page.goto(origin + "/seller/products/91/sizes");
  await page.screenshot({ path: "/tmp/v1/" + name + "-sizes.png", fullPage: true });
  await context.close();
}
await browser.close();

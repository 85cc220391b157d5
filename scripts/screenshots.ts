/**
 * npm run screenshots -- [origin] — full-page PNGs of the storefront at phone and desktop width,
 * with JavaScript on and off, into ./screenshots, for people to look at. Start the server first.
 */
import { mkdirSync } from "node:fs";
import { launchChromium, PHONE } from "../tests/setup/browser";

const origin = process.argv[2] ?? "http://localhost:3000";
const paths = (process.argv[3] ?? "/,/products,/products?q=nuoc+mam").split(",");
mkdirSync("screenshots", { recursive: true });

const browser = await launchChromium();
for (const [name, options] of [
  ["phone", PHONE],
  ["phone-nojs", { ...PHONE, javaScriptEnabled: false }],
  ["desktop", { viewport: { width: 1280, height: 900 } }],
] as const) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(origin + path, { waitUntil: "networkidle" });
    const file = `screenshots/${name}${path.replace(/[^a-z0-9]+/gi, "_")}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await browser.close();

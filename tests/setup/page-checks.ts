import type { Page } from "playwright-core";
import { expect } from "vitest";
import { PHONE } from "./browser";

/** Nothing wider than the phone's screen: a mobile browser would otherwise zoom the whole page out. */
export async function expectNoHorizontalScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.viewport!.width);
}

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspRefusals, seriousA11yViolations, signInAs } from "../setup/browser";
import { useServerAndBrowser } from "../setup/e2e";
import { vi } from "~/i18n/vi";
import { viMore } from "~/i18n/vi-more";

/**
 * axe-core on every kind of page, on a phone, as the person who can open it: no serious or critical
 * violation anywhere, and nothing the page needs refused by its Content-Security-Policy. One browser
 * and one context per role, signed in once (login is rate-limited).
 */

const app = useServerAndBrowser();
const contexts: BrowserContext[] = [];
const pages = {} as Record<"guest" | "shopper" | "producer" | "staff" | "admin", Page>;
const refusals = new Map<Page, string[]>();
let product: { slug: string; name: string };
let producerSlug: string;
/** A live product with an OCOP badge, and its producer; and a rice product (a photo and text of their own). */
let badged: { slug: string; producer: string };
let riceSlug: string;

beforeAll(async () => {
  product = app.server.db
    .prepare(
      `SELECT p.slug, p.name FROM products p JOIN certificate_products cp ON cp.product_id = p.id
        WHERE p.status = 'live' AND p.producer_verified = 1 AND p.stock >= 10 ORDER BY p.id LIMIT 1`,
    )
    .get() as { slug: string; name: string };
  producerSlug = (
    app.server.db.prepare("SELECT slug FROM producers WHERE verification_status = 'approved' ORDER BY id LIMIT 1").get() as { slug: string }
  ).slug;
  badged = app.server.db
    .prepare(
      `SELECT p.slug, pr.slug AS producer FROM products p JOIN producers pr ON pr.id = p.producer_id
       WHERE p.status = 'live' AND p.producer_verified = 1 AND p.badge_stars IS NOT NULL LIMIT 1`,
    )
    .get() as { slug: string; producer: string };
  riceSlug = (app.server.db.prepare("SELECT slug FROM products WHERE name LIKE 'Gạo ST25%' AND status = 'live' LIMIT 1").get() as { slug: string }).slug;
  const logins = { shopper: "shopper@demo.local", producer: "producer@demo.local", staff: "staff@demo.local", admin: "admin@demo.local" } as const;
  await Promise.all(
    (["guest", "shopper", "producer", "staff", "admin"] as const).map(async (role) => {
      const context = await app.newContext();
      contexts.push(context);
      const page = await context.newPage();
      refusals.set(page, cspRefusals(context));
      if (role !== "guest") await signInAs(page, app.server.url, logins[role]);
      pages[role] = page;
    }),
  );
});
afterAll(async () => {
  for (const context of contexts) await context.close();
});

// A message key shown as itself means the page's routes did not bring its messages (translate.ts).
const messageKeys = [...Object.keys(vi), ...Object.keys(viMore)].map((key) => ({
  key,
  shown: new RegExp(`(^|[^\\w.])${key.replaceAll(".", "\\.")}($|[^\\w.])`),
}));

/**
 * No serious or critical axe violation on the page as it is now, no CSP refusal since the last check,
 * and no message key shown untranslated.
 */
async function expectAccessible(page: Page, name: string) {
  const text = await page.locator("body").innerText();
  expect(messageKeys.filter(({ shown }) => shown.test(text)).map(({ key }) => key), `${name}: message keys shown as they are`).toEqual([]);
  expect(await seriousA11yViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
  expect(refusals.get(page)!.splice(0), `${name}: Content-Security-Policy refusals`).toEqual([]);
}

/** Opens a page (expecting `status`), waits for its main heading and checks it. */
async function expectAccessibleAt(page: Page, path: string, status = 200) {
  const response = await page.goto(app.server.url + path);
  expect(response?.status(), `GET ${path}`).toBe(status);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await expectAccessible(page, path);
}

/** The first link on the current page whose path matches, e.g. one certificate in the list. */
async function firstLinkMatching(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeDefined();
  return href!;
}

describe("storefront, as a guest", () => {
  const cases: [string, () => string, number?][] = [
    ["home", () => "/"],
    ["catalog", () => "/products"],
    ["catalog with filters", () => "/products?group=food&stars=4&sort=price_asc&inStock=1"],
    ["search", () => "/products?q=nuoc+mam"],
    ["search with a stars filter", () => "/products?q=tra&stars=4"],
    ["product page", () => `/products/${product.slug}`],
    ["product label", () => `/products/${product.slug}/label`],
    ["producer page", () => `/producers/${producerSlug}`],
    // The pages e2e/storefront checked with axe before, beside the ones above: one place for them all.
    ["product page with an OCOP badge", () => `/products/${badged.slug}`],
    ["label of a product with an OCOP badge", () => `/products/${badged.slug}/label`],
    ["producer page of a product with an OCOP badge", () => `/producers/${badged.producer}`],
    ["rice product page", () => `/products/${riceSlug}`],
    ["sign-in page", () => "/login"],
    ["sign-up page", () => "/signup"],
    ["404 page", () => "/khong-co-trang-nay", 404],
    ["unknown product (404)", () => "/products/khong-co-san-pham-nay", 404],
  ];
  for (const [name, path, status] of cases) {
    it(name, async () => {
      await expectAccessibleAt(pages.guest, path(), status);
    });
  }

  it("cart with an item, checkout, and the order page of a guest's order", async () => {
    const page = pages.guest;
    await page.goto(`${app.server.url}/products/${product.slug}`);
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    await page.getByText("Đã thêm vào giỏ.").waitFor();

    await expectAccessibleAt(page, "/cart");
    await page.getByRole("link", { name: product.name }).waitFor();

    await expectAccessibleAt(page, "/checkout");
    await page.getByLabel("Họ và tên người nhận").fill("Đỗ Thị Hoa");
    await page.getByLabel("Số điện thoại").fill("0912 345 678");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Cần Thơ" });
    const ward = page.getByLabel("Xã, phường, đặc khu");
    await expect.poll(() => ward.locator("option").count()).toBeGreaterThan(10);
    await ward.selectOption({ index: 1 });
    await page.getByLabel("Số nhà, đường, thôn, ấp").fill("5 đường Mậu Thân");
    await page.getByText("Phí vận chuyển").first().waitFor();
    await expectAccessible(page, "checkout, filled in");

    await page.getByRole("button", { name: "Đặt hàng" }).click();
    await page.getByRole("heading", { level: 1, name: /^Đơn hàng OC/ }).waitFor();
    await page.getByRole("img", { name: "Mã VietQR để chuyển khoản" }).waitFor();
    await expectAccessible(page, "order page");
  });

  it("checkout form answering bad input with messages by the fields", async () => {
    const page = pages.guest;
    // The cart was emptied by the order above: put the product back so the form is shown.
    await page.goto(`${app.server.url}/products/${product.slug}`);
    await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
    await page.getByText("Đã thêm vào giỏ.").waitFor();
    await page.goto(`${app.server.url}/checkout`);
    await page.getByLabel("Số điện thoại").fill("12");
    await page.getByRole("button", { name: "Đặt hàng" }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await expectAccessible(page, "checkout with errors");
  });

  it("a page in English", async () => {
    const page = pages.guest;
    await page.goto(`${app.server.url}/products/${product.slug}`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Add to cart" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expectAccessible(page, "product page in English");
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("button", { name: "Thêm vào giỏ" }).waitFor();
  });
});

describe("a signed-in shopper", () => {
  it("orders list", async () => {
    await expectAccessibleAt(pages.shopper, "/orders");
  });

  it("a product page with answered questions, the form to ask and its error by the field", async () => {
    // The seed's questions are on the demo cooperative's first product (scripts/seed/demo-questions.server.ts).
    const { slug } = app.server.db
      .prepare("SELECT p.slug FROM product_questions q JOIN products p ON p.id = q.product_id WHERE q.answered_at IS NOT NULL ORDER BY q.id LIMIT 1")
      .get() as { slug: string };
    const page = pages.shopper;
    await expectAccessibleAt(page, `/products/${slug}`);
    await page.locator("[data-question] summary").first().click();
    await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
    await page.getByText("Hãy viết câu hỏi.").waitFor();
    await expectAccessible(page, "product page, question sent empty");
  });
});

describe("the producer's portal", () => {
  for (const path of ["/seller", "/seller/profile", "/seller/payout-account", "/seller/products", "/seller/products/new", "/seller/import", "/seller/media", "/seller/orders", "/seller/helpers", "/seller/questions", "/seller/stall", "/seller/stall/sales"]) {
    it(path, async () => {
      await expectAccessibleAt(pages.producer, path);
    });
  }

  it("/seller/products/:id (edit)", async () => {
    const page = pages.producer;
    await page.goto(`${app.server.url}/seller/products`);
    const edit = await firstLinkMatching(page, /^\/seller\/products\/\d+$/);
    await expectAccessibleAt(page, edit);
  });
});

describe("the staff console, as provincial staff", () => {
  for (const path of ["/staff", "/staff/producers", "/staff/certificates", "/staff/certificates/new", "/staff/collections", "/staff/moderation", "/staff/questions", "/staff/payments", "/staff/payouts", "/staff/audit", "/staff/dashboard"]) {
    it(path, async () => {
      await expectAccessibleAt(pages.staff, path);
    });
  }

  for (const [list, one] of [
    ["/staff/producers", /^\/staff\/producers\/\d+$/],
    ["/staff/certificates", /^\/staff\/certificates\/\d+$/],
  ] as const) {
    it(`one of ${list}`, async () => {
      const page = pages.staff;
      await page.goto(app.server.url + list);
      const href = await firstLinkMatching(page, one);
      await expectAccessibleAt(page, href);
    });
  }
});

describe("the staff console, as central staff", () => {
  // The demo collections are central staff's: provincial staff neither list nor open them.
  it("/staff/collections and one collection", async () => {
    const page = pages.admin;
    await expectAccessibleAt(page, "/staff/collections");
    const href = await firstLinkMatching(page, /^\/staff\/collections\/\d+$/);
    await expectAccessibleAt(page, href);
  });

  it("/staff/dashboard over every province", async () => {
    await expectAccessibleAt(pages.admin, "/staff/dashboard");
  });
});

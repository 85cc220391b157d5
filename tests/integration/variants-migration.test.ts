import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BEFORE_SIZES_ORDER, databaseBeforeSizes } from "../setup/before-sizes";
import { getPage } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

/**
 * The real server started on a database from before product sizes: it migrates at start (0016, ADR
 * 0020 and what follows) and serves what was there as before, over HTTP.
 */
let server: TestServer;
let before: { products: unknown[]; orderItems: unknown[]; reviews: unknown[] };
beforeAll(async () => {
  const old = databaseBeforeSizes();
  before = {
    products: old.prepare("SELECT id, slug, name, price_vnd, stock, weight_grams, status FROM products ORDER BY id").all(),
    orderItems: old.prepare("SELECT id, order_id, product_id, product_name, unit_price_vnd, quantity, line_total_vnd FROM order_items ORDER BY id").all(),
    reviews: old.prepare("SELECT * FROM reviews ORDER BY id").all(),
  };
  const databasePath = old.name;
  old.close();
  server = await startServer({}, { databasePath });
});
afterAll(() => server.stop());

describe("a marketplace from before sizes, after the upgrade", () => {
  it("keeps every product, order line and review, each product now in one unnamed size", () => {
    expect(server.db.prepare("SELECT id, slug, name, price_vnd, stock, weight_grams, status FROM products ORDER BY id").all()).toEqual(before.products);
    expect(server.db.prepare("SELECT id, order_id, product_id, product_name, unit_price_vnd, quantity, line_total_vnd FROM order_items ORDER BY id").all()).toEqual(
      before.orderItems,
    );
    expect(server.db.prepare("SELECT * FROM reviews ORDER BY id").all()).toEqual(before.reviews);
    expect(server.db.prepare("SELECT count(*) AS n FROM order_items WHERE variant_id IS NULL").get()).toEqual({ n: 0 });
    expect(server.db.prepare("SELECT product_id, label FROM product_variants ORDER BY product_id").all()).toEqual([
      { product_id: 1, label: "" },
      { product_id: 2, label: "" },
      { product_id: 3, label: "" },
    ]);
  });

  it("shows an old product as before: its price, no size to choose, and its review", async () => {
    const page = await getPage(`${server.url}/products/san-pham-1`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("185.000");
    expect(page.doc.querySelectorAll("input[type=radio][name=variantId]")).toHaveLength(0);
    expect(page.text).toContain("Gạo thơm, dẻo.");
  });

  it("follows the old order on its status link, and takes the old cart form by productId", async () => {
    const status = await fetch(`${server.url}/orders/${BEFORE_SIZES_ORDER.code}/status?token=${BEFORE_SIZES_ORDER.token}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ code: BEFORE_SIZES_ORDER.code, total: 480_000, parts: [{ producer: "HTX Ông Cua", total: 480_000 }] });
    const added = await fetch(`${server.url}/cart`, { method: "POST", body: new URLSearchParams({ intent: "add", productId: "3", quantity: "2" }), redirect: "manual" });
    expect(added.status).toBe(303);
  });
});

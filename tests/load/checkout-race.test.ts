import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const BUYERS = 200;
const UNITS = 50;

describe("200 buyers racing for 50 units of one size", () => {
  it("sells exactly 50, never takes stock below zero, leaves the other sizes alone and answers no 5xx", async () => {
    // The demo's rice comes in three sizes; the race is for its 5 kg bag (ADR 0020: stock is per size).
    const size = server.db
      .prepare(
        `SELECT v.id, v.product_id AS productId FROM product_variants v JOIN products p ON p.id = v.product_id
         WHERE p.slug = 'gao-st25-ong-cua' AND v.label = 'Túi 5 kg'`,
      )
      .get() as { id: number; productId: number };
    const otherSizes = () =>
      server.db.prepare("SELECT id, stock FROM product_variants WHERE product_id = ? AND id <> ? ORDER BY id").all(size.productId, size.id) as {
        id: number;
        stock: number;
      }[];
    const othersBefore = otherSizes();
    expect(othersBefore.length).toBeGreaterThan(0);
    // The demo's own orders of this size came before the race.
    const soldBefore = server.db
      .prepare("SELECT count(DISTINCT order_id) AS orders, coalesce(sum(quantity), 0) AS units FROM order_items WHERE variant_id = ?")
      .get(size.id) as { orders: number; units: number };
    const writable = new Database(server.databasePath);
    writable.prepare("UPDATE product_variants SET stock = ? WHERE id = ?").run(UNITS, size.id);
    writable.close();
    const wardCode = (server.db.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string }).code;

    // Every buyer puts one unit in their own cart first (all fit: the stock is 50, each asks for 1).
    const carts = await Promise.all(
      Array.from({ length: BUYERS }, async () => {
        const res = await fetch(`${server.url}/cart`, {
          method: "POST",
          body: new URLSearchParams({ intent: "add", variantId: String(size.id), quantity: "1" }),
          redirect: "manual",
        });
        expect(res.status).toBe(303);
        return res.headers.get("set-cookie")!.split(";")[0]!;
      }),
    );

    const answers = await Promise.all(
      carts.map((cookie, i) =>
        fetch(`${server.url}/checkout`, {
          method: "POST",
          headers: { cookie },
          body: new URLSearchParams({
            fullName: `Người mua ${i}`,
            // 200 buyers, 200 phones (one number may hold only 3 unpaid orders).
            phone: `09${String(i).padStart(8, "0")}`,
            provinceCode: "92",
            wardCode,
            addressLine: "12 đường 3/2",
            paymentMethod: "vietqr",
          }),
          redirect: "manual",
        }).then((res) => res.status),
      ),
    );

    const count = (status: number) => answers.filter((s) => s === status).length;
    expect(answers.filter((s) => s >= 500)).toEqual([]);
    expect(count(303)).toBe(UNITS);
    expect(count(409)).toBe(BUYERS - UNITS);
    const stock = server.db.prepare("SELECT stock FROM product_variants WHERE id = ?").get(size.id) as { stock: number };
    expect(stock.stock).toBe(0);
    expect(otherSizes()).toEqual(othersBefore);
    // The product's own stock is the sum of its sizes: the other sizes' units, nothing of the raced bag.
    const productStock = server.db.prepare("SELECT stock FROM products WHERE id = ?").get(size.productId) as { stock: number };
    expect(productStock.stock).toBe(othersBefore.reduce((sum, other) => sum + other.stock, 0));
    const sold = server.db
      .prepare("SELECT count(DISTINCT order_id) AS orders, sum(quantity) AS units FROM order_items WHERE variant_id = ?")
      .get(size.id) as { orders: number; units: number };
    expect(sold).toEqual({ orders: soldBefore.orders + UNITS, units: soldBefore.units + UNITS });
  });
});

import { onFreshConnection } from "../setup/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

/**
 * Two worker processes on one database file (issue 14, ADR 0021): what they share is shared, writes
 * from both wait their turn, and the periodic jobs run in one of them.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: "2" });
});
afterAll(() => server.stop());

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;

/** A form posted on a connection of its own, so requests sent together are spread over both workers. */
async function freshPost(path: string, form: Record<string, string>, cookie = ""): Promise<{ status: number; cookie: string }> {
  const res = await onFreshConnection(`${server.url}${path}`, { form, headers: cookie ? { Cookie: cookie } : {} });
  const cookies = [res.headers["set-cookie"] ?? []].flat().map((line) => line.split(";")[0]!).join("; ");
  return { status: res.status, cookie: cookies };
}

async function pidsAnswering(): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < 6; i++) pids.add((JSON.parse((await onFreshConnection(`${server.url}/healthz`)).body) as { pid: number }).pid);
  return pids;
}

describe("two workers on one database file", () => {
  it("answer requests in turn, and run the periodic jobs in one of them only", async () => {
    const pids = await pidsAnswering();
    expect(pids.size).toBe(2);
    expect(pids.has(server.pid)).toBe(false);
    const leaders = [...server.output().matchAll(/Periodic upkeep runs in process (\d+)/g)].map((m) => Number(m[1]));
    expect(leaders).toHaveLength(1);
    expect(pids).toContain(leaders[0]);
    expect(row<{ holder: string }>("SELECT holder FROM leases WHERE name = 'upkeep'").holder).toContain(`:${leaders[0]}:`);
  });

  it("place forty checkouts sent at once from both workers, each a whole order, and never answer 500", async () => {
    const product = row<{ id: number; variant_id: number; stock: number }>(
      `SELECT p.id, v.id AS variant_id, v.stock FROM products p JOIN product_variants v ON v.product_id = p.id
       WHERE p.status = 'live' AND p.producer_verified = 1 AND v.stock >= 40 AND ${soldInOneSize("p")} ORDER BY p.id LIMIT 1`,
    );
    const ordersBefore = row<{ n: number }>("SELECT count(*) AS n FROM orders").n;
    const carts = await Promise.all(Array.from({ length: 40 }, () => freshPost("/cart", { intent: "add", productId: String(product.id), quantity: "1" })));
    expect(carts.map((c) => c.status)).toEqual(Array(40).fill(303));
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    const placed = await Promise.all(
      carts.map((cart, i) =>
        freshPost(
          "/checkout",
          { fullName: "Người mua song song", phone: `0917${String(i).padStart(6, "0")}`, provinceCode: "92", wardCode: ward, addressLine: "1 Lê Lợi", paymentMethod: "vietqr" },
          cart.cookie,
        ),
      ),
    );
    expect(placed.map((p) => p.status)).toEqual(Array(40).fill(303));
    expect(row<{ n: number }>("SELECT count(*) AS n FROM orders").n).toBe(ordersBefore + 40);
    expect(row<{ stock: number }>("SELECT stock FROM product_variants WHERE id = ?", product.variant_id).stock).toBe(product.stock - 40);
  });

  it("count sign-in attempts together: a second worker is not a second allowance", async () => {
    // Ten tries per login and address in 15 minutes (auth-limits.server.ts), whichever worker takes them.
    const attempts = await Promise.all(Array.from({ length: 14 }, () => freshPost("/login", { login: "shopper@demo.local", password: "mat-khau-sai" })));
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    const counted = row<{ count: number }>("SELECT count FROM rate_limits WHERE name = 'login.account' AND key LIKE '%shopper@demo.local'");
    expect(counted.count).toBe(14);
  });
});

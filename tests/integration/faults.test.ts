/**
 * Faults (issue 6): the real server is SIGKILLed in the middle of a checkout load and restarted on the
 * same database file and port; a bank notification sent while it is down is retried by the bank until
 * it lands, and applied once; `npm run db:backup` copies the live database while orders keep coming,
 * and the copy serves as a restored marketplace. Everything asserted is what the database holds or
 * what a buyer (or the bank) gets over HTTP.
 */
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as backoff } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";
import { nextBuyerPhone } from "../setup/buyers";

const BANK_SECRET = "bank-secret-for-fault-tests";
const PLATFORM_ACCOUNT = "257678859";
const ENV = { BANK_WEBHOOK_SECRET: BANK_SECRET, VIETQR_ACCOUNT_NO: PLATFORM_ACCOUNT };
/** Concurrent guests; the checkout of the load inside which the server dies; the one after whose commit it dies. */
const GUESTS = 24;
const CRASH_IN_ORDER = 61;
const CRASH_AFTER_ORDER = 20;
const STOCK = 5_000;

let server: TestServer;
/** Servers started on restored copies, stopped (and their files deleted) at the end. */
const restored: TestServer[] = [];
let wardCode: string;
/** Products the guests buy: two from each of three producers, so orders have one to three parts. */
let pool: { id: number; producerId: number }[];
/** Orders placed before this test's load, which the checks below leave out. */
let baselineOrderId: number;

beforeAll(async () => {
  // Checkout 1 is the order the bank pays; then come the load's, and the server dies inside its 61st.
  server = await startServer(ENV, { crash: { checkout: 1 + CRASH_IN_ORDER, moment: "before-commit" } });
  wardCode = (server.db.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string }).code;
  const onSale = server.db
    .prepare(`SELECT id, producer_id AS producerId FROM products WHERE status = 'live' AND producer_verified = 1 AND ${soldInOneSize()} ORDER BY producer_id, id`)
    .all() as { id: number; producerId: number }[];
  // Three producers with two such products each: the load's carts span producers and products.
  const producers = [...new Set(onSale.map((p) => p.producerId))].filter((id) => onSale.filter((p) => p.producerId === id).length >= 2).slice(0, 3);
  expect(producers).toHaveLength(3);
  pool = producers.flatMap((producerId) => onSale.filter((p) => p.producerId === producerId).slice(0, 2));
  const writer = new Database(server.databasePath);
  // Stock is the size's (ADR 0020); each of these products is sold in one.
  const setStock = writer.prepare("UPDATE product_variants SET stock = ? WHERE product_id = ?");
  for (const product of pool) setStock.run(STOCK, product.id);
  writer.close();
  baselineOrderId = (server.db.prepare("SELECT coalesce(max(id), 0) AS id FROM orders").get() as { id: number }).id;
});

afterAll(async () => {
  for (const s of restored) await s.stop();
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// A crowd of guests checking out

interface Attempt {
  fullName: string;
  /** The guest's cart cookie (`ocop_cart=…`). */
  cookie: string;
}
interface Acknowledged extends Attempt {
  code: string;
  token: string;
}

class CheckoutLoad {
  /** Checkouts the server answered with the order's page (303): it promised these orders exist. */
  readonly acknowledged: Acknowledged[] = [];
  /** Checkouts posted whose answer never came, because the connection died. */
  readonly lost: Attempt[] = [];
  /** Answers other than 303 to a cart or checkout post while the server was up. */
  readonly unexpected: string[] = [];
  stopped = false;
  done: Promise<void> = Promise.resolve();
}

const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("ocop_cart="))!.split(";")[0]!;

function post(url: string, fields: Record<string, string>, cookie: string) {
  return fetch(url, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
}

/** What guest `w` buys on its `n`-th round: one to three products of the pool, one to three of each. */
function linesFor(w: number, n: number): { productId: number; quantity: number }[] {
  const count = 1 + ((w + n) % 3);
  return Array.from({ length: count }, (_, k) => ({ productId: pool[(w + n + k * 2) % pool.length]!.id, quantity: 1 + ((w * 7 + n + k) % 3) }));
}

/**
 * Starts `GUESTS` guests, each filling a cart and checking out again and again, as browsers without
 * JavaScript would, until `load.stopped` is set or the server goes away. `onOrder` runs as soon as
 * the server confirms an order, before any other answer is handled.
 */
function startLoad(url: string, label: string, onOrder: (load: CheckoutLoad) => void = () => {}): CheckoutLoad {
  const load = new CheckoutLoad();
  const guest = async (w: number) => {
    for (let n = 0; !load.stopped; n++) {
      let cookie = "";
      try {
        for (const line of linesFor(w, n)) {
          const res = await post(`${url}/cart`, { intent: "add", productId: String(line.productId), quantity: String(line.quantity) }, cookie);
          await res.body?.cancel();
          if (res.status !== 303) {
            load.unexpected.push(`cart ${res.status}`);
            return;
          }
          cookie ||= cookieOf(res);
        }
      } catch {
        return; // the server went away while this guest was filling a cart
      }
      if (load.stopped) return;
      const fullName = `Khách ${label}-${w}-${n}`;
      const fields = {
        fullName,
        phone: nextBuyerPhone(),
        provinceCode: "92",
        wardCode,
        addressLine: "12 Đường 30 Tháng 4, Ninh Kiều",
        paymentMethod: "vietqr",
      };
      let res: Response;
      try {
        res = await post(`${url}/checkout`, fields, cookie);
      } catch {
        load.lost.push({ fullName, cookie });
        return;
      }
      await res.body?.cancel().catch(() => {});
      if (res.status !== 303) {
        load.unexpected.push(`checkout ${res.status}`);
        return;
      }
      const location = new URL(res.headers.get("location")!, url);
      const code = /^\/orders\/([A-Z0-9]{10,12})$/.exec(location.pathname)?.[1] ?? "";
      load.acknowledged.push({ fullName, cookie, code, token: location.searchParams.get("token") ?? "" });
      onOrder(load);
    }
  };
  load.done = Promise.all(Array.from({ length: GUESTS }, (_, w) => guest(w))).then(() => {});
  return load;
}

// ---------------------------------------------------------------------------------------------
// What the database must hold whatever happened

/** Every rule that makes an order whole, as queries that list the orders (or parts) breaking it. */
const WHOLENESS: Record<string, string> = {
  "orders without parts": "SELECT o.id FROM orders o WHERE o.id > :since AND NOT EXISTS (SELECT 1 FROM order_parts p WHERE p.order_id = o.id)",
  "parts without items": `SELECT p.id FROM order_parts p WHERE p.order_id > :since
     AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.part_id = p.id)`,
  "items of a part of another order": `SELECT i.id FROM order_items i JOIN order_parts p ON p.id = i.part_id
     WHERE i.order_id > :since AND p.order_id <> i.order_id`,
  "parts whose goods total is not the sum of their items": `SELECT p.id FROM order_parts p WHERE p.order_id > :since
     AND p.goods_total_vnd <> (SELECT sum(i.line_total_vnd) FROM order_items i WHERE i.part_id = p.id)`,
  "parts for a producer none of their items is from": `SELECT i.id FROM order_items i JOIN order_parts p ON p.id = i.part_id
     JOIN products pr ON pr.id = i.product_id WHERE i.order_id > :since AND pr.producer_id <> p.producer_id`,
  "orders whose goods total is not the sum of their items": `SELECT o.id FROM orders o WHERE o.id > :since
     AND o.goods_total_vnd <> (SELECT sum(i.line_total_vnd) FROM order_items i WHERE i.order_id = o.id)`,
  "orders whose shipping is not the sum of their parts' fees": `SELECT o.id FROM orders o WHERE o.id > :since
     AND o.shipping_total_vnd <> (SELECT sum(p.shipping_fee_vnd) FROM order_parts p WHERE p.order_id = o.id)`,
  "orders whose total is not goods + shipping": `SELECT o.id FROM orders o WHERE o.id > :since
     AND (o.total_vnd <> o.goods_total_vnd + o.shipping_total_vnd
       OR o.total_vnd <> (SELECT sum(p.total_vnd) FROM order_parts p WHERE p.order_id = o.id))`,
  "orders without their 'place' event": `SELECT o.id FROM orders o WHERE o.id > :since
     AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.action = 'place')`,
};

function brokenOrders(db: Database.Database): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(WHOLENESS).map(([rule, sql]) => [rule, db.prepare(sql).pluck().all({ since: baselineOrderId }) as number[]]),
  );
}
const NOTHING_BROKEN = Object.fromEntries(Object.keys(WHOLENESS).map((rule) => [rule, []]));

/** Each pool product's stock next to what it must be: the stock set minus the units of orders still holding it. */
function stockCheck(db: Database.Database) {
  const sold = db.prepare(
    `SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN order_parts p ON p.id = i.part_id
     WHERE i.product_id = ? AND i.order_id > ? AND p.status NOT IN ('cancelled', 'refunded')`,
  );
  const stock = db.prepare("SELECT stock FROM products WHERE id = ?");
  return pool.map((product) => {
    const units = sold.pluck().get(product.id, baselineOrderId) as number;
    return { product: product.id, stock: stock.pluck().get(product.id) as number, expected: STOCK - units, sold: units };
  });
}

function databaseHealth(db: Database.Database) {
  return {
    integrity: db.pragma("integrity_check", { simple: true }),
    foreignKeyProblems: db.pragma("foreign_key_check") as unknown[],
  };
}

const orderIdsNamed = (db: Database.Database, fullName: string) =>
  db.prepare("SELECT id FROM orders WHERE full_name = ?").pluck().all(fullName) as number[];

/** Lines left in the guest's cart: the cookie's token, hashed as the server stores it, names the cart. */
function cartLines(db: Database.Database, cookie: string): number {
  const token = JSON.parse(Buffer.from(decodeURIComponent(cookie.slice("ocop_cart=".length)), "base64").toString("utf8")) as string;
  const hash = createHash("sha256").update(token).digest("hex");
  return db
    .prepare("SELECT count(*) FROM cart_items WHERE cart_id = (SELECT id FROM carts WHERE guest_token_hash = ?)")
    .pluck()
    .get(hash) as number;
}

/** The buyer whose checkout the server was placing when it killed itself (tests/setup/crash-in-checkout.cjs). */
function doomedBuyer(dead: TestServer, moment: "before the commit" | "after the commit"): string {
  const match = new RegExp(`crash-in-checkout: SIGKILL ${moment} of the checkout of "(.+)"`).exec(dead.output());
  expect(match, dead.output()).not.toBeNull();
  return match![1]!;
}

/**
 * Checkouts cut off by a crash either happened entirely (one order, cart emptied) or not at all (no
 * order, cart untouched). Returns how many happened.
 */
function settleUnanswered(db: Database.Database, load: CheckoutLoad): number {
  let placed = 0;
  for (const attempt of load.lost) {
    const orders = orderIdsNamed(db, attempt.fullName).length;
    expect(orders, attempt.fullName).toBeLessThanOrEqual(1);
    expect(cartLines(db, attempt.cookie) === 0, attempt.fullName).toBe(orders === 1);
    placed += orders;
  }
  return placed;
}

interface StatusJson {
  code: string;
  paymentStatus: string;
  total: number;
  paid: number;
  parts: { status: string; total: number }[];
}
async function buyerStatus(url: string, order: { code: string; token: string }): Promise<StatusJson> {
  const res = await fetch(`${url}/orders/${order.code}/status?token=${encodeURIComponent(order.token)}`);
  expect(res.status, order.code).toBe(200);
  return (await res.json()) as StatusJson;
}

// ---------------------------------------------------------------------------------------------
// The bank: a signed notification, delivered again with growing pauses until the server answers

interface Delivery {
  attempts: number;
  failures: string[];
  status: number;
  answer: unknown;
}

/**
 * Delivers like a bank: on a connection error or a 5xx it waits (25 ms, doubling, at most 800 ms: a
 * bank's minutes, scaled down) and tries again, up to 40 times; any other answer is final.
 */
async function deliverLikeABank(url: string, body: string, onFailure: (failure: string) => void = () => {}): Promise<Delivery> {
  const signature = `sha256=${createHmac("sha256", BANK_SECRET).update(body, "utf8").digest("hex")}`;
  const failures: string[] = [];
  for (let attempt = 1; attempt <= 40; attempt++) {
    let failure: string;
    try {
      const res = await fetch(`${url}/webhooks/bank-transfer`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json", "X-Signature": signature },
        redirect: "manual",
      });
      if (res.status < 500) return { attempts: attempt, failures, status: res.status, answer: await res.json() };
      await res.body?.cancel();
      failure = `HTTP ${res.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      failure = cause?.code ?? String(error);
    }
    failures.push(failure);
    onFailure(failure);
    await backoff(Math.min(25 * 2 ** (attempt - 1), 800));
  }
  throw new Error(`the bank gave up after 40 attempts: ${failures.join(", ")}`);
}

// ---------------------------------------------------------------------------------------------

describe("the server killed (SIGKILL) in the middle of a checkout load", () => {
  let load: CheckoutLoad;
  /** The guest whose checkout the server died in. */
  let torn: string;
  let walBytesAfterKill = 0;
  /** An order placed before the load, which the bank pays while the server is down. */
  let unpaid: Acknowledged & { id: number; total: number };
  let notice: string;
  let delivery: Delivery;

  it("dies inside a checkout transaction while other guests wait, and the bank's notification finds nobody to answer", async () => {
    // The order the bank will pay, placed and confirmed before the crowd arrives.
    let cookie = "";
    for (const product of [pool[0]!, pool[2]!]) {
      const res = await post(`${server.url}/cart`, { intent: "add", productId: String(product.id), quantity: "2" }, cookie);
      expect(res.status).toBe(303);
      cookie ||= cookieOf(res);
    }
    const res = await post(
      `${server.url}/checkout`,
      { fullName: "Người trả bằng chuyển khoản", phone: nextBuyerPhone(), provinceCode: "92", wardCode, addressLine: "1 Hòa Bình", paymentMethod: "vietqr" },
      cookie,
    );
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get("location")!, server.url);
    const code = location.pathname.slice("/orders/".length);
    const row = server.db.prepare("SELECT id, total_vnd AS total FROM orders WHERE code = ?").get(code) as { id: number; total: number };
    unpaid = { fullName: "", cookie, code, token: location.searchParams.get("token")!, ...row };
    expect(await buyerStatus(server.url, unpaid)).toMatchObject({ paymentStatus: "unpaid", total: row.total, paid: 0 });

    // The crowd checks out until the server SIGKILLs itself in the middle of a checkout transaction
    // (tests/setup/crash-in-checkout.cjs), with the other guests' requests on their way or queued.
    load = startLoad(server.url, "crash", (l) => {
      if (l.acknowledged.length > CRASH_IN_ORDER) l.stopped = true; // it did not crash: the checks below say so
    });
    await load.done;
    await server.kill(); // already dead: this only closes the test's read-only connection and waits for the exit
    torn = doomedBuyer(server, "before the commit");
    expect(torn).toMatch(/^Khách crash-/);
    expect(load.lost.map((a) => a.fullName)).toContain(torn);

    expect(load.unexpected).toEqual([]);
    // Orders it confirmed before dying; the answers of the last few may have been lost with it.
    expect(load.acknowledged.length).toBeGreaterThan(CRASH_IN_ORDER / 2);
    expect(load.acknowledged.length).toBeLessThan(CRASH_IN_ORDER);
    // The dead process left its write-ahead log, with the last orders in it, for the next start to read back.
    walBytesAfterKill = statSync(`${server.databasePath}-wal`).size;
    expect(walBytesAfterKill).toBeGreaterThan(0);

    // The buyer transferred the money; the bank tells a server that is not there, and keeps trying.
    notice = JSON.stringify({
      transactionId: `FT${randomBytes(6).toString("hex").toUpperCase()}`,
      amount: unpaid.total,
      description: `${unpaid.code} thanh toan don hang`,
      accountNumber: PLATFORM_ACCOUNT,
      occurredAt: new Date().toISOString(),
    });
    let firstFailure!: (failure: string) => void;
    const failed = new Promise<string>((resolve) => (firstFailure = resolve));
    const delivering = deliverLikeABank(server.url, notice, (failure) => firstFailure(failure));
    expect(await failed).toBe("ECONNREFUSED");

    // Restart on the same file and the same port, the address the bank knows. (This one will die too,
    // later, right after committing its 20th checkout.)
    server = await startServer(ENV, {
      databasePath: server.databasePath,
      port: server.port,
      crash: { checkout: CRASH_AFTER_ORDER, moment: "after-commit" },
    });
    delivery = await delivering;
    console.log(
      `faults: ${load.acknowledged.length} orders confirmed before the crash, ${load.lost.length} checkouts left unanswered, ` +
        `WAL ${walBytesAfterKill} bytes; bank delivered after ${delivery.attempts} attempts (${delivery.failures.join(", ")})`,
    );
  });

  it("keeps every order whole after the restart, and every order it confirmed", async () => {
    expect(databaseHealth(server.db)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
    expect(brokenOrders(server.db)).toEqual(NOTHING_BROKEN);

    // Every confirmed order survived the crash, and its buyer still sees it.
    for (const order of load.acknowledged) expect(orderIdsNamed(server.db, order.fullName), order.fullName).toHaveLength(1);
    const seen = await Promise.all(load.acknowledged.map((order) => buyerStatus(server.url, order)));
    expect(seen.map((s) => s.code)).toEqual(load.acknowledged.map((o) => o.code));
    for (const s of seen) {
      expect(s.paymentStatus).toBe("unpaid");
      expect(s.total).toBe(s.parts.reduce((sum, p) => sum + p.total, 0));
    }

    const committedUnanswered = settleUnanswered(server.db, load);
    // The checkout the server died in left nothing: no order, no part, its stock back, the cart as it was.
    expect(orderIdsNamed(server.db, torn)).toEqual([]);
    expect(cartLines(server.db, load.lost.find((a) => a.fullName === torn)!.cookie)).toBeGreaterThan(0);
    // Exactly the checkouts before it were placed, and no order comes from anywhere else.
    const fromLoad = server.db.prepare("SELECT count(*) FROM orders WHERE full_name LIKE 'Khách crash-%'").pluck().get() as number;
    expect(fromLoad).toBe(CRASH_IN_ORDER - 1);
    expect(fromLoad).toBe(load.acknowledged.length + committedUnanswered);

    // Stock taken is exactly what the surviving orders hold.
    const stock = stockCheck(server.db);
    for (const s of stock) expect(s.stock, `product ${s.product}`).toBe(s.expected);
    const parts = server.db.prepare("SELECT count(*) FROM order_parts WHERE order_id > ?").pluck().get(baselineOrderId) as number;
    console.log(
      `faults: after restart ${fromLoad + 1} orders (${parts} parts) all whole; ${committedUnanswered} of ${load.lost.length} unanswered checkouts had committed; ` +
        `stock ${stock.map((s) => `${s.stock}=${STOCK}-${s.sold}`).join(", ")}`,
    );
  });

  it("applies the bank's retried notification once after the restart, and a later redelivery changes nothing", async () => {
    expect(delivery.attempts).toBeGreaterThanOrEqual(2);
    expect(delivery.failures.every((f) => f === "ECONNREFUSED")).toBe(true);
    expect(delivery.status).toBe(200);
    expect(delivery.answer).toEqual({ outcome: "applied", orderCode: unpaid.code, redelivered: false });

    const transactionId = (JSON.parse(notice) as { transactionId: string }).transactionId;
    const state = () => ({
      order: server.db.prepare("SELECT payment_status, paid_vnd FROM orders WHERE id = ?").get(unpaid.id),
      parts: server.db.prepare("SELECT status FROM order_parts WHERE order_id = ? ORDER BY id").pluck().all(unpaid.id),
      transfers: server.db.prepare("SELECT outcome, amount_vnd FROM bank_transfers WHERE transaction_id = ?").all(transactionId),
      ledger: server.db
        .prepare("SELECT account, part_id, count(*) AS n, sum(amount_vnd) AS vnd FROM ledger_entries WHERE order_id = ? GROUP BY account, part_id ORDER BY account, part_id")
        .all(unpaid.id) as { account: string; n: number; vnd: number }[],
      events: server.db.prepare("SELECT count(*) FROM order_events WHERE order_id = ?").pluck().get(unpaid.id),
    });
    const paid = state();
    expect(paid.order).toEqual({ payment_status: "paid", paid_vnd: unpaid.total });
    expect(paid.parts).toEqual(["paid", "paid"]);
    expect(paid.transfers).toEqual([{ outcome: "applied", amount_vnd: unpaid.total }]);
    // One commission row and one producer row per part, which together split exactly what was paid.
    expect(paid.ledger.map((l) => [l.account, l.n])).toEqual([
      ["commission", 1],
      ["commission", 1],
      ["producer_pending", 1],
      ["producer_pending", 1],
    ]);
    expect(paid.ledger.reduce((sum, l) => sum + l.vnd, 0)).toBe(unpaid.total);
    expect(await buyerStatus(server.url, unpaid)).toMatchObject({ paymentStatus: "paid", paid: unpaid.total });

    // The bank did not see the answer (say), and sends the same notification again.
    const again = await deliverLikeABank(server.url, notice);
    expect(again).toMatchObject({ attempts: 1, status: 200, answer: { outcome: "applied", orderCode: unpaid.code, redelivered: true } });
    expect(state()).toEqual(paid);
    // Paying takes no further stock: the surviving orders still hold exactly what was taken.
    for (const s of stockCheck(server.db)) expect(s.stock, `product ${s.product}`).toBe(s.expected);
  });

  it("keeps the order it committed just before dying, whole, although its buyer never got an answer; orders lapsed meanwhile are closed on restart", async () => {
    // Five unpaid orders whose 30 minutes will have run out by the time the server is back.
    const lapsing = load.acknowledged.slice(0, 5).map((o) => orderIdsNamed(server.db, o.fullName)[0]!);
    const writer = new Database(server.databasePath);
    writer.prepare(`UPDATE orders SET expires_at = ? WHERE id IN (${lapsing.join(", ")})`).run(Date.now() - 60_000);
    writer.close();

    const second = startLoad(server.url, "commit", (l) => {
      if (l.acknowledged.length > CRASH_AFTER_ORDER) l.stopped = true; // it did not crash: the checks below say so
    });
    await second.done;
    await server.kill();
    const committed = doomedBuyer(server, "after the commit");
    expect(second.lost.map((a) => a.fullName)).toContain(committed);
    expect(second.unexpected).toEqual([]);

    server = await startServer(ENV, { databasePath: server.databasePath, port: server.port });
    expect(databaseHealth(server.db)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
    expect(brokenOrders(server.db)).toEqual(NOTHING_BROKEN);
    expect(orderIdsNamed(server.db, committed)).toHaveLength(1);
    expect(cartLines(server.db, second.lost.find((a) => a.fullName === committed)!.cookie)).toBe(0);
    for (const order of second.acknowledged) expect(orderIdsNamed(server.db, order.fullName), order.fullName).toHaveLength(1);
    const committedUnanswered = settleUnanswered(server.db, second);
    const fromLoad = server.db.prepare("SELECT count(*) FROM orders WHERE full_name LIKE 'Khách commit-%'").pluck().get() as number;
    expect(fromLoad).toBe(CRASH_AFTER_ORDER);
    expect(fromLoad).toBe(second.acknowledged.length + committedUnanswered);
    // The lapsed orders were closed by the time the server listened again, and gave their stock back.
    const lapsed = server.db
      .prepare(`SELECT o.payment_status AS payment, group_concat(DISTINCT p.status) AS parts FROM orders o
        JOIN order_parts p ON p.order_id = o.id WHERE o.id IN (${lapsing.join(", ")}) GROUP BY o.id`)
      .all();
    expect(lapsed).toEqual(lapsing.map(() => ({ payment: "expired", parts: "cancelled" })));
    for (const s of stockCheck(server.db)) expect(s.stock, `product ${s.product}`).toBe(s.expected);
    console.log(
      `faults: second crash after a commit: ${second.acknowledged.length} of ${CRASH_AFTER_ORDER} orders answered, ` +
        `${committedUnanswered} committed without an answer, ${second.lost.length - committedUnanswered} lost before their transaction`,
    );
  });
});

// ---------------------------------------------------------------------------------------------

interface BackupRun {
  code: number | null;
  output: string;
}
/** Runs the backup script as its own process, as an operator (or cron) would. */
function runBackup(command: string, args: string[], databasePath: string): Promise<BackupRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, DATABASE_PATH: databasePath }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const ORDER_TABLES = ["orders", "order_parts", "order_items", "order_events"] as const;
const rowsOf = (db: Database.Database, table: string, upToOrder: number) =>
  db.prepare(`SELECT * FROM ${table} WHERE ${table === "orders" ? "id" : "order_id"} <= ? ORDER BY id`).all(upToOrder);

describe("npm run db:backup", () => {
  it("copies the live database while orders keep coming, and the copy restores to a working marketplace", async () => {
    const target = path.join(path.dirname(server.databasePath), `backup-${randomBytes(4).toString("hex")}.db`);
    let backupDue!: () => void;
    const due = new Promise<void>((resolve) => (backupDue = resolve));
    const load = startLoad(server.url, "backup", (l) => l.acknowledged.length === 20 && backupDue());
    await due;
    const confirmedBefore = load.acknowledged.length;
    const beforeBackup = [...load.acknowledged];
    const run = await runBackup(path.resolve("node_modules/.bin/tsx"), ["scripts/backup.ts", target], server.databasePath);
    const confirmedDuring = load.acknowledged.length - confirmedBefore;
    load.stopped = true;
    await load.done;
    expect(load.unexpected).toEqual([]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`to ${target}`);

    const copy = new Database(target, { readonly: true });
    try {
      expect(databaseHealth(copy)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
      expect(brokenOrders(copy)).toEqual(NOTHING_BROKEN);
      // One instant of the live database: the orders up to some point, exactly as the live database has
      // them, with the stock those orders took (not a later or an earlier one).
      const lastInCopy = copy.prepare("SELECT max(id) FROM orders").pluck().get() as number;
      for (const table of ORDER_TABLES) expect(rowsOf(copy, table, lastInCopy), table).toEqual(rowsOf(server.db, table, lastInCopy));
      for (const s of stockCheck(copy)) expect(s.stock, `product ${s.product} in the copy`).toBe(s.expected);
      for (const order of beforeBackup) expect(orderIdsNamed(copy, order.fullName), order.fullName).toHaveLength(1);
      const inCopy = copy.prepare("SELECT count(*) FROM orders").pluck().get() as number;
      const live = server.db.prepare("SELECT count(*) FROM orders").pluck().get() as number;
      const bytes = statSync(target).size;
      console.log(
        `backup: ${run.output.trim().split("\n").at(-1)}; ${confirmedDuring} orders confirmed while it ran; ` +
          `copy has ${inCopy} orders, live ${live} after the load (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
      );
    } finally {
      copy.close();
    }

    // Restore: a server started on the copy shows the buyers the same orders, and takes new ones.
    const back = await startServer(ENV, { databasePath: target });
    restored.push(back);
    for (const order of beforeBackup.slice(0, 10)) {
      expect(await buyerStatus(back.url, order)).toEqual(await buyerStatus(server.url, order));
    }
    const page = await fetch(`${back.url}/orders/${beforeBackup[0]!.code}?token=${encodeURIComponent(beforeBackup[0]!.token)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(beforeBackup[0]!.code);
    const restoredLoad = startLoad(back.url, "restored", (l) => {
      l.stopped = true;
    });
    await restoredLoad.done;
    expect(restoredLoad.unexpected).toEqual([]);
    expect(restoredLoad.acknowledged.length).toBeGreaterThanOrEqual(1);
    expect(brokenOrders(back.db)).toEqual(NOTHING_BROKEN);
  });

  it("with no file named, writes a timestamped copy under backups/ beside the database, equal to the idle live one; never over the database", async () => {
    const run = await runBackup("npm", ["run", "-s", "db:backup"], server.databasePath);
    expect(run.code, run.output).toBe(0);
    const written = /^to (.+)$/m.exec(run.output)?.[1] ?? "";
    expect(path.dirname(written)).toBe(path.join(path.dirname(path.resolve(server.databasePath)), "backups"));
    expect(path.basename(written)).toMatch(/^ocop-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.db$/);
    // One self-contained file: no .partial, -wal or -shm left beside it.
    expect(readdirSync(path.dirname(written))).toEqual([path.basename(written)]);
    const copy = new Database(written, { readonly: true });
    try {
      // Nothing is writing now, so the copy holds exactly what the live database holds.
      const tables = server.db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .pluck()
        .all() as string[];
      const count = (db: Database.Database, table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      expect(Object.fromEntries(tables.map((t) => [t, count(copy, t)]))).toEqual(Object.fromEntries(tables.map((t) => [t, count(server.db, t)])));
      for (const table of [...ORDER_TABLES, "bank_transfers", "ledger_entries", "products"]) {
        expect(copy.prepare(`SELECT * FROM ${table} ORDER BY id`).all(), table).toEqual(server.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
      }
    } finally {
      copy.close();
    }

    // Kept under a fixed name (an hourly rotation), a newer copy replaces the older one; the live
    // database itself is never a target, whatever the name given.
    const tsx = path.resolve("node_modules/.bin/tsx");
    const again = await runBackup(tsx, ["scripts/backup.ts", written], server.databasePath);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`to ${written}`);
    const onItself = await runBackup(tsx, ["scripts/backup.ts", path.join(path.dirname(written), "..", path.basename(server.databasePath))], server.databasePath);
    expect(onItself.code).toBe(1);
    expect(onItself.output).toContain("cannot overwrite the database itself");
    expect(databaseHealth(server.db)).toEqual({ integrity: "ok", foreignKeyProblems: [] });
    rmSync(path.dirname(written), { recursive: true, force: true });
  });
});

/**
 * The staff dashboard (PRODUCT.md §3, Staff console → Dashboard) through the real production
 * server: orders written straight into its database (and one placed and paid over HTTP), then the
 * page's figures, tables and CSV downloads compared with sums computed here, independently, from
 * the order tables themselves.
 */
import Database from "better-sqlite3";
import { parse as parseCsv } from "csv-parse/sync";
import { createHmac, randomBytes } from "node:crypto";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "~/domain/shared/dates";
import { startServer, type TestServer } from "../setup/server";
import { signIn } from "../setup/http";
import { nextBuyerPhone } from "../setup/buyers";

const BANK_SECRET = "bank-secret-for-dashboard-tests";
const PLATFORM_ACCOUNT = "257678859";
// A fixed quarter in the past, so the figures do not depend on today's date.
const FROM = "2024-01-01";
const TO = "2024-03-31";
const RANGE = `from=${FROM}&to=${TO}`;
const PAID = "('paid', 'confirmed', 'shipped', 'delivered')";

let server: TestServer;
let writer: Database.Database;
let central: string;
let provincial: string;

interface Product {
  id: number;
  producerId: number;
  priceVnd: number;
}
/** Products on sale: two Cần Thơ (92) producers, one Hà Nội (01) producer. */
const p: Record<"a" | "b" | "tour" | "plain" | "lapsed" | "hn", Product> = {} as never;

beforeAll(async () => {
  server = await startServer({ BANK_WEBHOOK_SECRET: BANK_SECRET, VIETQR_ACCOUNT_NO: PLATFORM_ACCOUNT });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
  const onSale = (province: string) =>
    writer
      .prepare(
        `SELECT id, producer_id AS producerId, price_vnd AS priceVnd, badge_stars AS stars FROM products
         WHERE province_code = ? AND status = 'live' AND producer_verified = 1 AND badge_stars IS NOT NULL ORDER BY id`,
      )
      .all(province) as (Product & { stars: number })[];
  const inCanTho = onSale("92");
  p.a = inCanTho[0]!;
  p.b = inCanTho.find((x) => x.producerId === p.a.producerId && x.id !== p.a.id)!;
  p.tour = inCanTho.find((x) => x.producerId !== p.a.producerId)!;
  p.hn = onSale("01")[0]!;
  // One product never certified and one whose certificate has lapsed, from the second producer.
  const addProduct = (slug: string, stars: number | null, expiresOn: string | null): Product =>
    writer
      .prepare(
        `INSERT INTO products (slug, producer_id, province_code, group_code, name, unit, price_vnd, stock, status, badge_stars, badge_expires_on, published_at)
         VALUES (?, ?, '92', 'herbal', ?, 'hộp', 70000, 100, 'live', ?, ?, 1) RETURNING id, producer_id AS producerId, price_vnd AS priceVnd`,
      )
      .get(slug, p.tour.producerId, `Trà ${slug}`, stars, expiresOn) as Product;
  p.plain = addProduct("tra-chua-chung-nhan", null, null);
  p.lapsed = addProduct("tra-het-han", 4, "2024-01-15");
  for (const product of Object.values(p)) expect(product?.id).toBeGreaterThan(0);
  expect(new Set([p.a.producerId, p.tour.producerId, p.hn.producerId]).size).toBe(3);

  seedOrders();
  central = await signIn(server, "admin@demo.local");
  provincial = await signIn(server, "staff@demo.local");
});

afterAll(async () => {
  writer?.close();
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// Orders

type Status = "awaiting_payment" | "paid" | "confirmed" | "shipped" | "delivered" | "cancelled" | "refunded";
interface PartSpec {
  status: Status;
  lines: [Product, number][];
}
const wardIn92 = () => (writer.prepare("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").get() as { code: string }).code;
const vn = (local: string) => Date.parse(`${local}+07:00`);

/** An order as checkout and payment would leave it, written directly; returns its id and its parts' ids. */
function placeOrder(paidAt: number | null, parts: PartSpec[]): { id: number; partIds: number[] } {
  return writer.transaction(() => {
    const goods = parts.map((part) => part.lines.reduce((sum, [product, qty]) => sum + product.priceVnd * qty, 0));
    const goodsTotal = goods.reduce((a, b) => a + b, 0);
    const shipping = 20_000 * parts.length;
    const created = (paidAt ?? Date.now()) - 60_000;
    const order = writer
      .prepare(
        `INSERT INTO orders (code, access_token_hash, full_name, phone, province_code, ward_code, address_line, payment_method,
           payment_status, goods_total_vnd, shipping_total_vnd, total_vnd, paid_vnd, commission_basis_points, expires_at, paid_at, created_at)
         VALUES (?, 'x', 'Người mua thử', '0912345678', '92', ?, '1 Đường 3/2', 'vietqr', ?, ?, ?, ?, ?, 500, ?, ?, ?) RETURNING id`,
      )
      .get(
        `OC${randomBytes(5).toString("hex").toUpperCase()}`,
        wardIn92(),
        paidAt === null ? "unpaid" : "paid",
        goodsTotal,
        shipping,
        goodsTotal + shipping,
        paidAt === null ? 0 : goodsTotal + shipping,
        created + 30 * 60_000,
        paidAt,
        created,
      ) as { id: number };
    const partIds = parts.map((part, i) => {
      const producerId = part.lines[0]![0].producerId;
      const { id: partId } = writer
        .prepare(
          `INSERT INTO order_parts (order_id, producer_id, status, goods_total_vnd, shipping_fee_vnd, total_vnd, commission_vnd, weight_grams, updated_at, created_at)
           VALUES (?, ?, ?, ?, 20000, ?, ?, 500, ?, ?) RETURNING id`,
        )
        .get(order.id, producerId, part.status, goods[i], goods[i]! + 20_000, Math.round(goods[i]! / 20), created, created) as { id: number };
      for (const [product, qty] of part.lines) {
        writer
          .prepare(
            `INSERT INTO order_items (order_id, part_id, product_id, product_name, unit, unit_price_vnd, quantity, line_total_vnd)
             VALUES (?, ?, ?, 'Hàng thử', 'hộp', ?, ?, ?)`,
          )
          .run(order.id, partId, product.id, product.priceVnd, qty, product.priceVnd * qty);
      }
      return partId;
    });
    return { id: order.id, partIds };
  })();
}

/** The quarter's orders: inside and just outside its edges in Vietnam's time, every part status, late payments and refunds. */
function seedOrders() {
  // The first instant of 1 January in Vietnam (31 December, 17:00 UTC): inside.
  placeOrder(vn("2024-01-01T00:00:00"), [
    { status: "paid", lines: [[p.a, 2], [p.b, 1]] },
    { status: "delivered", lines: [[p.hn, 1]] },
  ]);
  // One second earlier: outside.
  placeOrder(vn("2023-12-31T23:59:59"), [{ status: "delivered", lines: [[p.a, 1]] }]);
  // February in Vietnam though still 31 January in UTC; the Hà Nội part was refunded.
  placeOrder(vn("2024-02-01T00:30:00"), [
    { status: "shipped", lines: [[p.tour, 1], [p.plain, 3]] },
    { status: "refunded", lines: [[p.hn, 2]] },
  ]);
  // The last second of the quarter: inside; the first of April: outside.
  placeOrder(vn("2024-03-31T23:59:59"), [{ status: "confirmed", lines: [[p.lapsed, 1], [p.b, 4]] }]);
  placeOrder(vn("2024-04-01T00:00:00"), [{ status: "delivered", lines: [[p.hn, 1]] }]);
  // Never paid, and paid then cancelled by the seller: not sales.
  placeOrder(null, [{ status: "awaiting_payment", lines: [[p.a, 5]] }]);
  placeOrder(vn("2024-03-10T09:00:00"), [{ status: "cancelled", lines: [[p.tour, 2]] }]);

  // Paid the way applyPayment does it: paid_at first, then each part moves.
  const late = placeOrder(null, [
    { status: "awaiting_payment", lines: [[p.hn, 3]] },
    { status: "awaiting_payment", lines: [[p.tour, 1]] },
  ]);
  writer.prepare("UPDATE orders SET payment_status = 'paid', paid_at = ? WHERE id = ?").run(vn("2024-03-15T10:00:00"), late.id);
  for (const partId of late.partIds) writer.prepare("UPDATE order_parts SET status = 'paid' WHERE id = ?").run(partId);
  // …and one part moves on while the other is refunded afterwards.
  writer.prepare("UPDATE order_parts SET status = 'confirmed' WHERE id = ?").run(late.partIds[0]);
  writer.prepare("UPDATE order_parts SET status = 'delivered' WHERE id = ?").run(late.partIds[0]);
  writer.prepare("UPDATE order_parts SET status = 'refunded' WHERE id = ?").run(late.partIds[1]);

  // A certificate revoked after the sale: the product's sales now count as uncertified.
  writer.prepare("UPDATE products SET badge_certificate_id = NULL, badge_stars = NULL, badge_expires_on = NULL WHERE id = ?").run(p.b.id);
}

// ---------------------------------------------------------------------------------------------
// What the figures should be, computed from the order tables (not the dashboard's own)

interface Expected {
  transactions: number;
  revenue: number;
  producers: number;
  certified: number;
  month: Map<string, number[]>;
  province: Map<string, number[]>;
  group: Map<string, number[]>;
  stars: Map<string, number[]>;
}

function expected(from: string, to: string, province: string | null): Expected {
  const start = vn(`${from}T00:00:00`);
  const end = vn(`${to}T00:00:00`) + 86_400_000;
  const today = todayInVietnam();
  const db = server.db;
  const scope = province ? "AND pr.province_code = :province" : "";
  const params = { start, end, today, ...(province ? { province } : {}) };
  const sales = `FROM order_parts op JOIN orders o ON o.id = op.order_id JOIN producers pr ON pr.id = op.producer_id
    WHERE op.status IN ${PAID} AND o.paid_at >= :start AND o.paid_at < :end ${scope}`;
  const totals = db.prepare(`SELECT count(*) AS n, coalesce(sum(op.goods_total_vnd), 0) AS v ${sales}`).get(params) as { n: number; v: number };
  const grouped = (key: string, from = sales, value = "count(*), sum(op.goods_total_vnd)") =>
    new Map(
      (db.prepare(`SELECT ${key} AS k, ${value} ${from} GROUP BY 1`).raw().all(params) as [string | number, ...number[]][]).map(
        ([k, ...values]) => [String(k), values],
      ),
    );
  const lines = `FROM order_items oi JOIN order_parts op ON op.id = oi.part_id JOIN orders o ON o.id = op.order_id
    JOIN producers pr ON pr.id = op.producer_id JOIN products p ON p.id = oi.product_id
    WHERE op.status IN ${PAID} AND o.paid_at >= :start AND o.paid_at < :end ${scope}`;
  const validBadge = "(p.badge_stars IS NOT NULL AND p.badge_expires_on > :today)";
  const starsKey = `CASE WHEN ${validBadge} THEN CAST(p.badge_stars AS TEXT) ELSE 'none' END`;
  const productScope = province ? "AND p.province_code = :province" : "";
  const publicByStars = grouped(
    starsKey,
    `FROM products p WHERE p.status = 'live' AND p.producer_verified = 1 ${productScope}`,
    "count(*)",
  );
  const stars = grouped(starsKey, lines, "sum(oi.line_total_vnd)");
  for (const bucket of ["5", "4", "3", "none"]) stars.set(bucket, [stars.get(bucket)?.[0] ?? 0, publicByStars.get(bucket)?.[0] ?? 0]);
  return {
    transactions: totals.n,
    revenue: totals.v,
    producers: (
      db
        .prepare(
          `SELECT count(DISTINCT pr.id) AS n FROM producers pr JOIN products p ON p.producer_id = pr.id
           WHERE pr.verification_status = 'approved' AND p.status = 'live' ${scope}`,
        )
        .get(province ? { province } : {}) as { n: number }
    ).n,
    certified: [...publicByStars].filter(([k]) => k !== "none").reduce((sum, [, [n]]) => sum + n!, 0),
    month: grouped("strftime('%Y-%m', o.paid_at / 1000 + 7 * 3600, 'unixepoch')"),
    province: grouped("pr.province_code"),
    group: grouped("p.group_code", lines, "sum(oi.line_total_vnd)"),
    stars,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the page


const get = (path: string, cookie: string) => fetch(server.url + path, { headers: { cookie }, redirect: "manual" });

interface Dashboard {
  status: number;
  doc: HTMLElement;
  figures: Record<"revenue" | "transactions" | "average" | "producers" | "certified", number>;
  /** Each chart's table body: key → the numbers of its row. */
  tables: Record<"month" | "province" | "group" | "stars", Map<string, number[]>>;
  labels: Record<"month" | "province" | "group" | "stars", Map<string, string>>;
}

async function dashboard(query: string, cookie: string): Promise<Dashboard> {
  const res = await get(`/staff/dashboard?${query}`, cookie);
  const doc = parse(await res.text());
  const figure = (name: string) => Number(doc.querySelector(`dd[data-figure="${name}"] data`)?.getAttribute("value"));
  const tables = {} as Dashboard["tables"];
  const labels = {} as Dashboard["labels"];
  for (const chart of ["month", "province", "group", "stars"] as const) {
    tables[chart] = new Map();
    labels[chart] = new Map();
    for (const tr of doc.querySelectorAll(`#chart-${chart}-table tbody tr`)) {
      const key = tr.getAttribute("data-key")!;
      tables[chart].set(key, tr.querySelectorAll("td data").map((d) => Number(d.getAttribute("value"))));
      labels[chart].set(key, tr.querySelector("th")!.textContent.trim());
    }
  }
  return {
    status: res.status,
    doc,
    figures: {
      revenue: figure("revenue"),
      transactions: figure("transactions"),
      average: figure("average"),
      producers: figure("producers"),
      certified: figure("certified"),
    },
    tables,
    labels,
  };
}

/** A CSV download's records, after checking it starts with the UTF-8 byte order mark Excel needs. */
async function csvRows(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // TextDecoder drops the byte order mark.
  return parseCsv(new TextDecoder().decode(bytes)) as string[][];
}

/** Rows with nothing in them: the page lists every month, province, group and stars bucket, the SQL only those sold. */
const nonZero = (table: Map<string, number[]>) => new Map([...table].filter(([, values]) => values.some((v) => v !== 0)));

/**
 * Compares every figure; `{ catalog: false }` leaves out producers selling and products by stars,
 * which the server may keep for up to a minute (tests that change producers use it).
 */
function expectFigures(page: Dashboard, want: Expected, { catalog = true } = {}) {
  expect(page.status).toBe(200);
  expect(page.figures).toMatchObject({
    revenue: want.revenue,
    transactions: want.transactions,
    average: Math.round(want.revenue / want.transactions),
    ...(catalog ? { producers: want.producers, certified: want.certified } : {}),
  });
  expect(nonZero(page.tables.month)).toEqual(want.month);
  expect(nonZero(page.tables.province)).toEqual(want.province);
  expect(nonZero(page.tables.group)).toEqual(want.group);
  const revenueOnly = (table: Map<string, number[]>) => new Map([...table].map(([k, [revenue]]) => [k, [revenue]]));
  expect(catalog ? page.tables.stars : revenueOnly(page.tables.stars)).toEqual(catalog ? want.stars : revenueOnly(want.stars));
}

// ---------------------------------------------------------------------------------------------

describe("the staff dashboard", () => {
  it("shows central staff the whole country's figures, equal to sums over the orders", async () => {
    const page = await dashboard(RANGE, central);
    const want = expected(FROM, TO, null);
    expectFigures(page, want);

    // What the quarter holds, counted by hand: the parts of 1 Jan (2), 1 Feb (1, the other refunded),
    // 31 Mar (1) and the late payment (1, the other refunded); not 31 Dec, 1 Apr, unpaid or cancelled.
    expect(page.figures.transactions).toBe(5);
    const price = (x: Product, qty: number) => x.priceVnd * qty;
    expect(page.figures.revenue).toBe(
      price(p.a, 2) + price(p.b, 1) + price(p.hn, 1) + price(p.tour, 1) + price(p.plain, 3) + price(p.lapsed, 1) + price(p.b, 4) + price(p.hn, 3),
    );
    // 00:30 on 1 February in Vietnam is February's, though it is 31 January in UTC.
    expect([...page.tables.month.keys()]).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(page.tables.month.get("2024-01")).toEqual([2, price(p.a, 2) + price(p.b, 1) + price(p.hn, 1)]);
    expect(page.tables.month.get("2024-02")).toEqual([1, price(p.tour, 1) + price(p.plain, 3)]);
    expect(page.labels.month.get("2024-02")).toBe("02/2024");
    // Every province is listed; only Cần Thơ and Hà Nội sold.
    expect(page.tables.province.size).toBe(34);
    expect(page.tables.province.get("01")).toEqual([2, price(p.hn, 4)]);
    expect(page.labels.province.get("92")).toBe("Cần Thơ");
    expect([...page.tables.group.keys()]).toEqual(["food", "beverage", "herbal", "handicraft", "ornamental", "tourism"]);
    expect(page.tables.group.get("herbal")).toEqual([price(p.plain, 3) + price(p.lapsed, 1)]);
    // Uncertified now: the never-certified tea, the lapsed one, and p.b whose certificate was revoked after the sale.
    expect(page.tables.stars.get("none")![0]).toBe(price(p.plain, 3) + price(p.lapsed, 1) + price(p.b, 5));
  });

  it("shows provincial staff only their province, whatever the URL asks", async () => {
    const want = expected(FROM, TO, "92");
    const page = await dashboard(RANGE, provincial);
    expectFigures(page, want);
    expect(page.figures.transactions).toBe(3);
    expect([...page.tables.province.keys()]).toEqual(["92"]);
    expect(page.doc.querySelector("#f-province")).toBeNull();

    const asked = await dashboard(`${RANGE}&province=01`, provincial);
    expect(asked.figures).toEqual(page.figures);
    expect(asked.tables).toEqual(page.tables);
  });

  it("lets central staff narrow to one province", async () => {
    const narrowed = await dashboard(`${RANGE}&province=92`, central);
    expectFigures(narrowed, expected(FROM, TO, "92"));
    const hanoi = await dashboard(`${RANGE}&province=01`, central);
    expectFigures(hanoi, expected(FROM, TO, "01"));
    expect(hanoi.figures.transactions).toBe(2);
  });

  it("draws each breakdown as a labelled SVG chart with one bar per row", async () => {
    const page = await dashboard(RANGE, central);
    for (const chart of ["month", "province", "group", "stars"] as const) {
      const svg = page.doc.querySelector(`svg[aria-labelledby="chart-${chart}-title chart-${chart}-desc"]`)!;
      expect(svg, chart).not.toBeNull();
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("width")).toBe("100%");
      expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.querySelector(`title#chart-${chart}-title`)!.textContent).not.toBe("");
      expect(svg.querySelector(`desc#chart-${chart}-desc`)!.textContent).not.toBe("");
      expect(svg.querySelectorAll("rect")).toHaveLength(page.tables[chart].size);
      for (const label of page.labels[chart].values()) {
        expect(svg.querySelectorAll("text").some((t) => t.textContent === label)).toBe(true);
      }
    }
  });

  it("offers each chart as a CSV equal to its table", async () => {
    const page = await dashboard(RANGE, central);
    for (const chart of ["month", "province", "group", "stars"] as const) {
      const link = page.doc.querySelector(`a[href^="/staff/dashboard.csv?chart=${chart}&"]`)!;
      expect(link, chart).not.toBeNull();
      const href = link.getAttribute("href")!;
      expect(new URL(href, server.url).searchParams.get("from")).toBe(FROM);
      expect(new URL(href, server.url).searchParams.get("to")).toBe(TO);
      const res = await get(href, central);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="ocop-dashboard-${chart}-${FROM}-${TO}.csv"`);
      const [header, ...rows] = await csvRows(res);
      expect(header!.length).toBe(rows[0]!.length);
      expect(new Map(rows.map(([key, , ...values]) => [key!, values.map(Number)]))).toEqual(page.tables[chart]);
      expect(new Map(rows.map(([key, label]) => [key!, label!]))).toEqual(page.labels[chart]);
      for (const [, , ...values] of rows) for (const value of values) expect(value).toMatch(/^\d+$/);
    }
  });

  it("gives provincial staff their own province's CSV", async () => {
    const res = await get(`/staff/dashboard.csv?chart=province&${RANGE}&province=01`, provincial);
    expect(res.status).toBe(200);
    const [, ...rows] = await csvRows(res);
    const want = expected(FROM, TO, "92");
    expect(rows).toEqual([["92", "Cần Thơ", String(want.transactions), String(want.revenue)]]);
  });

  it("defaults to the last 12 months", async () => {
    const page = await dashboard("", central);
    expect(page.status).toBe(200);
    const today = todayInVietnam();
    expect(page.doc.querySelector("#f-to")!.getAttribute("value")).toBe(today);
    expect(page.doc.querySelector("#f-from")!.getAttribute("value")).toMatch(/^\d{4}-\d{2}-01$/);
    expect(page.tables.month.size).toBe(12);
    // None of the 2024 orders falls in it.
    expect(page.figures.transactions).toBe(expected(page.doc.querySelector("#f-from")!.getAttribute("value")!, today, null).transactions);
  });

  it("counts an order paid by a bank transfer as soon as the bank says so", async () => {
    const product = writer
      .prepare("SELECT id, price_vnd AS priceVnd FROM products WHERE status = 'live' AND producer_verified = 1 AND stock >= 5 ORDER BY id LIMIT 1")
      .get() as { id: number; priceVnd: number };
    const before = await dashboard("", central);

    const added = await fetch(`${server.url}/cart`, {
      method: "POST",
      body: new URLSearchParams({ intent: "add", productId: String(product.id), quantity: "2" }),
      redirect: "manual",
    });
    expect(added.status).toBe(303);
    const cookie = added.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const placed = await fetch(`${server.url}/checkout`, {
      method: "POST",
      headers: { cookie },
      body: new URLSearchParams({
        fullName: "Trần Văn Bình",
        phone: nextBuyerPhone(),
        provinceCode: "92",
        wardCode: wardIn92(),
        addressLine: "12 Đường 30 Tháng 4",
        paymentMethod: "vietqr",
      }),
      redirect: "manual",
    });
    expect(placed.status).toBe(303);
    const code = /\/orders\/([A-Z0-9]+)/.exec(placed.headers.get("location") ?? "")![1]!;
    const order = server.db.prepare("SELECT total_vnd AS total FROM orders WHERE code = ?").get(code) as { total: number };

    // Placed but unpaid: nothing changes.
    expect((await dashboard("", central)).figures.transactions).toBe(before.figures.transactions);

    const body = JSON.stringify({
      transactionId: `FT${randomBytes(6).toString("hex").toUpperCase()}`,
      amount: order.total,
      description: `${code} thanh toan`,
      accountNumber: PLATFORM_ACCOUNT,
      occurredAt: new Date().toISOString(),
    });
    const paid = await fetch(`${server.url}/webhooks/bank-transfer`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json", "X-Signature": `sha256=${createHmac("sha256", BANK_SECRET).update(body).digest("hex")}` },
    });
    expect(paid.status).toBe(200);
    expect(((await paid.json()) as { outcome: string }).outcome).toBe("applied");

    const after = await dashboard("", central);
    expect(after.figures.transactions).toBe(before.figures.transactions + 1);
    expect(after.figures.revenue).toBe(before.figures.revenue + product.priceVnd * 2);
    const today = todayInVietnam();
    expectFigures(after, expected(after.doc.querySelector("#f-from")!.getAttribute("value")!, today, null));
  });
});

describe("sales follow their producer", () => {
  it("counts a producer's past sales in its new province when it moves (units are replaceable)", async () => {
    writer.prepare("UPDATE producers SET province_code = '92', ward_code = ? WHERE id = ?").run(wardIn92(), p.hn.producerId);
    const page = await dashboard(RANGE, central);
    expectFigures(page, expected(FROM, TO, null), { catalog: false });
    expect(page.tables.province.get("01")).toEqual([0, 0]);
    const canTho = await dashboard(RANGE, provincial);
    expectFigures(canTho, expected(FROM, TO, "92"), { catalog: false });
    expect(canTho.figures.transactions).toBe(5);
  });
});

describe("who may see it, and bad input", () => {
  it("sends visitors to sign in and turns away shoppers and producers with 403", async () => {
    for (const path of ["/staff/dashboard", "/staff/dashboard.csv?chart=month"]) {
      const visitor = await get(path, "");
      expect(visitor.status).toBe(302);
      expect(visitor.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      for (const login of ["shopper@demo.local", "producer@demo.local"]) {
        expect((await get(path, await signIn(server, login))).status).toBe(403);
      }
    }
  });

  it("answers bad dates with 400 and a Vietnamese message beside the field", async () => {
    const cases: [string, "from" | "to", string][] = [
      ["from=2024-13-01&to=2024-03-31", "from", "Nhập ngày dạng năm-tháng-ngày, ví dụ 2026-05-20."],
      ["from=2024-01-01&to=31/03/2024", "to", "Nhập ngày dạng năm-tháng-ngày, ví dụ 2026-05-20."],
      ["from=2024-04-01&to=2024-03-31", "to", "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu."],
      ["from=2000-01-01&to=2024-03-31", "to", "Chọn khoảng thời gian tối đa 10 năm."],
    ];
    for (const [query, field, message] of cases) {
      const page = await dashboard(query, central);
      expect(page.status, query).toBe(400);
      expect(page.doc.querySelector(`#f-${field}`)!.getAttribute("aria-invalid")).toBe("true");
      expect(page.doc.querySelector(`#f-${field}`)!.getAttribute("aria-describedby")).toBe(`f-${field}-error`);
      expect(page.doc.querySelector(`#f-${field}-error`)!.textContent).toBe(message);
      // No figures from a range nobody asked for.
      expect(page.doc.querySelector("dd[data-figure]")).toBeNull();
      const csv = await get(`/staff/dashboard.csv?chart=month&${query}`, central);
      expect(csv.status).toBe(400);
      expect(await csv.text()).toBe(`${message}\n`);
    }
  });

  it("answers an unknown province or chart with 400", async () => {
    const page = await dashboard(`${RANGE}&province=99`, central);
    expect(page.status).toBe(400);
    expect(page.doc.querySelector("#f-province-error")!.textContent).toBe("Chọn một tỉnh, thành trong danh sách.");
    const csv = await get(`/staff/dashboard.csv?chart=year&${RANGE}`, central);
    expect(csv.status).toBe(400);
  });
});

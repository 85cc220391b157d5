import { sha256Hex } from "~/domain/shared/hash.server";
import type { Db } from "~/db/client.server";
import { PUBLIC_PRODUCT } from "~/domain/catalog/catalog.server";
import { generateOrderCode } from "~/domain/orders/order-code";
import type { PartStatus } from "~/domain/orders/order-states";
import type { PaymentStatus } from "~/domain/payments/payment-states";
import { commissionVnd, shippingFeeVnd, type Region } from "~/domain/orders/shipping";
import { seededRandom } from "./photos.server";

export interface GenerateOrdersOptions {
  orders: number;
  /** Orders are spread over this many months before `now` (PRODUCT.md §4's data set: 18). */
  months?: number;
  now?: number;
  /** Commission in percent, as checkout would fix it. */
  commissionPercent?: number;
  seed?: string;
  /**
   * How busy the market is at a moment, relative to other moments (default: the same all along).
   * The demo uses it for the weeks of shopping before Tết.
   */
  pace?: (at: number) => number;
  /** A producer that sells often: a part of its goods is in this share (0–1) of the orders. */
  regular?: { producerId: number; share: number };
}

export interface GeneratedOrders {
  orders: number;
  parts: number;
  items: number;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Thị", "Văn", "Minh", "Ngọc", "Thanh", "Hữu", "Quốc", "Thu"];
const GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Khánh", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Thảo", "Trang", "Tuấn"];
const STREETS = ["Trần Hưng Đạo", "Lê Lợi", "Nguyễn Trãi", "Hai Bà Trưng", "30 Tháng 4", "Hùng Vương", "Lý Thường Kiệt", "Quang Trung"];
const CARRIERS = ["Viettel Post", "VNPost", "GHN", "GHTK", "J&T Express"];

const MINUTE = 60_000;
const DAY = 86_400_000;

interface SellableProduct {
  id: number;
  name: string;
  unit: string;
  priceVnd: number;
  weightGrams: number;
}

interface Seller {
  id: number;
  province: string;
  region: Region;
  freeShippingThresholdVnd: number | null;
  products: SellableProduct[];
}

/**
 * Adds `orders` orders with their producer parts and lines to a database that already holds a
 * catalog (see generate.server.ts), for the dashboard's benchmark (PRODUCT.md §4: 200,000 orders).
 *
 * Shaped like checkout's output: 1–3 producer parts per order, 1–3 lines per part at the product's
 * price, shipping by distance and weight, commission fixed at placing; paid over the last
 * `months` months. About 85 % of orders are paid (their parts paid, confirmed, shipped or
 * delivered, older ones further along), the rest expired unpaid, refunded, or still awaiting
 * payment (only the last half hour's). A few parts of paid orders are refunded alone.
 *
 * Raw prepared statements in one transaction, as the catalog generator does: 200,000 orders
 * (about 400,000 parts and 800,000 lines) take seconds. Ledger rows, events and notifications are
 * not written: no benchmarked page reads them.
 */
export function generateOrders(db: Db, opts: GenerateOrdersOptions): GeneratedOrders {
  const sqlite = db.$client;
  const rnd = seededRandom(opts.seed ?? "orders");
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const now = opts.now ?? Date.now();
  const spanMs = (opts.months ?? 18) * 30.44 * DAY;
  const percent = opts.commissionPercent ?? 5;
  const basisPoints = Math.round(percent * 100);

  const regionOf = new Map(
    (sqlite.prepare("SELECT code, region FROM provinces").all() as { code: string; region: Region }[]).map((p) => [p.code, p.region]),
  );
  const wardsOf = new Map<string, string[]>();
  for (const w of sqlite.prepare("SELECT code, province_code AS province FROM wards").all() as { code: string; province: string }[]) {
    let list = wardsOf.get(w.province);
    if (!list) wardsOf.set(w.province, (list = []));
    list.push(w.code);
  }
  const provinces = [...wardsOf.keys()];

  // What a shopper can buy: live products of verified producers.
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.name, p.unit, p.price_vnd AS priceVnd, p.weight_grams AS weightGrams, p.producer_id AS producerId,
         pr.province_code AS province, pr.free_shipping_threshold_vnd AS threshold
       FROM products p JOIN producers pr ON pr.id = p.producer_id
       WHERE ${PUBLIC_PRODUCT}
       ORDER BY p.producer_id, p.id`,
    )
    .all() as (SellableProduct & { producerId: number; province: string; threshold: number | null })[];
  const sellersById = new Map<number, Seller>();
  for (const r of rows) {
    let seller = sellersById.get(r.producerId);
    if (!seller) {
      seller = { id: r.producerId, province: r.province, region: regionOf.get(r.province)!, freeShippingThresholdVnd: r.threshold, products: [] };
      sellersById.set(r.producerId, seller);
    }
    seller.products.push({ id: r.id, name: r.name, unit: r.unit, priceVnd: r.priceVnd, weightGrams: r.weightGrams });
  }
  const sellers = [...sellersById.values()];
  if (sellers.length === 0) throw new Error("No live products of verified producers to order: generate a catalog first");
  // Some producers sell far more than others: a square of a uniform draw favours the first ones.
  const pickSeller = () => sellers[Math.floor(rnd() * rnd() * sellers.length)]!;
  const regular = opts.regular ? sellersById.get(opts.regular.producerId) : undefined;
  if (opts.regular && !regular) throw new Error(`Producer ${opts.regular.producerId} has nothing on sale`);
  const createdAtOf = timeline(now - spanMs, now, opts.orders, opts.pace, rnd);

  const insertOrder = sqlite.prepare(
    `INSERT INTO orders (code, access_token_hash, user_id, full_name, phone, email, province_code, ward_code, address_line,
       payment_method, payment_status, goods_total_vnd, shipping_total_vnd, total_vnd, paid_vnd, refunded_vnd,
       commission_basis_points, expires_at, paid_at, created_at)
     VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPart = sqlite.prepare(
    `INSERT INTO order_parts (order_id, producer_id, status, goods_total_vnd, shipping_fee_vnd, total_vnd, commission_vnd,
       weight_grams, carrier, tracking_number, cancel_reason, updated_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertItem = sqlite.prepare(
    // The line is of the product's cheapest size (its price_vnd is that size's).
    `INSERT INTO order_items (order_id, part_id, product_id, variant_id, variant_label, product_name, unit, unit_price_vnd, quantity, line_total_vnd)
     SELECT ?, ?, v.product_id, v.id, v.label, ?, ?, ?, ?, ?
     FROM product_variants v WHERE v.product_id = ? AND v.archived_at IS NULL ORDER BY v.price_vnd, v.position, v.id LIMIT 1`,
  );
  const setOrderTotals = sqlite.prepare(
    "UPDATE orders SET goods_total_vnd = ?, shipping_total_vnd = ?, total_vnd = ?, paid_vnd = ?, refunded_vnd = ?, payment_status = ? WHERE id = ?",
  );

  const codes = new Set<string>();
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
  const newCode = () => {
    let code = generateOrderCode(randomBytes);
    while (codes.has(code)) code = generateOrderCode(randomBytes);
    codes.add(code);
    return code;
  };

  let partCount = 0;
  let itemCount = 0;
  sqlite.transaction(() => {
    for (let i = 0; i < opts.orders; i++) {
      // The newest half hour's orders may still be unpaid.
      const createdAt = createdAtOf(i);
      const ageDays = (now - createdAt) / DAY;
      const r = rnd();
      const kind: "paid" | "expired" | "refunded" | "awaiting" =
        now - createdAt < 30 * MINUTE ? (r < 0.5 ? "awaiting" : "paid") : r < 0.85 ? "paid" : r < 0.97 ? "expired" : "refunded";
      const paidAt = kind === "paid" || kind === "refunded" ? createdAt + Math.round((1 + rnd() * 25) * MINUTE) : null;

      const province = pick(provinces);
      const region = regionOf.get(province)!;
      const partsWanted = rnd() < 0.55 ? 1 : rnd() < 0.75 ? 2 : 3;
      const chosen = new Map<number, Seller>();
      if (regular && rnd() < opts.regular!.share) chosen.set(regular.id, regular);
      for (let t = 0; t < partsWanted * 3 && chosen.size < partsWanted; t++) {
        const seller = pickSeller();
        chosen.set(seller.id, seller);
      }

      const code = newCode();
      const method = rnd() < 0.8 ? "vietqr" : "stripe";
      const { lastInsertRowid } = insertOrder.run(
        code,
        sha256Hex(code),
        `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
        `09${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`,
        province,
        pick(wardsOf.get(province)!),
        `${1 + Math.floor(rnd() * 300)} ${pick(STREETS)}`,
        method,
        "unpaid",
        1, // totals are set once the parts are known
        0,
        1,
        0,
        0,
        basisPoints,
        createdAt + 30 * MINUTE,
        paidAt,
        createdAt,
      );
      const orderId = Number(lastInsertRowid);

      let goods = 0;
      let shipping = 0;
      let refunded = 0;
      for (const seller of chosen.values()) {
        const lines: { product: SellableProduct; quantity: number }[] = [];
        const linesWanted = Math.min(seller.products.length, rnd() < 0.5 ? 1 : rnd() < 0.7 ? 2 : 3);
        const offset = Math.floor(rnd() * seller.products.length);
        for (let l = 0; l < linesWanted; l++) {
          lines.push({ product: seller.products[(offset + l) % seller.products.length]!, quantity: rnd() < 0.7 ? 1 : 2 + Math.floor(rnd() * 4) });
        }
        const partGoods = lines.reduce((sum, l) => sum + l.product.priceVnd * l.quantity, 0);
        const weight = lines.reduce((sum, l) => sum + l.product.weightGrams * l.quantity, 0);
        const fee = shippingFeeVnd({
          fromProvinceCode: seller.province,
          fromRegion: seller.region,
          toProvinceCode: province,
          toRegion: region,
          weightGrams: weight,
          goodsTotalVnd: partGoods,
          freeShippingThresholdVnd: seller.freeShippingThresholdVnd,
        });
        let status: PartStatus;
        if (kind === "awaiting") status = "awaiting_payment";
        else if (kind === "expired") status = "cancelled";
        else if (kind === "refunded") status = "refunded";
        else if (rnd() < 0.03) status = "refunded";
        // A paid part moves on within days: old ones are delivered, recent ones anywhere on the way.
        else if (ageDays > 10) status = "delivered";
        else status = pick(["paid", "confirmed", "shipped", "delivered"] as const);
        const shipped = status === "shipped" || status === "delivered";
        const { lastInsertRowid: partId } = insertPart.run(
          orderId,
          seller.id,
          status,
          partGoods,
          fee,
          partGoods + fee,
          commissionVnd(partGoods, percent),
          weight,
          shipped ? pick(CARRIERS) : null,
          shipped ? `VN${String(Math.floor(rnd() * 1e10)).padStart(10, "0")}` : null,
          kind === "expired" ? "expired" : null,
          Math.min(now, createdAt + Math.round(rnd() * 5 * DAY)),
          createdAt,
        );
        for (const line of lines) {
          insertItem.run(orderId, partId, line.product.name, line.product.unit, line.product.priceVnd, line.quantity, line.product.priceVnd * line.quantity, line.product.id);
        }
        goods += partGoods;
        shipping += fee;
        if (status === "refunded") refunded += partGoods + fee;
        partCount++;
        itemCount += lines.length;
      }
      const total = goods + shipping;
      const paid = paidAt === null ? 0 : total;
      const paymentStatus: PaymentStatus =
        kind === "awaiting" ? "unpaid" : kind === "expired" ? "expired" : refunded === 0 ? "paid" : refunded >= total ? "refunded" : "partially_refunded";
      setOrderTotals.run(goods, shipping, total, paid, refunded, paymentStatus, orderId);
    }
  })();
  return { orders: opts.orders, parts: partCount, items: itemCount };
}

/**
 * When the i-th of `count` orders is placed between `from` and `to`: evenly in time, or, with a
 * pace, evenly in "business" (the running sum of the pace, taken day by day).
 */
function timeline(from: number, to: number, count: number, pace: ((at: number) => number) | undefined, rnd: () => number): (i: number) => number {
  const even = (i: number) => Math.round(from + ((i + rnd()) / count) * (to - from));
  if (!pace) return even;
  const days = Math.max(1, Math.ceil((to - from) / DAY));
  const cumulative: number[] = [0];
  for (let d = 0; d < days; d++) cumulative.push(cumulative[d]! + Math.max(0, pace(from + (d + 0.5) * DAY)));
  const total = cumulative[days]!;
  if (total <= 0) return even;
  return (i) => {
    const target = ((i + rnd()) / count) * total;
    let d = 0;
    while (d < days - 1 && cumulative[d + 1]! < target) d++;
    const within = (target - cumulative[d]!) / (cumulative[d + 1]! - cumulative[d]! || 1);
    return Math.min(to, Math.round(from + (d + within) * DAY));
  };
}

import type { Db } from "~/db/client.server";
import type { ProductGroup } from "~/domain/catalog/groups";
import { reviewerName } from "~/domain/orders/reviews";
import { generateOrders } from "./orders.server";
import { seededRandom } from "./photos.server";

const DAY = 86_400_000;

/** Tết Nguyên Đán (first day of the lunar year) for the years a demo may look back on. */
const TET_DAYS = ["2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23", "2032-02-11"].map((d) =>
  Date.parse(`${d}T00:00:00+07:00`),
);

/** How busy the market is: three to four times the usual in the four weeks before Tết, quiet in the holiday week. */
export function tetPace(at: number): number {
  for (const tet of TET_DAYS) {
    const daysBefore = (tet - at) / DAY;
    if (daysBefore > 0 && daysBefore <= 28) return daysBefore <= 14 ? 4 : 2.5;
    if (daysBefore <= 0 && daysBefore > -6) return 0.3;
  }
  return 1;
}

const PAID_PART = "('paid', 'confirmed', 'shipped', 'delivered')";
const CARRIERS = ["Viettel Post", "GHTK", "GHN"];

export interface DemoOrdersInput {
  now: number;
  /** The demo cooperative (producer@demo.local's): a regular seller with a busy inbox. */
  producerId: number;
  shopper: { id: number; fullName: string; email: string };
}

/**
 * A year of orders for the demo, so the dashboard has history, the demo cooperative's inbox has work
 * in every state and a payable balance, and the demo shopper has orders of their own; then the
 * ledger, sales counts, timelines and reviews that the app would have written along the way.
 * Runs inside the demo's transaction.
 */
export function seedDemoOrders(db: Db, input: DemoOrdersInput) {
  const sqlite = db.$client;
  const { now, producerId } = input;
  // A year, with the Tết rush; then the last twelve days' orders, each with the demo cooperative in it.
  generateOrders(db, { orders: 288, months: 12, now: now - 12 * DAY, seed: "demo-year", pace: tetPace, regular: { producerId, share: 0.2 } });
  generateOrders(db, { orders: 12, months: 12 / 30.44, now: now - 60 * 60_000, seed: "demo-recent", regular: { producerId, share: 1 } });
  // An order the generator left awaiting payment would have lapsed by now (and its stock was never taken).
  sqlite.prepare("UPDATE order_parts SET status = 'cancelled', cancel_reason = 'expired' WHERE status = 'awaiting_payment'").run();
  sqlite.prepare("UPDATE orders SET payment_status = 'expired' WHERE payment_status = 'unpaid'").run();

  // The cooperative's newest parts, as an inbox would hold them: to confirm, to ship, on the way.
  const recent = sqlite
    .prepare(
      `SELECT op.id FROM order_parts op JOIN orders o ON o.id = op.order_id
       WHERE op.producer_id = ? AND op.status IN ${PAID_PART} ORDER BY o.created_at DESC LIMIT 8`,
    )
    .all(producerId) as { id: number }[];
  const setPart = sqlite.prepare("UPDATE order_parts SET status = ?, carrier = ?, tracking_number = ? WHERE id = ?");
  recent.forEach(({ id }, i) => {
    const status = i < 3 ? "paid" : i < 5 ? "confirmed" : "shipped";
    const shipped = status === "shipped";
    setPart.run(status, shipped ? CARRIERS[i % CARRIERS.length] : null, shipped ? `VN${String(8_200_000_000 + id * 7919).padStart(10, "0")}` : null, id);
  });

  giveShopperOrders(db, input);
  writeTimelines(db, now);
  writeLedger(db, now);
  sqlite
    .prepare(
      `UPDATE products SET sold_count = (SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN order_parts op ON op.id = i.part_id
         WHERE i.product_id = products.id AND op.status IN ${PAID_PART})`,
    )
    .run();
  writeReviews(db, input);
}

/** A few orders of the demo shopper's, in several states: received long ago, on the way, just paid, lapsed unpaid. */
function giveShopperOrders(db: Db, { shopper, producerId }: DemoOrdersInput) {
  const sqlite = db.$client;
  const ids = (where: string, ...params: unknown[]) =>
    (sqlite.prepare(`SELECT o.id FROM orders o WHERE ${where} ORDER BY o.created_at`).all(...params) as { id: number }[]).map((r) => r.id);
  const delivered = ids(`o.payment_status = 'paid' AND NOT EXISTS (SELECT 1 FROM order_parts x WHERE x.order_id = o.id AND x.status != 'delivered')`);
  const chosen = [
    delivered[Math.floor(delivered.length * 0.15)],
    delivered[Math.floor(delivered.length * 0.55)],
    delivered[Math.floor(delivered.length * 0.85)],
    ids("o.payment_status = 'expired'").at(-1),
    // The cooperative's goods on the way and just paid, from the recent orders.
    ids(`o.payment_status = 'paid' AND EXISTS (SELECT 1 FROM order_parts x WHERE x.order_id = o.id AND x.producer_id = ? AND x.status = 'shipped')`, producerId).at(-1),
    ids(`o.payment_status = 'paid' AND EXISTS (SELECT 1 FROM order_parts x WHERE x.order_id = o.id AND x.producer_id = ? AND x.status = 'paid')`, producerId).at(-1),
  ];
  const claim = sqlite.prepare("UPDATE orders SET user_id = ?, full_name = ?, email = ?, phone = '0912345678' WHERE id = ?");
  for (const id of new Set(chosen)) if (id !== undefined) claim.run(shopper.id, shopper.fullName, shopper.email, id);
}

/** Each order's timeline as the state machine would have written it. */
function writeTimelines(db: Db, now: number) {
  const sqlite = db.$client;
  // Collected first, then written in time order: a timeline reads its events by id.
  const events: [orderId: number, partId: number, action: string, from: string, to: string, source: string, note: string | null, at: number][] = [];
  const add = (...event: (typeof events)[number]) => events.push(event);
  const parts = sqlite
    .prepare(
      `SELECT op.id, op.order_id AS orderId, op.status, op.updated_at AS updatedAt, op.carrier, op.tracking_number AS trackingNumber,
         o.paid_at AS paidAt, o.expires_at AS expiresAt, o.payment_method AS method
       FROM order_parts op JOIN orders o ON o.id = op.order_id ORDER BY op.id`,
    )
    .all() as {
    id: number;
    orderId: number;
    status: string;
    updatedAt: number;
    carrier: string | null;
    trackingNumber: string | null;
    paidAt: number | null;
    expiresAt: number;
    method: string;
  }[];
  const steps = [
    ["confirm", "paid", "confirmed"],
    ["ship", "confirmed", "shipped"],
    ["deliver", "shipped", "delivered"],
  ] as const;
  const reached: Record<string, number> = { paid: 0, confirmed: 1, shipped: 2, delivered: 3 };
  for (const p of parts) {
    if (p.paidAt === null) {
      if (p.status === "cancelled") add(p.orderId, p.id, "expire", "awaiting_payment", "cancelled", "system", null, p.expiresAt);
      continue;
    }
    add(p.orderId, p.id, "pay", "awaiting_payment", "paid", p.method === "stripe" ? "stripe" : "bank", null, p.paidAt);
    const done = reached[p.status] ?? 0;
    const end = Math.min(now, Math.max(p.updatedAt, p.paidAt + DAY));
    steps.slice(0, done).forEach(([action, from, to], i) => {
      const note = action === "ship" && p.carrier ? `${p.carrier} ${p.trackingNumber ?? ""}`.trim() : null;
      add(p.orderId, p.id, action, from, to, "producer", note, Math.round(p.paidAt! + ((end - p.paidAt!) * (i + 1)) / done));
    });
    if (p.status === "refunded") add(p.orderId, p.id, "refund", "paid", "refunded", "staff", "Hoàn tiền theo yêu cầu của người mua", end);
  }
  const write = sqlite.prepare(
    `INSERT INTO order_events (order_id, part_id, action, from_status, to_status, source, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  events.sort((a, b) => a[0] - b[0] || a[7] - b[7] || a[1] - b[1]);
  for (const event of events) write.run(...event);
}

/**
 * The ledger rows the payments and deliveries would have added (ADR 0007), and payouts of what
 * was delivered more than two months ago, so producers' histories show payouts and what is
 * payable now is the last weeks' sales.
 */
function writeLedger(db: Db, now: number) {
  const sqlite = db.$client;
  const parts = `FROM order_parts op JOIN orders o ON o.id = op.order_id WHERE o.paid_at IS NOT NULL`;
  const row = (account: string, amount: string, memo: string, at: string, where: string) =>
    sqlite
      .prepare(
        `INSERT INTO ledger_entries (account, amount_vnd, producer_id, order_id, part_id, memo, created_at)
         SELECT '${account}', ${amount}, op.producer_id, op.order_id, op.id, '${memo}', ${at} ${parts} AND ${where} ORDER BY op.id`,
      )
      .run();
  const paidOrGone = `op.status IN ${PAID_PART} OR op.status = 'refunded'`;
  row("commission", "op.commission_vnd", "payment", "o.paid_at", paidOrGone);
  row("producer_pending", "op.total_vnd - op.commission_vnd", "payment", "o.paid_at", paidOrGone);
  row("producer_pending", "op.commission_vnd - op.total_vnd", "delivered", "op.updated_at", "op.status = 'delivered'");
  row("producer_payable", "op.total_vnd - op.commission_vnd", "delivered", "op.updated_at", "op.status = 'delivered'");
  row("commission", "-op.commission_vnd", "refund", "op.updated_at", "op.status = 'refunded'");
  row("producer_pending", "op.commission_vnd - op.total_vnd", "refund", "op.updated_at", "op.status = 'refunded'");
  row("refunded", "op.total_vnd", "refund", "op.updated_at", "op.status = 'refunded'");
  sqlite
    .prepare(
      `INSERT INTO refunds (order_id, part_id, amount_vnd, method, reason, created_at)
       SELECT op.order_id, op.id, op.total_vnd, 'bank', 'Hoàn tiền theo yêu cầu của người mua', op.updated_at ${parts} AND op.status = 'refunded' ORDER BY op.id`,
    )
    .run();

  // Paid out at the start of every other month, up to two months ago.
  const payable = sqlite.prepare(
    "SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE producer_id = ? AND account = 'producer_payable' AND created_at < ?",
  );
  const payout = sqlite.prepare("INSERT INTO ledger_entries (account, amount_vnd, producer_id, memo, created_at) VALUES (?, ?, ?, ?, ?)");
  const sellers = sqlite.prepare("SELECT DISTINCT producer_id AS id FROM ledger_entries WHERE account = 'producer_payable' ORDER BY id").all() as { id: number }[];
  for (const monthsAgo of [10, 8, 6, 4, 2]) {
    const at = new Date(now);
    at.setUTCMonth(at.getUTCMonth() - monthsAgo, 3);
    at.setUTCHours(3, 0, 0, 0);
    for (const { id } of sellers) {
      const amount = (payable.get(id, at.getTime()) as { s: number }).s;
      if (amount <= 0) continue;
      const memo = `payout UNC-${at.toISOString().slice(0, 10).replaceAll("-", "")}-${id}`;
      payout.run("producer_payable", -amount, id, memo, at.getTime());
      payout.run("producer_paid_out", amount, id, memo, at.getTime());
    }
  }
}

type Stars = 3 | 4 | 5;

/** What buyers say, by how many stars they gave: about any goods, and about each kind. */
const SAID_OF_GOODS: Record<Stars, string[]> = {
  5: [
    "Hàng đúng như mô tả, đóng gói cẩn thận, giao nhanh. Sẽ ủng hộ tiếp.",
    "Sản phẩm chuẩn OCOP, có tem truy xuất rõ ràng, yên tâm lắm.",
    "Giao hàng đúng hẹn, người bán gọi điện xác nhận rất chu đáo.",
    "Đóng gói chắc chắn, gửi ra Hà Nội vẫn nguyên vẹn. Năm sao!",
    "Mua làm quà biếu, ai nhận cũng thích. Hộp đẹp, hàng chất lượng.",
  ],
  4: [
    "Sản phẩm tốt, giá hợp lý. Giao hơi chậm một chút nhưng vẫn ổn.",
    "Chất lượng ổn, đúng như hình. Sẽ giới thiệu cho bạn bè.",
    "Hàng tốt, người bán nhiệt tình. Phí ship hơi cao với đơn nhỏ.",
  ],
  3: [
    "Hàng ổn nhưng hộp bị móp một góc khi nhận, may là bên trong không sao.",
    "Chất lượng được, giá hơi cao so với mặt bằng chung.",
  ],
};
const SAID_OF_KIND: Partial<Record<ProductGroup, Record<Stars, string[]>>> = {
  food: {
    5: ["Đặc sản quê nhà đúng vị, ăn là nhớ ngay. Rất hài lòng.", "Mua lần thứ hai rồi, vẫn ngon như lần đầu. Cảm ơn nhà sản xuất!", "Cả nhà đều khen ngon, mua làm quà Tết rất hợp."],
    4: ["Hàng ngon, bao bì đẹp. Mong có thêm loại gói nhỏ.", "Ăn thấy thích, chỉ tiếc là hết hàng nhanh quá phải chờ đợt sau."],
    3: ["Tạm được, vị hơi đậm so với khẩu vị nhà mình. Giao hàng nhanh."],
  },
  beverage: {
    5: ["Hương vị thơm, đậm đà đúng chất vùng cao. Sáng nào cũng pha một ấm.", "Uống thử một lần là mê, đã đặt thêm cho bố mẹ."],
    4: ["Vị ngon, đóng gói kín. Mong có thêm loại hộp nhỏ để dùng thử."],
    3: ["Uống được, nhưng hợp khẩu vị người lớn tuổi hơn."],
  },
  herbal: {
    5: ["Dùng thấy hiệu quả, mùi thơm dễ chịu, có hướng dẫn dùng rõ ràng."],
    4: ["Sản phẩm tốt, nguồn gốc rõ ràng. Giá hơi cao nhưng đáng tiền."],
    3: ["Dùng tạm ổn, chưa thấy khác biệt nhiều so với loại đang dùng."],
  },
  handicraft: {
    5: ["Làm tay rất tỉ mỉ, nhìn ngoài đẹp hơn trong ảnh.", "Đồ thủ công đẹp, chắc chắn, trưng trong nhà ai cũng hỏi mua ở đâu."],
    4: ["Đẹp và chắc, màu hơi khác ảnh một chút nhưng vẫn ưng."],
    3: ["Hàng làm tay nên có vài chỗ chưa đều, dùng vẫn được."],
  },
  ornamental: {
    5: ["Cây khoẻ, dáng đẹp, đóng gói kỹ nên về nhà vẫn tươi.", "Hoa nở đúng dịp Tết, cả nhà rất vui. Cảm ơn nhà vườn!"],
    4: ["Cây đẹp, giao cẩn thận, chỉ có vài lá bị dập nhẹ."],
    3: ["Cây về hơi héo, chăm vài hôm mới tươi lại."],
  },
};
/** A tour or a stay is not packed or shipped: its guests speak of the day itself. */
const SAID_OF_TOURS: Record<Stars, string[]> = {
  5: ["Chuyến đi rất đáng nhớ, chủ nhà thân thiện, đồ ăn ngon.", "Hướng dẫn viên nhiệt tình, cảnh đẹp, giá hợp lý. Sẽ quay lại cùng gia đình."],
  4: ["Trải nghiệm hay, chỉ tiếc hôm đi trời mưa nên chưa đi hết được."],
  3: ["Được, nhưng lịch trình hơi gấp, nên có thêm thời gian nghỉ."],
};

function reviewTexts(group: ProductGroup, stars: Stars): string[] {
  if (group === "tourism") return SAID_OF_TOURS[stars];
  return [...SAID_OF_GOODS[stars], ...(SAID_OF_KIND[group]?.[stars] ?? [])];
}

/**
 * About three dozen reviews from buyers of delivered goods, a few on each of the best-selling
 * products so their pages show some, and the rating cache kept as addReview keeps it. The demo
 * shopper has reviewed one of their purchases and left the rest to try.
 */
function writeReviews(db: Db, { shopper, now }: DemoOrdersInput) {
  const sqlite = db.$client;
  const rnd = seededRandom("demo-reviews");
  const bought = sqlite
    .prepare(
      `SELECT i.order_id AS orderId, i.product_id AS productId, p.group_code AS "group", o.user_id AS userId, o.full_name AS fullName,
         op.updated_at AS deliveredAt
       FROM order_items i JOIN order_parts op ON op.id = i.part_id JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id
       WHERE op.status = 'delivered' ORDER BY i.id`,
    )
    .all() as { orderId: number; productId: number; group: ProductGroup; userId: number | null; fullName: string; deliveredAt: number }[];
  const byProduct = new Map<number, typeof bought>();
  for (const b of bought) byProduct.set(b.productId, [...(byProduct.get(b.productId) ?? []), b]);
  // The products bought most often first; up to four reviews each.
  const products = [...byProduct.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const chosen: typeof bought = [];
  const shopperBuys = bought.filter((b) => b.userId === shopper.id);
  if (shopperBuys[0]) chosen.push(shopperBuys[0]);
  for (const [, buys] of products) {
    if (chosen.length >= 36) break;
    chosen.push(...buys.filter((b) => b.userId === null).slice(0, 2 + Math.floor(rnd() * 3)));
  }
  const insert = sqlite.prepare(
    `INSERT INTO reviews (product_id, order_id, user_id, author_name, stars, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const rate = sqlite.prepare("UPDATE products SET rating_count = rating_count + 1, rating_sum = rating_sum + ? WHERE id = ?");
  for (const b of chosen.slice(0, 36)) {
    const r = rnd();
    const stars: Stars = r < 0.6 ? 5 : r < 0.88 ? 4 : 3;
    const texts = reviewTexts(b.group, stars);
    const body = texts[Math.floor(rnd() * texts.length)]!;
    const at = Math.min(now - 3_600_000, b.deliveredAt + Math.round((0.5 + rnd() * 4) * DAY));
    if (insert.run(b.productId, b.orderId, b.userId, reviewerName(b.fullName), stars, body, at).changes === 1) rate.run(stars, b.productId);
  }
}

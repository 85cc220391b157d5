/**
 * Complaints and returns (issue 19) through the real server: a buyer complains about a delivered part
 * with a photo, the producer's payable is held, a late complaint is refused, an unanswered one reaches
 * the province's staff after 48 hours, a decided refund moves money once, and another province's
 * staff neither see nor decide it. Time is moved by writing the part's and complaint's instants into
 * the past, as the payment tests do for lapsed orders.
 */
import Database from "better-sqlite3";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantStaff } from "~/domain/accounts/staff-grants.server";
import { deliverOrder } from "../setup/delivered-order";
import { signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const BANK_SECRET = "bank-secret-complaint-tests";
const DAY = 86_400_000;
let server: TestServer;
let writer: Database.Database;
let producerId: number;
let producerCookie: string;
let canThoStaff: string;
let hanoiStaff: string;

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const sumOf = (partId: number, account: string) =>
  row<{ s: number }>("SELECT coalesce(sum(amount_vnd), 0) AS s FROM ledger_entries WHERE part_id = ? AND account = ?", partId, account).s;

function post(path: string, fields: Record<string, string | number>, cookie = "") {
  const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return fetch(server.url + path, { method: "POST", body, redirect: "manual", headers: { cookie } });
}

async function delivered() {
  const product = row<{ id: number }>(
    `SELECT p.id FROM products p WHERE p.producer_id = ? AND p.status = 'live' AND p.producer_verified = 1 AND p.held_at IS NULL AND p.stock >= 2 AND ${soldInOneSize("p")} ORDER BY p.stock DESC LIMIT 1`,
    producerId,
  );
  return deliverOrder(server, { productId: product.id, quantity: 1, producerCookie, bankSecret: BANK_SECRET });
}

const photo = () => sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();

/** The guest buyer complains, through the order's secret link, as a browser without JS (multipart). */
async function complain(order: { code: string; token: string; partId: number }, photos: Buffer[] = []) {
  const form = new FormData();
  form.set("partId", String(order.partId));
  form.set("reason", "damaged");
  form.set("description", "Chai nước mắm bị vỡ, hàng chảy ra hết hộp.");
  for (const p of photos) form.append("photos", new Blob([new Uint8Array(p)], { type: "image/jpeg" }), "vo.jpg");
  return fetch(`${server.url}/orders/${order.code}/complaint?token=${encodeURIComponent(order.token)}`, { method: "POST", body: form, redirect: "manual" });
}

const complaintOf = (partId: number) =>
  row<{ id: number; status: string; answer_due_at: number } | undefined>("SELECT id, status, answer_due_at FROM complaints WHERE part_id = ?", partId);

beforeAll(async () => {
  server = await startServer({ BANK_WEBHOOK_SECRET: BANK_SECRET, VIETQR_ACCOUNT_NO: "257678859" });
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
  producerId = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
  producerCookie = await signIn(server, "producer@demo.local");
  canThoStaff = await signIn(server, "staff@demo.local");
  const signup = await post("/signup", { fullName: "Phạm Văn Hà Nội", login: "khieunai.hanoi@example.vn", password: "mat-khau-dai-1", role: "shopper" });
  expect(signup.status).toBe(303);
  expect(grantStaff(writer, "khieunai.hanoi@example.vn", { province: "01" })).toContain("staff of province 01");
  hanoiStaff = await signIn(server, "khieunai.hanoi@example.vn", "mat-khau-dai-1");
});

afterAll(async () => {
  writer?.close();
  await server?.stop();
});

describe("a complaint about a delivered part", () => {
  let order: Awaited<ReturnType<typeof delivered>>;

  beforeAll(async () => {
    order = await delivered();
  });

  it("is opened by the buyer with a photo, holds the producer's payable and shows on both sides", async () => {
    const payable = sumOf(order.partId, "producer_payable");
    expect(payable).toBeGreaterThan(0);
    const res = await complain(order, [await photo()]);
    expect(res.status).toBe(303);
    const complaint = complaintOf(order.partId)!;
    expect(complaint.status).toBe("awaiting_producer");
    expect(row<{ n: number }>("SELECT count(*) AS n FROM complaint_photos WHERE complaint_id = ?", complaint.id).n).toBe(1);
    expect(sumOf(order.partId, "producer_payable")).toBe(0);
    expect(sumOf(order.partId, "producer_held")).toBe(payable);
    // The producer is told through the outbox, in the same transaction.
    const told = row<{ n: number }>("SELECT count(*) AS n FROM messages WHERE kind = 'complaint_opened' AND recipient_producer_id = ? AND idempotency_key LIKE ?", producerId, `complaint:${complaint.id}:%`);
    expect(told.n).toBeGreaterThan(0);

    const buyerPage = parse(await (await fetch(`${server.url}${res.headers.get("location")}`)).text());
    expect(buyerPage.querySelector(`#complaint-${complaint.id}`)?.textContent).toContain("Chờ nhà sản xuất trả lời");
    const img = buyerPage.querySelector(`#complaint-${complaint.id} img`)!.getAttribute("src")!;
    const served = await fetch(server.url + img);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    // The photo is private: nobody else reaches it without the order's link.
    expect((await fetch(`${server.url}${img.split("?")[0]}`)).status).toBe(404);

    const sellerPage = await (await fetch(`${server.url}/seller/complaints`, { headers: { cookie: producerCookie } })).text();
    expect(parse(sellerPage).querySelector(`#complaint-${complaint.id}`)?.textContent).toContain("Chai nước mắm bị vỡ");
  });

  it("is refused a second time for the same part", async () => {
    const res = await complain(order);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Phần đơn này đã có khiếu nại");
  });

  it("reaches the province's staff when the producer has not answered in 48 hours", async () => {
    const complaint = complaintOf(order.partId)!;
    expect(complaint.answer_due_at - Date.now()).toBeGreaterThan(47 * 3_600_000);
    writer.prepare("UPDATE complaints SET answer_due_at = ?, created_at = created_at - ? WHERE id = ?").run(Date.now() - 1_000, 2 * DAY, complaint.id);
    const page = parse(await (await fetch(`${server.url}/staff/complaints`, { headers: { cookie: canThoStaff } })).text());
    expect(page.querySelector(`#complaint-${complaint.id}`)?.textContent).toContain("Cán bộ tỉnh đang xem xét");
    expect(complaintOf(order.partId)!.status).toBe("with_staff");
    // The producer can no longer answer it.
    const late = await post("/seller/complaints", { intent: "refund", complaintId: complaint.id }, producerCookie);
    expect(late.status).toBe(409);
  });

  it("is invisible to another province's staff, who cannot decide it", async () => {
    const complaint = complaintOf(order.partId)!;
    const page = parse(await (await fetch(`${server.url}/staff/complaints`, { headers: { cookie: hanoiStaff } })).text());
    expect(page.querySelector(`#complaint-${complaint.id}`)).toBeNull();
    const res = await post("/staff/complaints", { complaintId: complaint.id, decision: "refund", note: "Hoàn tiền cho khách" }, hanoiStaff);
    expect(res.status).toBe(404);
    expect(complaintOf(order.partId)!.status).toBe("with_staff");
  });

  it("moves the money once when staff decide a refund, even when the decision is sent twice", async () => {
    const complaint = complaintOf(order.partId)!;
    const total = row<{ total_vnd: number }>("SELECT total_vnd FROM order_parts WHERE id = ?", order.partId).total_vnd;
    const [first, second] = await Promise.all([
      post("/staff/complaints", { complaintId: complaint.id, decision: "refund", note: "Hàng vỡ, hoàn tiền cho khách" }, canThoStaff),
      post("/staff/complaints", { complaintId: complaint.id, decision: "refund", note: "Hàng vỡ, hoàn tiền cho khách" }, canThoStaff),
    ]);
    expect([first.status, second.status].sort()).toEqual([303, 409]);
    expect(row<{ n: number; s: number }>("SELECT count(*) AS n, sum(amount_vnd) AS s FROM refunds WHERE part_id = ?", order.partId)).toEqual({ n: 1, s: total });
    expect(sumOf(order.partId, "refunded")).toBe(total);
    expect(sumOf(order.partId, "producer_held")).toBe(0);
    expect(sumOf(order.partId, "producer_payable")).toBe(0);
    expect(row<{ status: string }>("SELECT status FROM order_parts WHERE id = ?", order.partId).status).toBe("refunded");
    expect(complaintOf(order.partId)!.status).toBe("refunded");
    // The buyer sees the decision with its date.
    const buyer = parse(await (await fetch(`${server.url}/orders/${order.code}/complaint?token=${encodeURIComponent(order.token)}`)).text());
    expect(buyer.querySelector(`#complaint-${complaint.id}`)?.textContent).toContain("Hoàn tiền cho người mua");
  });
});

describe("deadlines and the producer's answers", () => {
  it("refuses a complaint more than 7 days after delivery", async () => {
    const order = await delivered();
    writer.prepare("UPDATE order_parts SET updated_at = ? WHERE id = ?").run(Date.now() - 8 * DAY, order.partId);
    const res = await complain(order);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Đã quá 7 ngày");
    expect(complaintOf(order.partId)).toBeUndefined();
  });

  it("sends a rejected complaint to staff, whose rejection makes the payable payable again", async () => {
    const order = await delivered();
    const payable = sumOf(order.partId, "producer_payable");
    expect((await complain(order)).status).toBe(303);
    const complaint = complaintOf(order.partId)!;
    const missingReason = await post("/seller/complaints", { intent: "reject", complaintId: complaint.id, note: "" }, producerCookie);
    expect(missingReason.status).toBe(400);
    const rejected = await post("/seller/complaints", { intent: "reject", complaintId: complaint.id, note: "Ảnh không phải hàng của chúng tôi" }, producerCookie);
    expect(rejected.status).toBe(303);
    expect(complaintOf(order.partId)!.status).toBe("with_staff");
    const decided = await post("/staff/complaints", { complaintId: complaint.id, decision: "reject", note: "Không đủ bằng chứng" }, canThoStaff);
    expect(decided.status).toBe(303);
    expect(complaintOf(order.partId)!.status).toBe("rejected");
    expect(sumOf(order.partId, "producer_payable")).toBe(payable);
    expect(sumOf(order.partId, "producer_held")).toBe(0);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM refunds WHERE part_id = ?", order.partId).n).toBe(0);
  });

  it("refunds once the goods come back when the producer asks for them", async () => {
    const order = await delivered();
    expect((await complain(order)).status).toBe(303);
    const complaint = complaintOf(order.partId)!;
    expect((await post("/seller/complaints", { intent: "return", complaintId: complaint.id }, producerCookie)).status).toBe(303);
    expect(complaintOf(order.partId)!.status).toBe("awaiting_return");
    expect((await post("/seller/complaints", { intent: "returnReceived", complaintId: complaint.id }, producerCookie)).status).toBe(303);
    expect(complaintOf(order.partId)!.status).toBe("refunded");
    expect(row<{ n: number }>("SELECT count(*) AS n FROM refunds WHERE part_id = ?", order.partId).n).toBe(1);
  });

  it("counts complaints opened and resolved for staff", async () => {
    const page = parse(await (await fetch(`${server.url}/staff/complaints`, { headers: { cookie: canThoStaff } })).text());
    const figures = page.querySelectorAll("dl dd").map((d) => d.textContent);
    // Three opened (the late one was refused), three closed: refunded, rejected, refunded after the return.
    expect(figures[0]).toBe("3");
    expect(figures[1]).toBe("3");
  });
});

/**
 * Messages through the real server (ADR 0024): an order placed and paid over HTTP puts the right
 * messages in the outbox, the server's own worker delivers them — to the development outbox page
 * outside production, to the eSMS double when eSMS is set up — and eSMS's delivery report updates them.
 */
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { startEsmsDouble, type EsmsDouble } from "../doubles/esms";
import { startSmtpDouble, type SmtpDouble } from "../doubles/smtp";
import { startZnsDouble, type ZnsDouble } from "../doubles/zns";
import { nextBuyerPhone } from "../setup/buyers";
import { cookieOf, getPage, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

const BANK_SECRET = "bank-secret-for-message-tests";

/** Polls `check` until it returns a value, failing after `ms`: the worker runs in the server's own time. */
async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface MessageRow {
  id: number;
  kind: string;
  channel: string;
  recipient_address: string;
  status: string;
  provider_id: string | null;
  body: string;
  link: string;
}

function helpers(server: () => TestServer) {
  const row = <T>(sql: string, ...params: unknown[]) => server().db.prepare(sql).get(...params) as T | undefined;
  const post = (path: string, fields: Record<string, string>, cookie = "") =>
    fetch(server().url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
  /** A guest buys one unit of the demo producer's product, as a browser without JavaScript would. */
  async function checkout(phone: string): Promise<{ code: string; token: string; total: number }> {
    const product = row<{ id: number }>(
      `SELECT products.id FROM products JOIN producers ON producers.id = products.producer_id JOIN users ON users.id = producers.owner_user_id
       WHERE users.email = 'producer@demo.local' AND products.status = 'live' AND products.stock >= 5 AND ${soldInOneSize()} ORDER BY products.id LIMIT 1`,
    )!;
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1")!;
    const added = await post("/cart", { intent: "add", productId: String(product.id), quantity: "1" });
    expect(added.status).toBe(303);
    const res = await post(
      "/checkout",
      { fullName: "Trần Văn Nhắn", phone, provinceCode: "92", wardCode: ward.code, addressLine: "5 Hai Bà Trưng", paymentMethod: "vietqr" },
      cookieOf(added),
    );
    expect(res.status).toBe(303);
    const url = new URL(res.headers.get("location")!, server().url);
    const code = url.pathname.split("/")[2]!;
    const total = row<{ total_vnd: number }>("SELECT total_vnd FROM orders WHERE code = ?", code)!.total_vnd;
    return { code, token: url.searchParams.get("token")!, total };
  }
  async function pay(order: { code: string; total: number }) {
    const body = JSON.stringify({
      transactionId: `FT${randomBytes(6).toString("hex")}`,
      amount: order.total,
      description: `CK ${order.code}`,
      accountNumber: "257678859",
      occurredAt: new Date().toISOString(),
    });
    const signature = `sha256=${createHmac("sha256", BANK_SECRET).update(body, "utf8").digest("hex")}`;
    const res = await fetch(`${server().url}/webhooks/bank-transfer`, { method: "POST", body, headers: { "Content-Type": "application/json", "X-Signature": signature } });
    expect(await res.json()).toMatchObject({ outcome: "applied" });
  }
  const messagesTo = (address: string) => server().db.prepare("SELECT * FROM messages WHERE recipient_address = ? ORDER BY id").all(address) as MessageRow[];
  return { row, checkout, pay, messagesTo };
}

describe("outside production: the development outbox", () => {
  let server: TestServer;
  const { checkout, pay, messagesTo } = helpers(() => server);
  beforeAll(async () => {
    server = await startServer({ NODE_ENV: "development", BANK_WEBHOOK_SECRET: BANK_SECRET });
  });
  afterAll(async () => server?.stop());

  it("lists the paid order's message for the producer and the buyer's, delivered, with their links", async () => {
    const phone = nextBuyerPhone();
    const order = await checkout(phone);
    await pay(order);
    const buyer = `84${phone.slice(1)}`;
    const delivered = await eventually(() => {
      const rows = messagesTo(buyer);
      return rows.length === 2 && rows.every((m) => m.status === "delivered") ? rows : undefined;
    }, "the buyer's two messages");
    expect(delivered.map((m) => m.kind)).toEqual(["order_placed", "order_paid"]);

    const page = await getPage(`${server.url}/dev/outbox`);
    expect(page.status).toBe(200);
    const forProducer = page.doc.querySelectorAll("li[data-message-kind='new_paid_order']").find((li) => li.textContent.includes(order.code));
    expect(forProducer, "the producer's message on /dev/outbox").toBeDefined();
    expect(forProducer!.textContent).toContain(`Đơn mới ${order.code} đã thanh toán`);
    expect(forProducer!.querySelector("a")!.getAttribute("href")).toMatch(/^http:\/\/localhost:\d+\/seller\/orders$/);
    const placed = page.doc.querySelectorAll("li[data-message-kind='order_placed']").find((li) => li.textContent.includes(order.code))!;
    expect(placed.textContent).toContain(buyer);
    expect(placed.textContent).toContain(`nội dung ${order.code}`);

    // The buyer's link opens their order: it carries the guest's token.
    const link = new URL(placed.querySelector("a")!.getAttribute("href")!);
    expect(link.searchParams.get("token")).toBe(order.token);
    const orderPage = await getPage(`${server.url}${link.pathname}${link.search}`);
    expect(orderPage.status).toBe(200);
    expect(orderPage.text).toContain(order.code);
  });
});

describe("a password reset by a code sent through the outbox", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ NODE_ENV: "development" });
  });
  afterAll(async () => server?.stop());
  const post = (path: string, fields: Record<string, string>) => fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual" });
  const codeSentTo = (address: string) =>
    server.db.prepare("SELECT body FROM messages WHERE kind = 'password_code' AND recipient_address = ? ORDER BY id DESC").pluck().get(address) as string | undefined;

  it("answers a login with and without an account alike, and sends the code only to the account", async () => {
    const known = await post("/login/forgot", { login: "shopper@demo.local" });
    const unknown = await post("/login/forgot", { login: "nobody-here@demo.local" });
    expect([known.status, unknown.status]).toEqual([303, 303]);
    expect(known.headers.get("location")).toBe("/login/reset?login=shopper%40demo.local&sent=1");
    expect(unknown.headers.get("location")).toBe("/login/reset?login=nobody-here%40demo.local&sent=1");
    const page = await getPage(`${server.url}${unknown.headers.get("location")}`);
    expect(page.text).toContain("Nếu đó là tài khoản trên Chợ OCOP, mã đã được gửi.");
    expect(codeSentTo("shopper@demo.local")).toMatch(/mã đặt lại mật khẩu của bạn là \d{6}/);
    expect(codeSentTo("nobody-here@demo.local")).toBeUndefined();
  });

  it("sets the new password with the code, once; five wrong codes lock the code", async () => {
    expect((await post("/login/forgot", { login: "producer@demo.local" })).status).toBe(303);
    const code = /là (\d{6})/.exec(codeSentTo("producer@demo.local")!)![1]!;
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 5; i++) {
      const res = await post("/login/reset", { login: "producer@demo.local", code: wrong, password: "mat-khau-moi-1" });
      expect(res.status).toBe(400);
      const text = (await getPageFrom(res)).text;
      expect(text).toContain(i < 5 ? "Mã không đúng hoặc đã hết hạn." : "Nhập sai mã 5 lần: mã này đã bị khóa.");
    }
    const locked = await post("/login/reset", { login: "producer@demo.local", code, password: "mat-khau-moi-1" });
    expect(locked.status).toBe(400);
    expect((await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ login: "producer@demo.local", password: "demo-password" }), redirect: "manual" })).status).toBe(303);

    expect((await post("/login/forgot", { login: "producer@demo.local" })).status).toBe(303);
    const fresh = /là (\d{6})/.exec(codeSentTo("producer@demo.local")!)![1]!;
    const done = await post("/login/reset", { login: "producer@demo.local", code: fresh, password: "mat-khau-moi-1" });
    expect([done.status, done.headers.get("location")]).toEqual([303, "/login"]);
    expect((await post("/login/reset", { login: "producer@demo.local", code: fresh, password: "mat-khau-moi-2" })).status).toBe(400);
    const old = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ login: "producer@demo.local", password: "demo-password" }), redirect: "manual" });
    expect(old.status).toBe(400);
    await signIn(server, "producer@demo.local", "mat-khau-moi-1");
  });
});

describe("e-mail through an SMTP server (nodemailer, a real SMTP listener)", () => {
  let server: TestServer;
  let smtp: SmtpDouble;
  let writer: Database.Database;
  beforeAll(async () => {
    smtp = await startSmtpDouble();
    server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "Chợ OCOP <no-reply@cho-ocop.test>" });
    writer = new Database(server.databasePath);
    writer.pragma("busy_timeout = 5000");
  });
  afterAll(async () => {
    writer?.close();
    await server?.stop();
    await smtp?.stop();
  });
  const forgot = (login: string) => fetch(`${server.url}/login/forgot`, { method: "POST", body: new URLSearchParams({ login }), redirect: "manual" });
  const codeMessage = (address: string) =>
    server.db.prepare("SELECT id, status, provider_id, provider_reason, attempts FROM messages WHERE kind = 'password_code' AND recipient_address = ? ORDER BY id DESC").get(address) as
      | { id: number; status: string; provider_id: string | null; provider_reason: string | null; attempts: number }
      | undefined;

  it("delivers a password code by SMTP once, with our id as its Message-ID, and marks it accepted", async () => {
    expect((await forgot("shopper@demo.local")).status).toBe(303);
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes("shopper@demo.local")), "the e-mail");
    expect(mail.from).toBe("no-reply@cho-ocop.test");
    expect(mail.text()).toMatch(/mã đặt lại mật khẩu của bạn là \d{6}/);
    const row = await eventually(() => {
      const r = codeMessage("shopper@demo.local");
      return r?.status === "accepted" ? r : undefined;
    }, "the message accepted");
    expect(mail.header("Message-ID")).toBe(row.provider_id);
    expect(smtp.mails.filter((m) => m.header("Message-ID") === row.provider_id)).toHaveLength(1);
  });

  it("tries again after a temporary refusal (451) and sends the mail once; a refusal for good (550) fails it for staff", async () => {
    smtp.refuseNext(1, 451);
    const before = smtp.mails.length;
    expect((await forgot("admin@demo.local")).status).toBe(303);
    const waiting = await eventually(() => {
      const r = codeMessage("admin@demo.local");
      return r?.status === "pending" && r.attempts === 1 ? r : undefined;
    }, "the refused message to wait for its retry");
    expect(waiting.provider_reason).toContain("Try again later");
    expect(smtp.mails.length).toBe(before);
    // The retry is due in a minute: the test brings that minute forward instead of waiting it.
    writer.prepare("UPDATE messages SET next_attempt_at = 0 WHERE id = ?").run(waiting.id);
    // Any new message wakes the worker at once (its own tick is every 15 s): another person's code.
    expect((await forgot("producer@demo.local")).status).toBe(303);
    const sent = await eventually(() => {
      const r = codeMessage("admin@demo.local");
      return r?.status === "accepted" ? r : undefined;
    }, "the retried message accepted");
    expect(smtp.mails.filter((m) => m.header("Message-ID") === sent.provider_id)).toHaveLength(1);

    smtp.refuseNext(1, 550);
    expect((await forgot("staff@demo.local")).status).toBe(303);
    const failed = await eventually(() => {
      const r = codeMessage("staff@demo.local");
      return r?.status === "failed" ? r : undefined;
    }, "the message refused for good");
    expect(failed.provider_reason).toContain("No such mailbox");
  });
});

describe("Zalo ZNS with its delivery reports (the OA webhook)", () => {
  const OA_SECRET = "oa-secret-key";
  let server: TestServer;
  let zns: ZnsDouble;
  const { checkout, row } = helpers(() => server);
  beforeAll(async () => {
    zns = await startZnsDouble({ appId: "app-zalo", appSecret: "app-secret", refreshToken: "first-refresh" });
    server = await startServer({
      ZALO_APP_ID: "app-zalo",
      ZALO_APP_SECRET: "app-secret",
      ZALO_REFRESH_TOKEN: "first-refresh",
      ZALO_API_BASE: zns.url,
      ZALO_OAUTH_BASE: zns.url,
      ZALO_TEMPLATES: "order_placed:1001,order_paid:1002,new_paid_order:1003",
      ZALO_OA_SECRET_KEY: OA_SECRET,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await zns?.close();
  });
  const report = (body: string, signature: string) =>
    fetch(`${server.url}/webhooks/zalo`, { method: "POST", body, headers: { "Content-Type": "application/json", "X-ZEvent-Signature": signature } });

  it("sends the order's ZNS once and marks it delivered on Zalo's signed report, however often it comes; a forged one changes nothing", async () => {
    const phone = nextBuyerPhone();
    const order = await checkout(phone);
    const address = `84${phone.slice(1)}`;
    const message = await eventually(
      () => row<{ id: number; status: string }>("SELECT id, status FROM messages WHERE kind = 'order_placed' AND recipient_address = ? AND status = 'accepted'", address),
      "the ZNS accepted",
    );
    const sent = zns.sent.filter((m) => m.tracking_id === `ocop-msg-${message.id}`);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.template_data)).toContain(order.code);

    const forged = zns.deliveryReport(`ocop-msg-${message.id}`, "not the OA's secret");
    expect((await report(forged.body, forged.signature)).status).toBe(401);
    expect(row<{ status: string }>("SELECT status FROM messages WHERE id = ?", message.id)!.status).toBe("accepted");

    const signed = zns.deliveryReport(`ocop-msg-${message.id}`, OA_SECRET);
    expect((await report(signed.body, signed.signature)).status).toBe(200);
    expect((await report(signed.body, signed.signature)).status).toBe(200);
    expect(row<{ status: string; delivered_at: number | null }>("SELECT status, delivered_at FROM messages WHERE id = ?", message.id)).toMatchObject({ status: "delivered" });
  });
});

async function getPageFrom(res: Response) {
  const { parse } = await import("node-html-parser");
  const doc = parse(await res.text());
  doc.querySelectorAll("script, style").forEach((el) => el.remove());
  return { text: doc.textContent.replace(/\s+/g, " ") };
}

describe("a person's message choices, without JavaScript", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.stop());

  it("offers every kind of the role, keeps what must be sent on, and saves a kind turned off", async () => {
    const cookie = await signIn(server, "producer@demo.local");
    const page = await getPage(`${server.url}/account/messages`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const select = (kind: string) => page.doc.querySelector(`select[name='${kind}']`)!;
    expect(select("new_paid_order").querySelectorAll("option").map((o) => o.getAttribute("value"))).toEqual(["", "zalo", "sms", "email"]);
    expect(select("review_received").querySelectorAll("option").map((o) => o.getAttribute("value"))).toEqual(["", "zalo", "sms", "email", "off"]);
    expect(page.doc.querySelector("select[name='staff_digest']")).toBeNull();

    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}/account/messages`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie }, redirect: "manual" });
    expect((await post({ new_paid_order: "off" })).status).toBe(400);
    expect((await post({ review_received: "fax" })).status).toBe(400);
    const saved = await post({ review_received: "off", question_asked: "email" });
    expect([saved.status, saved.headers.get("location")]).toEqual([303, "/account/messages"]);
    const rows = server.db
      .prepare("SELECT kind, choice FROM message_preferences JOIN users ON users.id = message_preferences.user_id WHERE users.email = 'producer@demo.local' ORDER BY kind")
      .all();
    expect(rows).toEqual([
      { kind: "question_asked", choice: "email" },
      { kind: "review_received", choice: "off" },
    ]);
    const again = await getPage(`${server.url}/account/messages`, { headers: { cookie } });
    expect(again.doc.querySelector("select[name='review_received'] option[selected]")?.getAttribute("value")).toBe("off");
  });
});

describe("in production, with eSMS set up (against its double)", () => {
  let server: TestServer;
  let esms: EsmsDouble;
  const { checkout, messagesTo } = helpers(() => server);
  beforeAll(async () => {
    esms = await startEsmsDouble({ apiKey: "esms-key", secretKey: "esms-secret" });
    server = await startServer({
      BANK_WEBHOOK_SECRET: BANK_SECRET,
      ESMS_API_KEY: "esms-key",
      ESMS_SECRET_KEY: "esms-secret",
      ESMS_BRANDNAME: "CHOOCOP",
      ESMS_API_BASE: esms.url,
      ESMS_CALLBACK_SECRET: "cb-secret",
      PUBLIC_ORIGIN: "https://cho-ocop.example",
    });
  });
  afterAll(async () => {
    await server?.stop();
    await esms?.close();
  });

  it("has no development outbox", async () => {
    expect((await getPage(`${server.url}/dev/outbox`)).status).toBe(404);
  });

  it("sends the order's SMS once, and eSMS's delivery report marks it delivered, however often it comes", async () => {
    const phone = nextBuyerPhone();
    const order = await checkout(phone);
    const sms = await eventually(() => esms.sent.find((s) => s.Phone === phone), "the SMS at the eSMS double");
    expect(sms.Content).toContain(`Cho OCOP: da nhan don ${order.code}`);
    expect(sms.Content).toContain(`https://cho-ocop.example/orders/${order.code}?token=`);
    expect(sms.Brandname).toBe("CHOOCOP");
    expect(sms.CallbackUrl).toBe("https://cho-ocop.example/webhooks/esms?k=cb-secret");
    const [message] = await eventually(() => {
      const rows = messagesTo(`84${phone.slice(1)}`);
      return rows[0]?.status === "accepted" ? rows : undefined;
    }, "the message accepted");
    expect([message!.channel, message!.provider_id, sms.RequestId]).toEqual(["sms", sms.SMSID, `ocop-msg-${message!.id}`]);

    const report = (k: string) =>
      fetch(`${server.url}/webhooks/esms?${new URLSearchParams({ k, SMSID: sms.SMSID, RequestId: sms.RequestId, SendStatus: "5", SendSuccess: "1", SendFailed: "0", phonenumber: phone })}`);
    expect((await report("wrong")).status).toBe(403);
    expect(messagesTo(`84${phone.slice(1)}`)[0]!.status).toBe("accepted");
    for (let i = 0; i < 2; i++) expect((await report("cb-secret")).status).toBe(200);
    expect(messagesTo(`84${phone.slice(1)}`).map((m) => m.status)).toEqual(["delivered"]);
    expect(esms.sent.filter((s) => s.Phone === phone)).toHaveLength(1);
  });

  it("shows staff of the province a failure and why, and sends it again when they ask", async () => {
    const phone = nextBuyerPhone();
    esms.blocked.add(phone);
    const order = await checkout(phone);
    const address = `84${phone.slice(1)}`;
    const [failed] = await eventually(() => {
      const rows = messagesTo(address);
      return rows[0]?.status === "failed" ? rows : undefined;
    }, "the message failed");
    const staff = await signIn(server, "staff@demo.local");
    const page = await getPage(`${server.url}/staff/messages?status=failed`, { headers: { cookie: staff } });
    expect(page.status).toBe(200);
    const item = page.doc.querySelectorAll("li").find((li) => li.textContent.includes(address))!;
    expect(item.textContent).toContain(`Đơn ${order.code}: chờ thanh toán`);
    expect(item.textContent).toContain("eSMS 99: Thuê bao bị chặn");

    esms.blocked.delete(phone);
    const resend = await fetch(`${server.url}/staff/messages`, {
      method: "POST",
      body: new URLSearchParams({ intent: "resend", id: String(failed!.id) }),
      headers: { cookie: staff },
      redirect: "manual",
    });
    expect(resend.status).toBe(303);
    await eventually(() => (messagesTo(address)[0]?.status === "accepted" ? true : undefined), "the message sent again");
    expect(esms.sent.filter((s) => s.Phone === phone).map((s) => s.RequestId)).toEqual([`ocop-msg-${failed!.id}`]);
    // Resent once; a second press finds nothing failed to send.
    const again = await fetch(`${server.url}/staff/messages`, { method: "POST", body: new URLSearchParams({ intent: "resend", id: String(failed!.id) }), headers: { cookie: staff }, redirect: "manual" });
    expect(again.status).toBe(404);
  });

  it("answers 400, not 500, to a report that names no message of ours", async () => {
    const res = await fetch(`${server.url}/webhooks/esms?k=cb-secret&RequestId=%27%3B--&SendStatus=5`);
    expect(res.status).toBe(400);
  });
});

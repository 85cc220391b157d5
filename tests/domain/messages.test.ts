import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { certificates, messages, orders as ordersTable, providerTokens, users } from "~/db/schema";
import { askQuestion } from "~/domain/catalog/questions.server";
import { producerBalances } from "~/domain/ledger/ledger.server";
import { enqueueScheduledMessages, enqueueStaffDigests } from "~/domain/messages/scheduled.server";
import { messagesForStaff, resendMessage } from "~/domain/messages/staff-messages.server";
import { addReview } from "~/domain/orders/reviews.server";
import { recordPayout } from "~/domain/payments/payouts.server";
import { decideVerification } from "~/domain/producers/verification.server";
import { addDays, todayInVietnam } from "~/domain/shared/dates";
import { enqueueOrderPlaced, enqueueQuestionAsked } from "~/domain/messages/events.server";
import { preferencesFor, savePreferences, unsubscribeByToken } from "~/domain/messages/preferences.server";
import { emailContent } from "~/domain/messages/providers/email.server";
import { claimDueMessages, deliverDueMessages, recordResult, sendClaimed } from "~/domain/messages/outbox.server";
import { LEASE_MS } from "~/domain/messages/retry";
import { movePart, partsOfOrder } from "~/domain/orders/order-moves.server";
import { receiveBankTransfer } from "~/domain/payments/bank-transfer.server";
import { formatVnd } from "~/domain/shared/money";
import { settings } from "~/settings.server";
import { startEsmsDouble, type EsmsDouble } from "../doubles/esms";
import { startZnsDouble, type ZnsDouble } from "../doubles/zns";
import { aProducer, aProduct, anOrder, aUser } from "../factories";

const messagesOfOrder = (code: string) =>
  getDb()
    .select()
    .from(messages)
    .all()
    .filter((m) => m.body.includes(code));
const summary = (rows: (typeof messages.$inferSelect)[]) => rows.map((m) => [m.kind, m.channel, m.recipientAddress]).sort();
let transfers = 0;
const pay = (order: { code: string; totalVnd: number }) =>
  receiveBankTransfer({
    transactionId: `msg-tx-${++transfers}`,
    amount: order.totalVnd,
    description: `CK ${order.code}`,
    accountNumber: settings.vietQrAccount.accountNo,
    occurredAt: new Date().toISOString(),
  });
/** An instant given as Vietnam's wall-clock time. */
const vn = (text: string) => Date.parse(`${text}+07:00`);

function clearMessageSettings() {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("ZALO_") || name.startsWith("ESMS_") || name === "SMTP_URL") delete process.env[name];
  }
}

describe("what each event sends, and to whom (no provider set up: every message goes to the development outbox)", () => {
  beforeAll(clearMessageSettings);

  it("an order placed tells the buyer how to pay and by when, with the order's own link", () => {
    const producer = aProducer();
    const order = anOrder([{ productId: aProduct(producer, { priceVnd: 120_000 }).id, quantity: 2 }], { phone: "0912000111" });
    const sent = messagesOfOrder(order.code);
    expect(summary(sent)).toEqual([["order_placed", "zalo", "84912000111"]]);
    const [placed] = sent;
    expect(placed!.locale).toBe("vi");
    expect(placed!.body).toContain(`nội dung ${order.code}`);
    expect(placed!.body).toContain(settings.vietQrAccount.accountNo);
    expect(placed!.body).toContain("260.000");
    // A guest has no account: the link carries the order's access token, as the order page's own link does.
    expect(placed!.link).toBe(`http://localhost:${settings.port}/orders/${order.code}?token=${encodeURIComponent(order.accessToken)}`);
    expect(placed!.body.endsWith(placed!.link)).toBe(true);
  });

  it("the same event enqueued twice is one message", () => {
    const order = anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }]);
    enqueueOrderPlaced(getDb(), order.id, order.accessToken, Date.now());
    expect(messagesOfOrder(order.code)).toHaveLength(1);
  });

  it("paid: each producer learns what to ship and by when; the buyer hears once for the whole order", () => {
    const fish = aProducer({ phone: "0987000001" });
    const tea = aProducer({ phone: "0987000002", provinceCode: "01" });
    const order = anOrder(
      [
        { productId: aProduct(fish, { name: "Nước mắm cá cơm", unit: "chai" }).id, quantity: 2 },
        { productId: aProduct(tea).id, quantity: 1 },
      ],
      { phone: "0912000222" },
    );
    expect(pay(order).outcome).toBe("applied");
    const sent = messagesOfOrder(order.code);
    expect(summary(sent)).toEqual(
      [
        ["order_placed", "zalo", "84912000222"],
        ["order_paid", "zalo", "84912000222"],
        ["new_paid_order", "zalo", "84987000001"],
        ["new_paid_order", "zalo", "84987000002"],
      ].sort(),
    );
    const toFish = sent.find((m) => m.recipientAddress === "84987000001")!;
    expect(toFish.body).toContain("Cần gửi: 2 chai Nước mắm cá cơm");
    expect(toFish.body).toMatch(/Gửi hàng trước \d{2}\/\d{2}\/\d{4}/);
    expect(toFish.link).toBe(`http://localhost:${settings.port}/seller/orders`);
    expect(toFish.provinceCode).toBe("92");
    expect(sent.find((m) => m.recipientAddress === "84987000002")!.provinceCode).toBe("01");
  });

  it("shipped with its tracking number, delivered with a review invitation, refunded with the amount: to the buyer", () => {
    const producer = aProducer();
    const order = anOrder([{ productId: aProduct(producer, { priceVnd: 90_000 }).id, quantity: 1 }], { phone: "0912000333" });
    pay(order);
    const actor = { source: "producer" as const, userId: producer.ownerUserId };
    movePart(partsOfOrder(order.id)[0]!, "confirm", actor);
    movePart(partsOfOrder(order.id)[0]!, "ship", actor, { carrier: "GHN", trackingNumber: "GHN777" });
    movePart(partsOfOrder(order.id)[0]!, "deliver", actor);
    movePart(partsOfOrder(order.id)[0]!, "refund", { source: "staff", userId: null });
    const toBuyer = messagesOfOrder(order.code).filter((m) => m.recipientAddress === "84912000333");
    expect(toBuyer.map((m) => m.kind)).toEqual(["order_placed", "order_paid", "part_shipped", "part_delivered", "part_refunded"]);
    expect(toBuyer[2]!.body).toContain("qua GHN, mã vận đơn GHN777");
    expect(toBuyer[3]!.body).toContain("Mời bạn đánh giá");
    expect(toBuyer[4]!.body).toContain(`đã hoàn ${formatVnd(110_000)} cho đơn ${order.code}`);
  });

  it("speaks English to a producer whose account chose it, and e-mails a buyer without a Vietnamese mobile number", () => {
    const producer = aProducer();
    getDb().update(users).set({ locale: "en" }).where(eq(users.id, producer.ownerUserId!)).run();
    const order = anOrder([{ productId: aProduct(producer).id, quantity: 1 }], { phone: "+4915112345678", email: "Anna@Example.de" });
    const [placed] = messagesOfOrder(order.code);
    expect([placed!.channel, placed!.recipientAddress, placed!.locale]).toEqual(["email", "anna@example.de", "vi"]);
    pay(order);
    const toProducer = messagesOfOrder(order.code).find((m) => m.kind === "new_paid_order")!;
    expect(toProducer.locale).toBe("en");
    expect(toProducer.subject).toBe(`New paid order ${order.code}`);
    expect(toProducer.body).toMatch(/Ship by \d{1,2} \w{3} \d{4}/);
  });

  it("the worker delivers every due message to the development outbox, once", async () => {
    const order = anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }]);
    pay(order);
    await deliverDueMessages();
    const rows = messagesOfOrder(order.code);
    expect(rows.length).toBe(3);
    for (const row of rows) expect([row.status, row.providerId, row.attempts]).toEqual(["delivered", `dev-${row.id}`, 1]);
    expect(await deliverDueMessages()).toBe(0);
  });
});

describe("more events, quiet hours and scheduled messages (development outbox)", () => {
  beforeAll(clearMessageSettings);
  const staff = () => aUser({ role: "central_staff" });
  const to = (address: string) => getDb().select().from(messages).where(eq(messages.recipientAddress, address)).all();

  it("holds a non-urgent message during quiet hours and sends it at seven; an urgent one goes at once", async () => {
    const producer = aProducer();
    const order = anOrder([{ productId: aProduct(producer).id, quantity: 1 }], { phone: "0915000111" });
    pay(order);
    await deliverDueMessages();
    const actor = { source: "producer" as const, userId: producer.ownerUserId };
    movePart(partsOfOrder(order.id)[0]!, "confirm", actor);
    const night = vn("2030-06-01T22:00:00");
    movePart(partsOfOrder(order.id)[0]!, "ship", actor, { carrier: "GHN", trackingNumber: "N1" }, night);
    const shipped = () => to("84915000111").find((m) => m.kind === "part_shipped")!;
    expect(shipped().nextAttemptAt).toBe(vn("2030-06-02T07:00:00"));
    await deliverDueMessages(() => vn("2030-06-02T06:59:00"));
    expect(shipped().status).toBe("pending");
    await deliverDueMessages(() => vn("2030-06-02T07:00:01"));
    expect(shipped().status).toBe("delivered");
    // Paid at night: the buyer and the producer hear at once.
    const later = anOrder([{ productId: aProduct(producer).id, quantity: 1 }], { phone: "0915000112" }, night);
    expect(to("84915000112").map((m) => [m.kind, m.nextAttemptAt])).toEqual([["order_placed", night]]);
    expect(later.code).toMatch(/^[A-Z0-9]+$/);
  });

  it("tells the producer of a question, a review and a payout, and of staff's decision with the note", () => {
    const producer = aProducer({ phone: "0986000123", bankBin: "970405", bankAccountNo: "1234567890", bankAccountName: "NGUYEN VAN A" });
    const product = aProduct(producer, { name: "Mật ong bạc hà" });
    const asker = aUser();
    expect(askQuestion(asker, product.slug, "Mật ong có đường không?", "203.0.113.9")).toBe("asked");
    const order = anOrder([{ productId: product.id, quantity: 1 }]);
    pay(order);
    const actor = { source: "producer" as const, userId: producer.ownerUserId };
    for (const action of ["confirm", "ship", "deliver"] as const) movePart(partsOfOrder(order.id)[0]!, action, actor, { carrier: "GHN", trackingNumber: "R1" });
    expect(addReview(order.id, { productId: product.id, stars: 5 })).toBe("ok");
    const owed = producerBalances(producer.id).payableVnd;
    expect(recordPayout(staff(), { producerId: producer.id, amount: owed, reference: "UNC-555" })).toBe("ok");
    expect(decideVerification(staff(), producer.id, "changes", "Thiếu ảnh giấy phép")).toBe("ok");

    const sent = to("84986000123");
    expect(sent.map((m) => m.kind).sort()).toEqual(["new_paid_order", "payout_made", "question_asked", "review_received", "verification_decided"]);
    const text = (kind: string) => sent.find((m) => m.kind === kind)!.body;
    expect(text("question_asked")).toContain("Mật ong bạc hà: “Mật ong có đường không?”");
    expect(text("review_received")).toContain("Mật ong bạc hà vừa nhận đánh giá 5 sao");
    expect(text("payout_made")).toContain(`đã chuyển ${formatVnd(owed)} vào tài khoản Agribank …7890`);
    expect(text("verification_decided")).toContain("cần bổ sung. Thiếu ảnh giấy phép");
  });

  it("warns of a certificate expiring at 90, 30 and 7 days, once each, and only the nearest after a gap", () => {
    const producer = aProducer({ phone: "0986000456" });
    const today = todayInVietnam();
    const certificate = (number: string, days: number) =>
      getDb()
        .insert(certificates)
        .values({ producerId: producer.id, number, stars: 4, issuerName: "UBND TP Cần Thơ", issuerLevel: "province", issuerProvinceCode: "92", decisionDate: addDays(today, -700), expiresOn: addDays(today, days) })
        .run();
    certificate("QĐ-EXP-25", 25);
    certificate("QĐ-EXP-120", 120);
    enqueueScheduledMessages();
    enqueueScheduledMessages();
    const warnings = to("84986000456").filter((m) => m.kind === "certificate_expiring");
    expect(warnings.map((m) => m.body.split("\n")[0])).toEqual([
      `Chợ OCOP: chứng nhận OCOP số QĐ-EXP-25 hết hạn ngày ${addDays(today, 25).split("-").reverse().join("/")} (còn 25 ngày). Hãy tải lên chứng nhận mới.`,
    ]);
  });

  it("reminds the producer of a paid part not shipped a day before its ship-by date, once", () => {
    const producer = aProducer({ phone: "0986000789" });
    const order = anOrder([{ productId: aProduct(producer).id, quantity: 1 }]);
    pay(order);
    getDb().update(ordersTable).set({ paidAt: Date.now() - 2.5 * 24 * 60 * 60 * 1000 }).where(eq(ordersTable.id, order.id)).run();
    enqueueScheduledMessages();
    enqueueScheduledMessages();
    expect(to("84986000789").map((m) => m.kind)).toEqual(["new_paid_order", "order_lapsing"]);
  });

  it("does not remind of a part whose ship-by date has passed", () => {
    const producer = aProducer({ phone: "0986000790" });
    const order = anOrder([{ productId: aProduct(producer).id, quantity: 1 }]);
    pay(order);
    getDb().update(ordersTable).set({ paidAt: Date.now() - 3.5 * 24 * 60 * 60 * 1000 }).where(eq(ordersTable.id, order.id)).run();
    enqueueScheduledMessages();
    expect(to("84986000790").map((m) => m.kind)).toEqual(["new_paid_order"]);
  });

  it("sends staff one digest a day, by e-mail, when work waits", () => {
    const member = aUser({ role: "staff", provinceCode: "92", email: `digest-${Date.now()}@staff.local` });
    aProducer({ provinceCode: "92", verificationStatus: "pending", verifiedAt: null });
    const morning = vn("2030-06-03T08:00:00");
    enqueueStaffDigests(vn("2030-06-03T06:00:00"));
    expect(to(member.email!)).toEqual([]);
    enqueueStaffDigests(morning);
    enqueueStaffDigests(morning + 60 * 60 * 1000);
    const [digest] = to(member.email!);
    expect(to(member.email!)).toHaveLength(1);
    expect([digest!.channel, digest!.kind]).toEqual(["email", "staff_digest"]);
    expect(digest!.body).toMatch(/^Chợ OCOP: [1-9]\d* hồ sơ chờ xác minh/);
  });
});

describe("staff's view of messages", () => {
  beforeAll(clearMessageSettings);

  it("shows provincial staff their province's messages only, and lets only them resend a failure of it", () => {
    const canTho = aUser({ role: "staff", provinceCode: "92" });
    const haNoi = aUser({ role: "staff", provinceCode: "01" });
    const central = aUser({ role: "central_staff" });
    const order = anOrder([{ productId: aProduct(aProducer({ provinceCode: "92" })).id, quantity: 1 }], { phone: "0917000111" });
    const [message] = messagesOfOrder(order.code);
    getDb().update(messages).set({ status: "failed", providerReason: "eSMS 99: blocked" }).where(eq(messages.id, message!.id)).run();

    const ids = (staff: typeof canTho, failedOnly = false) => messagesForStaff(staff, { failedOnly }).map((m) => m.id);
    expect(ids(canTho, true)).toContain(message!.id);
    expect(ids(central, true)).toContain(message!.id);
    expect(ids(haNoi)).not.toContain(message!.id);
    expect(messagesForStaff(canTho, { failedOnly: true }).find((m) => m.id === message!.id)!.providerReason).toBe("eSMS 99: blocked");

    expect(resendMessage(haNoi, message!.id)).toBe("forbidden");
    expect(resendMessage(canTho, message!.id)).toBe("ok");
    expect(resendMessage(canTho, message!.id)).toBe("not_found");
    const row = getDb().select().from(messages).where(eq(messages.id, message!.id)).get()!;
    expect([row.status, row.attempts, row.providerReason]).toEqual(["pending", 0, null]);
  });
});

describe("each person's choices and limits", () => {
  beforeAll(clearMessageSettings);
  const sessionUser = (userId: number) => getDb().select({ id: users.id, fullName: users.fullName, role: users.role, provinceCode: users.provinceCode }).from(users).where(eq(users.id, userId)).get()!;
  const questionsTo = (producerId: number) => getDb().select().from(messages).where(and(eq(messages.recipientProducerId, producerId), eq(messages.kind, "question_asked"))).all();

  it("sends nothing of a kind turned off, by e-mail when chosen, and refuses to turn off what must be sent", () => {
    const owner = aUser({ role: "producer", phone: "0988000111", email: "owner-choice@test.local" });
    const producer = aProducer({ ownerUserId: owner.id, phone: null });
    const product = aProduct(producer);
    const me = sessionUser(owner.id);
    expect(preferencesFor(me).find((p) => p.kind === "new_paid_order")).toEqual({ kind: "new_paid_order", mustSend: true, choice: "" });

    expect(savePreferences(me, { question_asked: "email", new_paid_order: "off" })).toEqual(["new_paid_order"]);
    expect(askQuestion(aUser(), product.slug, "Có giao Hà Nội không?", "198.51.100.1")).toBe("asked");
    expect(questionsTo(producer.id).map((m) => [m.channel, m.recipientAddress])).toEqual([["email", "owner-choice@test.local"]]);

    expect(savePreferences(me, { question_asked: "off" })).toEqual([]);
    expect(askQuestion(aUser(), product.slug, "Hạn dùng bao lâu?", "198.51.100.2")).toBe("asked");
    expect(questionsTo(producer.id)).toHaveLength(1);
    // A must-send kind still goes, by the default route.
    pay(anOrder([{ productId: product.id, quantity: 1 }]));
    expect(getDb().select().from(messages).where(and(eq(messages.recipientProducerId, producer.id), eq(messages.kind, "new_paid_order"))).all().map((m) => m.channel)).toEqual(["zalo"]);
  });

  it("turns a kind off from the e-mail's one-click link, whose headers follow RFC 8058", () => {
    const owner = aUser({ role: "producer", phone: null, email: "owner-unsub@test.local" });
    const producer = aProducer({ ownerUserId: owner.id, phone: null });
    const product = aProduct(producer);
    expect(askQuestion(aUser(), product.slug, "Có bán sỉ không?", "198.51.100.3")).toBe("asked");
    const [mail] = questionsTo(producer.id);
    expect(mail!.unsubscribeToken).toMatch(/^[\w-]{24}$/);
    const content = emailContent(mail!);
    const link = `http://localhost:${settings.port}/messages/unsubscribe?t=${mail!.unsubscribeToken}`;
    expect(content.headers).toMatchObject({ "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Entity-Ref-ID": `ocop-msg-${mail!.id}` });
    expect(content.text.endsWith(`Ngừng nhận loại email này: ${link}`)).toBe(true);

    expect(unsubscribeByToken("not-a-token-of-ours-at-all")).toBeNull();
    expect(unsubscribeByToken(mail!.unsubscribeToken!)).toBe("question_asked");
    expect(unsubscribeByToken(mail!.unsubscribeToken!)).toBe("question_asked");
    expect(askQuestion(aUser(), product.slug, "Còn hàng không?", "198.51.100.4")).toBe("asked");
    expect(questionsTo(producer.id)).toHaveLength(1);
    // What must be sent has no unsubscribe link.
    pay(anOrder([{ productId: product.id, quantity: 1 }]));
    const paid = getDb().select().from(messages).where(and(eq(messages.recipientProducerId, producer.id), eq(messages.kind, "new_paid_order"))).get()!;
    expect([paid.channel, paid.unsubscribeToken, emailContent(paid).headers["List-Unsubscribe"]]).toEqual(["email", null, undefined]);
  });

  it("holds a recipient's messages beyond six an hour for an hour, and never a must-send one", () => {
    const producer = aProducer({ phone: "0988000999" });
    const product = aProduct(producer);
    const now = vn("2030-07-01T10:00:00");
    for (let i = 0; i < 8; i++) enqueueQuestionAsked(getDb(), { id: 900_000 + i, productId: product.id, body: `Câu hỏi ${i}` }, now);
    const times = questionsTo(producer.id).map((m) => m.nextAttemptAt);
    expect(times).toEqual([now, now, now, now, now, now, now + 3_600_000, now + 3_600_000]);
    const order = anOrder([{ productId: product.id, quantity: 1 }], {}, now);
    receiveBankTransfer({ transactionId: `rate-${order.code}`, amount: order.totalVnd, description: order.code, accountNumber: settings.vietQrAccount.accountNo, occurredAt: new Date(now).toISOString() });
    const paid = getDb().select().from(messages).where(and(eq(messages.recipientProducerId, producer.id), eq(messages.kind, "new_paid_order"))).get()!;
    // Paid now (the bank's clock), with this address's six 2030 questions counted as recent: sent at once all the same.
    expect(paid.nextAttemptAt).toBeLessThanOrEqual(Date.now());
  });
});

describe("a worker killed mid-send, against the eSMS double", () => {
  let esms: EsmsDouble;
  beforeAll(async () => {
    clearMessageSettings();
    esms = await startEsmsDouble({ apiKey: "esms-key", secretKey: "esms-secret" });
    Object.assign(process.env, { ESMS_API_KEY: "esms-key", ESMS_SECRET_KEY: "esms-secret", ESMS_BRANDNAME: "CHOOCOP", ESMS_API_BASE: esms.url });
  });
  afterAll(async () => {
    clearMessageSettings();
    await esms.close();
  });
  // Messages of earlier tests are not this describe's business: they are delivered first.
  afterEach(async () => void (await deliverDueMessages()));

  it("resends nothing twice and loses nothing", async () => {
    await deliverDueMessages();
    const now = Date.now();
    const orders = [0, 1, 2].map((i) => anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }], { phone: `091300044${i}` }, now));
    const ids = orders.flatMap((o) => messagesOfOrder(o.code).map((m) => m.id));
    expect(ids).toHaveLength(3);

    // Process A claims all three, sends the first, dies before recording it; it never touches the others.
    const claimedByA = claimDueMessages(now).filter((m) => ids.includes(m.id));
    expect(claimedByA).toHaveLength(3);
    expect((await sendClaimed(claimedByA[0]!)).outcome).toBe("accepted");
    expect(esms.sent).toHaveLength(1);

    // While A's lease runs, process B finds nothing to do: no second copy goes out.
    expect(claimDueMessages(now + 1).filter((m) => ids.includes(m.id))).toEqual([]);

    // After the lease, B takes them over: the one A sent is a duplicate RequestId to eSMS, the others go out.
    const later = now + LEASE_MS + 1;
    await deliverDueMessages(() => later);
    const rows = getDb().select().from(messages).where(inArray(messages.id, ids)).all();
    expect(rows.map((m) => [m.status, m.attempts])).toEqual([
      ["accepted", 2],
      ["accepted", 2],
      ["accepted", 2],
    ]);
    const phones = orders.map((_, i) => `091300044${i}`);
    expect(esms.sent.filter((sms) => phones.includes(sms.Phone)).map((sms) => sms.Phone).sort()).toEqual(phones);
    expect(esms.sent.every((sms) => /^Cho OCOP: da nhan don [A-Z0-9]+/.test(sms.Content))).toBe(true);

    // A wakes up and records its stale answer: B's result stands.
    recordResult(claimedByA[0]!, { outcome: "failed", reason: "late" }, later + 1);
    expect(getDb().select({ status: messages.status }).from(messages).where(eq(messages.id, claimedByA[0]!.id)).get()!.status).toBe("accepted");
  });

  it("two workers claiming at once never share a message", () => {
    const now = Date.now();
    const order = anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }], {}, now);
    const id = messagesOfOrder(order.code)[0]!.id;
    const first = claimDueMessages(now).map((m) => m.id);
    const second = claimDueMessages(now).map((m) => m.id);
    expect(first).toContain(id);
    expect(second).not.toContain(id);
  });
});

describe("Zalo ZNS, against its double", () => {
  let zns: ZnsDouble;
  let esms: EsmsDouble;
  beforeAll(async () => {
    clearMessageSettings();
    await deliverDueMessages();
    zns = await startZnsDouble({ appId: "app-1", appSecret: "app-secret", refreshToken: "first-refresh" });
    esms = await startEsmsDouble({ apiKey: "k", secretKey: "s" });
    Object.assign(process.env, {
      ZALO_APP_ID: "app-1",
      ZALO_APP_SECRET: "app-secret",
      ZALO_REFRESH_TOKEN: "first-refresh",
      ZALO_API_BASE: zns.url,
      ZALO_OAUTH_BASE: zns.url,
      ZALO_TEMPLATES: "order_placed:1001,order_paid:1002,new_paid_order:1003",
      ESMS_API_KEY: "k",
      ESMS_SECRET_KEY: "s",
      ESMS_API_BASE: esms.url,
    });
  });
  afterAll(async () => {
    clearMessageSettings();
    await zns.close();
    await esms.close();
  });

  it("sends by template with our id as tracking_id, after refreshing the OA token and storing the rotated refresh token", async () => {
    const order = anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }], { phone: "0914000555" });
    await deliverDueMessages();
    const [row] = messagesOfOrder(order.code);
    expect([row!.channel, row!.status]).toEqual(["zalo", "accepted"]);
    const sent = zns.sent.find((m) => m.tracking_id === `ocop-msg-${row!.id}`)!;
    expect(sent).toMatchObject({ phone: "84914000555", template_id: "1001" });
    expect(sent.template_data.code).toBe(order.code);
    expect(row!.providerId).toBe(sent.msg_id);
    expect(zns.refreshes).toBe(1);
    const stored = getDb().select().from(providerTokens).where(eq(providerTokens.provider, "zalo")).get()!;
    expect(stored.refreshToken).toBe(zns.refreshToken);
    expect(stored.refreshToken).not.toBe("first-refresh");
  });

  it("falls back to SMS when the phone has no Zalo account (-118)", async () => {
    zns.noZalo.add("84914000666");
    const order = anOrder([{ productId: aProduct(aProducer()).id, quantity: 1 }], { phone: "0914000666" });
    await deliverDueMessages();
    const rows = getDb().select().from(messages).where(and(eq(messages.recipientAddress, "84914000666"), eq(messages.kind, "order_placed"))).all();
    expect(rows.map((m) => [m.channel, m.status, m.providerReason, m.fallbackOfId])).toEqual([
      ["zalo", "failed", "Zalo -118: Zalo account not existed", null],
      ["sms", "accepted", null, rows[0]!.id],
    ]);
    expect(esms.sent.filter((sms) => sms.Phone === "0914000666").map((sms) => sms.RequestId)).toEqual([`ocop-msg-${rows[1]!.id}`]);
    expect(zns.sent.some((m) => m.phone === "84914000666")).toBe(false);
    expect(messagesOfOrder(order.code)).toHaveLength(2);
  });

  it("a kind without an approved Zalo template goes by SMS straight away", async () => {
    const producer = aProducer();
    const order = anOrder([{ productId: aProduct(producer).id, quantity: 1 }], { phone: "0914000777" });
    pay(order);
    const actor = { source: "producer" as const, userId: producer.ownerUserId };
    movePart(partsOfOrder(order.id)[0]!, "confirm", actor);
    // In the day: a shipping notice is not urgent, and at night it would wait for the morning.
    movePart(partsOfOrder(order.id)[0]!, "ship", actor, { carrier: "GHTK", trackingNumber: "S1" }, vn("2026-12-01T10:00:00"));
    await deliverDueMessages();
    const shipped = messagesOfOrder(order.code).filter((m) => m.kind === "part_shipped");
    expect(shipped.map((m) => [m.channel, m.status])).toEqual([["sms", "accepted"]]);
  });
});

/**
 * Questions and answers (issue 20), over HTTP as a browser without JavaScript: a signed-in shopper
 * asks on the product page, the producer or its helper answers in /seller/questions, the answer shows
 * on the page for everyone, staff of the product's province hide it, shoppers report it.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantStaff } from "~/domain/accounts/staff-grants.server";
import { cookieOf, getPage, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
const cookies = { shopper: "", producer: "", otherProducer: "", helper: "", staff: "", otherStaff: "", central: "" };
let producerId: number;
let helperId: number;
let product: { id: number; slug: string };

const one = <T>(sql: string, ...args: unknown[]) => server.db.prepare(sql).get(...args) as T;
const join = (...parts: string[]) => parts.filter(Boolean).join("; ");
function post(path: string, cookie: string, fields: Record<string, string>) {
  return fetch(server.url + path, { method: "POST", headers: { cookie }, body: new URLSearchParams(fields), redirect: "manual" });
}
const page = (path: string, cookie = "") => getPage(server.url + path, { headers: { cookie } });
const questionCount = () => one<{ n: number }>("SELECT count(*) AS n FROM product_questions").n;
const questionByBody = (body: string) =>
  one<{ id: number; answer: string | null; answeredBy: number | null; hiddenAt: number | null; askerId: number } | undefined>(
    "SELECT id, answer, answered_by_user_id AS answeredBy, hidden_at AS hiddenAt, asker_user_id AS askerId FROM product_questions WHERE body = ?",
    body,
  );
async function signUp(fields: Record<string, string>) {
  const res = await post("/signup", "", { password: "mat-khau-dai", ...fields });
  expect(res.status, `sign-up of ${fields.login}`).toBe(303);
  return cookieOf(res);
}

beforeAll(async () => {
  server = await startServer();
  const [shopper, producer, staff, central] = await Promise.all(
    ["shopper@demo.local", "producer@demo.local", "staff@demo.local", "admin@demo.local"].map((login) => signIn(server, login)),
  );
  Object.assign(cookies, { shopper, producer, staff, central });
  producerId = one<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
  // The cooperative's second product on sale: the seed's own questions are on its first.
  product = one<{ id: number; slug: string }>(
    "SELECT id, slug FROM products WHERE producer_id = ? AND status = 'live' AND producer_verified = 1 AND held_at IS NULL ORDER BY id LIMIT 1 OFFSET 1",
    producerId,
  );

  // Another producer, with its profile in Hà Nội.
  cookies.otherProducer = await signUp({ fullName: "Chủ cơ sở Hà Nội", login: "0905 777 111", role: "producer" });
  const ward01 = one<{ code: string }>("SELECT code FROM wards WHERE province_code = '01' ORDER BY code LIMIT 1").code;
  const profile = await post("/seller/profile", cookies.otherProducer, {
    provinceCode: "01",
    wardCode: ward01,
    addressLine: "Số 5 Phố Huế",
    name: "Cơ sở Bánh cốm Hỏi Đáp",
    entityType: "household",
    phone: "0905777111",
  });
  expect(profile.status).toBe(303);

  // A community helper of the cooperative, acting for it.
  const helper = await signUp({ fullName: "Tổ CNS Phường Tân An", login: "to.cns.tanan@example.vn", role: "helper" });
  const invite = await (await post("/seller/helpers", cookies.producer, { intent: "invite" })).text();
  const code = /([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})/.exec(invite)![1]!;
  expect((await post("/seller?index", helper, { intent: "redeem", code })).status).toBe(303);
  const acting = await post("/seller?index", helper, { intent: "actFor", producerId: String(producerId) });
  expect(acting.status).toBe(303);
  cookies.helper = join(helper, cookieOf(acting));
  helperId = one<{ id: number }>("SELECT id FROM users WHERE email = 'to.cns.tanan@example.vn'").id;

  // Hà Nội's staff member, made staff the way a deployment does it (npm run staff:grant).
  await signUp({ fullName: "Đỗ Văn Hà Nội", login: "staff.hanoi.qa@example.vn", role: "shopper" });
  const writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
  expect(grantStaff(writer, "staff.hanoi.qa@example.vn", { province: "01" })).toContain("staff of province 01");
  writer.close();
  cookies.otherStaff = await signIn(server, "staff.hanoi.qa@example.vn", "mat-khau-dai");
}, 60_000);

afterAll(() => server?.stop());

const QUESTION = "Hũ 500 g có nắp thiếc không, gửi xe khách có bị đổ không ạ?";
const ANSWER = "Dạ hũ thuỷ tinh nắp thiếc, có màng co, cơ sở bọc xốp nổ nên gửi xe không bị đổ ạ.";

describe("questions and answers", () => {
  it("a signed-in shopper asks: 303 back to the page, which shows the asker alone that it waits", async () => {
    const res = await post(`/products/${product.slug}`, cookies.shopper, { intent: "ask", question: `  ${QUESTION}  `, website: "" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/products/${product.slug}#hoi-dap`);
    const row = questionByBody(QUESTION)!;
    expect(row).toMatchObject({ answer: null, hiddenAt: null });

    const asker = await page(`/products/${product.slug}`, join(cookies.shopper, cookieOf(res)));
    expect(asker.text).toContain("Đã gửi câu hỏi");
    const waiting = asker.doc.querySelector("[data-question-waiting]")!;
    expect(waiting.textContent).toContain(QUESTION);
    expect(waiting.textContent).toContain("Đang chờ nhà sản xuất trả lời");

    for (const cookie of ["", cookies.central]) {
      const other = await page(`/products/${product.slug}`, cookie);
      expect(other.status).toBe(200);
      expect(other.text).toContain("Hỏi đáp");
      expect(other.text).not.toContain(QUESTION);
    }
  });

  it("an anonymous visitor sees a sign-in link, and its post is sent to sign in with nothing written", async () => {
    const visitor = await page(`/products/${product.slug}`);
    const link = visitor.doc.querySelectorAll("a").find((a) => a.textContent.includes("Đăng nhập để đặt câu hỏi"));
    expect(link?.getAttribute("href")).toBe(`/login?redirectTo=${encodeURIComponent(`/products/${product.slug}#hoi-dap`)}`);
    expect(visitor.doc.querySelector("textarea[name=question]")).toBeNull();

    const before = questionCount();
    const res = await post(`/products/${product.slug}`, "", { intent: "ask", question: "Có giao tận nhà không?" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`/products/${product.slug}`)}`);
    expect(questionCount()).toBe(before);
  });

  it("refuses an empty, too long or bot-filled question with a 400 and the message by the field", async () => {
    const before = questionCount();
    const cases: [Record<string, string>, string][] = [
      [{ question: "   " }, "Hãy viết câu hỏi."],
      [{ question: "ạ".repeat(501) }, "Câu hỏi tối đa 500 ký tự."],
    ];
    for (const [fields, message] of cases) {
      const res = await post(`/products/${product.slug}`, cookies.shopper, { intent: "ask", ...fields });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toMatch(/<textarea[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*f-question-error/);
    }
    const bot = await post(`/products/${product.slug}`, cookies.shopper, { intent: "ask", question: "Giá sỉ bao nhiêu?", website: "http://spam.example" });
    expect(bot.status).toBe(400);
    expect(questionCount()).toBe(before);
  });

  it("the producer's portal lists the waiting questions first, and its home counts them", async () => {
    const portal = await page("/seller/questions", cookies.producer);
    expect(portal.status).toBe(200);
    const waiting = portal.doc.querySelector("#waiting")!.parentNode!;
    expect(waiting.textContent).toContain(QUESTION);
    // The seed's own question, left for the demo producer to answer.
    expect(waiting.textContent).toContain("Cơ sở có bán sỉ cho cửa hàng đặc sản không?");
    const home = await page("/seller?index", cookies.producer);
    expect(home.text).toMatch(/Hỏi đáp \d+ câu hỏi chờ/);
  });

  it("another producer and a shopper cannot answer; nothing changes", async () => {
    const { id } = questionByBody(QUESTION)!;
    expect((await post("/seller/questions", cookies.otherProducer, { questionId: String(id), answer: "Tôi trả lời hộ." })).status).toBe(404);
    expect((await post("/seller/questions", cookies.shopper, { questionId: String(id), answer: "Tôi trả lời hộ." })).status).toBe(403);
    expect(questionByBody(QUESTION)).toMatchObject({ answer: null, answeredBy: null });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM producer_activity WHERE action LIKE 'question.%'").n).toBe(0);
  });

  it("an empty answer is a 400 with the message by that question's field", async () => {
    const { id } = questionByBody(QUESTION)!;
    const res = await post(`/seller/questions?for=${producerId}`, cookies.helper, { questionId: String(id), answer: "  " });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Hãy viết câu trả lời.");
    expect(html).toMatch(new RegExp(`<textarea[^>]*id="f-answer-${id}"[^>]*aria-invalid="true"`));
  });

  it("the producer's helper answers; the history records the helper and the producer", async () => {
    const { id } = questionByBody(QUESTION)!;
    const res = await post(`/seller/questions?for=${producerId}`, cookies.helper, { questionId: String(id), answer: ANSWER });
    expect(res.status).toBe(303);
    expect(questionByBody(QUESTION)).toMatchObject({ answer: ANSWER, answeredBy: helperId });
    const activity = one<{ producerId: number; actorId: number; action: string }>(
      "SELECT producer_id AS producerId, actor_user_id AS actorId, action FROM producer_activity WHERE action LIKE 'question.%' ORDER BY id DESC LIMIT 1",
    );
    expect(activity).toEqual({ producerId, actorId: helperId, action: "question.answer" });
    const home = await page("/seller?index", cookies.producer);
    expect(home.text).toContain("Tổ CNS Phường Tân An: Trả lời câu hỏi về");
  });

  it("the answered question shows on the product page for everyone, the asker's name shortened", async () => {
    for (const cookie of ["", cookies.shopper, cookies.otherProducer]) {
      const shown = await page(`/products/${product.slug}`, cookie);
      const item = shown.doc.querySelectorAll("[data-question]").find((li) => li.textContent.includes(QUESTION));
      expect(item, `as ${cookie || "anonymous"}`).toBeDefined();
      expect(item!.textContent).toContain(ANSWER);
      expect(item!.textContent).toContain("Anh L. hỏi");
      expect(item!.textContent).not.toContain("Lê Minh Anh");
    }
    const asker = await page(`/products/${product.slug}`, cookies.shopper);
    expect(asker.doc.querySelector("[data-question-waiting]")).toBeNull();
  });

  it("the producer edits its answer; the page shows the new one, marked edited", async () => {
    const { id } = questionByBody(QUESTION)!;
    const edited = `${ANSWER} Hàng đi Hà Nội 3 ngày.`;
    const res = await post(`/seller/questions?for=${producerId}`, cookies.producer, { questionId: String(id), answer: edited });
    expect(res.status).toBe(303);
    const shown = await page(`/products/${product.slug}`);
    const item = shown.doc.querySelectorAll("[data-question]").find((li) => li.textContent.includes(QUESTION))!;
    expect(item.textContent).toContain(edited);
    expect(item.textContent).toContain("(đã sửa)");
    expect(one<{ action: string }>("SELECT action FROM producer_activity ORDER BY id DESC LIMIT 1").action).toBe("question.editAnswer");
  });

  it("a shopper reports a question twice: one report, and staff see it queued", async () => {
    const { id } = questionByBody(QUESTION)!;
    const reporter = cookies.otherProducer;
    for (const reason of ["spam", "offensive"]) {
      const res = await post(`/products/${product.slug}`, reporter, { intent: "reportQuestion", questionId: String(id), reason });
      expect(res.status).toBe(303);
    }
    expect(one<{ n: number }>("SELECT count(*) AS n FROM question_reports WHERE question_id = ?", id).n).toBe(1);
    const noReason = await post(`/products/${product.slug}`, reporter, { intent: "reportQuestion", questionId: String(id) });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Chọn lý do.");
    const queue = await page("/staff/questions", cookies.staff);
    const reported = queue.doc.querySelector("#reported")!.parentNode!;
    expect(reported.textContent).toContain(QUESTION);
    expect(reported.textContent).toContain("1 báo cáo");
  });

  it("staff of another province cannot hide it; nothing changes", async () => {
    const { id } = questionByBody(QUESTION)!;
    const res = await post("/staff/questions", cookies.otherStaff, { intent: "hide", questionId: String(id), note: "Nội dung quảng cáo" });
    expect(res.status).toBe(403);
    expect(questionByBody(QUESTION)!.hiddenAt).toBeNull();
    const list = await page("/staff/questions", cookies.otherStaff);
    expect(list.text).not.toContain(QUESTION);
  });

  it("the province's staff hide it: gone from the page, recorded in the audit log; central staff show it again", async () => {
    const { id } = questionByBody(QUESTION)!;
    const short = await post("/staff/questions", cookies.staff, { intent: "hide", questionId: String(id), note: "ok" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Nhập lý do 5–500 ký tự.");

    const res = await post("/staff/questions", cookies.staff, { intent: "hide", questionId: String(id), note: "Trả lời có số điện thoại riêng" });
    expect(res.status).toBe(303);
    expect(questionByBody(QUESTION)!.hiddenAt).not.toBeNull();
    expect((await page(`/products/${product.slug}`)).text).not.toContain(QUESTION);
    const audit = one<{ action: string; subjectType: string; provinceCode: string; after: string }>(
      "SELECT action, subject_type AS subjectType, province_code AS provinceCode, after FROM staff_audit WHERE subject_type = 'question' AND subject_id = ? ORDER BY id DESC LIMIT 1",
      String(id),
    );
    expect(audit).toMatchObject({ action: "question.hide", subjectType: "question", provinceCode: "92" });
    expect(JSON.parse(audit.after)).toMatchObject({ hidden: true, note: "Trả lời có số điện thoại riêng" });
    // The producer sees why, and can no longer answer it.
    expect((await page("/seller/questions", cookies.producer)).text).toContain("Cán bộ đã ẩn câu hỏi này: Trả lời có số điện thoại riêng");
    expect((await post(`/seller/questions?for=${producerId}`, cookies.producer, { questionId: String(id), answer: "Sửa lại." })).status).toBe(404);
    // Once hidden, it is off the reported queue.
    const queue = await page("/staff/questions", cookies.staff);
    expect(queue.doc.querySelector("#reported")!.parentNode!.textContent).not.toContain(QUESTION);

    const shown = await post("/staff/questions", cookies.central, { intent: "unhide", questionId: String(id), note: "Đã xem lại, nội dung ổn" });
    expect(shown.status).toBe(303);
    expect((await page(`/products/${product.slug}`)).text).toContain(QUESTION);
    expect(one<{ action: string }>("SELECT action FROM staff_audit WHERE subject_type = 'question' ORDER BY id DESC LIMIT 1").action).toBe("question.unhide");
  });

  it("the producer's own account cannot ask about its own product", async () => {
    const before = questionCount();
    const res = await post(`/products/${product.slug}`, cookies.producer, { intent: "ask", question: "Tự hỏi mình?" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Đây là sản phẩm của bạn");
    expect(questionCount()).toBe(before);
  });

  it("stops a sixth question within the hour with the message by the field, writing nothing", async () => {
    const asker = await signUp({ fullName: "Phạm Thị Hỏi", login: "hoi.nhieu@example.vn", role: "shopper" });
    const askerId = one<{ id: number }>("SELECT id FROM users WHERE email = 'hoi.nhieu@example.vn'").id;
    for (let i = 1; i <= 5; i++) {
      const res = await post(`/products/${product.slug}`, asker, { intent: "ask", question: `Câu hỏi thứ ${i}: có giao nhanh không?` });
      expect(res.status, `question ${i}`).toBe(303);
    }
    const sixth = await post(`/products/${product.slug}`, asker, { intent: "ask", question: "Câu hỏi thứ 6: còn hàng không?" });
    expect(sixth.status).toBe(429);
    const html = await sixth.text();
    expect(html).toContain("Bạn đã gửi nhiều câu hỏi trong một giờ qua.");
    expect(html).toMatch(/<textarea[^>]*aria-invalid="true"/);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM product_questions WHERE asker_user_id = ?", askerId).n).toBe(5);
  });
});

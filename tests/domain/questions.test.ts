import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { helperGrants, productQuestions } from "~/db/schema";
import { answerQuestion, askQuestion, productQuestionsFor } from "~/domain/catalog/questions.server";
import { aProducer, aProduct, aUser } from "../factories";

const questionsOf = (productId: number) => getDb().select().from(productQuestions).where(eq(productQuestions.productId, productId)).all();

describe("asking, from one address", () => {
  it("takes 20 questions an hour from one address whatever the accounts, then refuses, writing nothing", () => {
    const product = aProduct(aProducer());
    const now = Date.now();
    const address = "203.0.113.7";
    for (let u = 0; u < 4; u++) {
      const shopper = aUser();
      for (let q = 0; q < 5; q++) expect(askQuestion(shopper, product.slug, `Câu hỏi ${u}-${q}?`, address, now)).toBe("asked");
    }
    const fifth = aUser();
    expect(askQuestion(fifth, product.slug, "Còn hàng không?", address, now)).toBe("too_many");
    expect(questionsOf(product.id)).toHaveLength(20);
    // The same account from another address is not held up by the first address's count.
    expect(askQuestion(fifth, product.slug, "Còn hàng không?", "198.51.100.9", now)).toBe("asked");
  });

  it("answers not_found for a product that is not on sale", () => {
    const product = aProduct(aProducer(), { status: "draft" });
    expect(askQuestion(aUser(), product.slug, "Bao giờ bán?", "198.51.100.10")).toBe("not_found");
  });
});

describe("the product page's questions", () => {
  it("shows the 10 newest answered, visible questions, and a waiting one to its asker alone", () => {
    const producer = aProducer();
    const product = aProduct(producer);
    const asker = aUser();
    const base = Date.now() - 100_000;
    const rows = Array.from({ length: 12 }, (_, i) => ({
      productId: product.id,
      askerUserId: asker.id,
      body: `Câu hỏi ${i}`,
      answer: `Trả lời ${i}`,
      answeredByUserId: producer.ownerUserId,
      answeredAt: base + i * 1000,
      createdAt: base,
    }));
    getDb().insert(productQuestions).values(rows).run();
    getDb()
      .insert(productQuestions)
      .values([
        { productId: product.id, askerUserId: asker.id, body: "Đã ẩn", answer: "Có", answeredByUserId: producer.ownerUserId, answeredAt: base + 20_000, hiddenAt: base, hiddenByUserId: asker.id, hiddenReason: "Quảng cáo" },
        { productId: product.id, askerUserId: asker.id, body: "Đang chờ" },
      ])
      .run();
    const forGuest = productQuestionsFor(product.id, null);
    expect(forGuest.answered.map((q) => q.body)).toEqual(Array.from({ length: 10 }, (_, i) => `Câu hỏi ${11 - i}`));
    expect(forGuest.waiting).toEqual([]);
    expect(productQuestionsFor(product.id, aUser().id).waiting).toEqual([]);
    expect(productQuestionsFor(product.id, asker.id).waiting.map((q) => q.body)).toEqual(["Đang chờ"]);
  });
});

describe("answering", () => {
  it("refuses a helper whose grant was revoked, even holding an actor made before the revocation", () => {
    const producer = aProducer();
    const product = aProduct(producer);
    const helper = aUser({ role: "helper" });
    const grant = getDb().insert(helperGrants).values({ producerId: producer.id, helperUserId: helper.id }).returning().get();
    expect(askQuestion(aUser(), product.slug, "Có ship COD không?", "198.51.100.11")).toBe("asked");
    const [question] = questionsOf(product.id);
    const actor = { user: helper, producer, asHelper: true };
    expect(answerQuestion(actor, question!.id, "Dạ có ạ.")).toBe("answered");
    getDb().update(helperGrants).set({ revokedAt: Date.now(), revokedByUserId: producer.ownerUserId }).where(eq(helperGrants.id, grant.id)).run();
    let thrown: unknown;
    try {
      answerQuestion(actor, question!.id, "Sửa lại.");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(questionsOf(product.id)[0]!.answer).toBe("Dạ có ạ.");
  });

  it("answers only questions on the actor's own producer's products", () => {
    const mine = aProducer();
    const theirs = aProduct(aProducer());
    expect(askQuestion(aUser(), theirs.slug, "Hàng có sẵn không?", "198.51.100.12")).toBe("asked");
    const [question] = questionsOf(theirs.id);
    const owner = aUser({ role: "producer" });
    expect(answerQuestion({ user: owner, producer: mine, asHelper: false }, question!.id, "Có.")).toBe("not_found");
    expect(questionsOf(theirs.id)[0]!.answer).toBeNull();
  });
});

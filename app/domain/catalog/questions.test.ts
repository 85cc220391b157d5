import { describe, expect, it } from "vitest";
import { answerSchema, askQuestionSchema, productPageIntentSchema, questionModerationSchema, questionVisibleTo, reportQuestionSchema } from "./questions";

describe("askQuestionSchema", () => {
  it("takes a question trimmed, up to 500 characters counted as letters, not bytes", () => {
    const parsed = askQuestionSchema.safeParse({ intent: "ask", question: "  Mật ong này có kết tinh không?  " });
    expect(parsed.success && parsed.data.question).toBe("Mật ong này có kết tinh không?");
    // 500 Vietnamese letters are 1,000+ bytes in UTF-8 and still fit.
    expect(askQuestionSchema.safeParse({ intent: "ask", question: "ạ".repeat(500) }).success).toBe(true);
  });

  it("refuses an empty, blank or too long question with the message for each", () => {
    const error = (question: string | undefined) => {
      const parsed = askQuestionSchema.safeParse({ intent: "ask", question });
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(error(undefined)).toBe("question.error.empty");
    expect(error("   ")).toBe("question.error.empty");
    expect(error("a".repeat(501))).toBe("question.error.long");
  });

  it("refuses a form whose honeypot a bot filled in", () => {
    expect(askQuestionSchema.safeParse({ intent: "ask", question: "Giao Hà Nội mất mấy ngày?", website: "http://spam" }).success).toBe(false);
  });
});

describe("answerSchema", () => {
  it("takes an answer of 1 to 2,000 characters", () => {
    expect(answerSchema.safeParse({ questionId: "4", answer: "Có, để nơi mát sẽ kết tinh chậm hơn." }).success).toBe(true);
    expect(answerSchema.safeParse({ questionId: "4", answer: " " }).success).toBe(false);
    expect(answerSchema.safeParse({ questionId: "4", answer: "x".repeat(2001) }).success).toBe(false);
    expect(answerSchema.safeParse({ questionId: "x", answer: "Có." }).success).toBe(false);
  });
});

describe("the product page's intents", () => {
  it("reads a form without an intent, or with an unknown one, as the listing report it always was", () => {
    expect(productPageIntentSchema.parse({}).intent).toBe("report");
    expect(productPageIntentSchema.parse({ intent: "delete" }).intent).toBe("report");
    expect(productPageIntentSchema.parse({ intent: "ask" }).intent).toBe("ask");
  });

  it("reports a question only for a reason from the list", () => {
    expect(reportQuestionSchema.safeParse({ intent: "reportQuestion", questionId: "2", reason: "spam" }).success).toBe(true);
    const parsed = reportQuestionSchema.safeParse({ intent: "reportQuestion", questionId: "2", reason: "boring" });
    expect(parsed.success ? null : parsed.error.issues[0]!.message).toBe("questionReport.error.reason");
  });
});

describe("questionModerationSchema", () => {
  it("asks staff for a reason of at least 5 characters", () => {
    expect(questionModerationSchema.safeParse({ intent: "hide", questionId: "1", note: "Quảng cáo" }).success).toBe(true);
    expect(questionModerationSchema.safeParse({ intent: "hide", questionId: "1", note: "ok" }).success).toBe(false);
    expect(questionModerationSchema.safeParse({ intent: "delete", questionId: "1", note: "Quảng cáo" }).success).toBe(false);
  });
});

describe("questionVisibleTo", () => {
  const waiting = { askerUserId: 7, answeredAt: null, hiddenAt: null };
  it("shows a waiting question to its asker only", () => {
    expect(questionVisibleTo(waiting, 7)).toBe(true);
    expect(questionVisibleTo(waiting, 8)).toBe(false);
    expect(questionVisibleTo(waiting, null)).toBe(false);
  });
  it("shows an answered question to everyone until staff hide it, then to no one", () => {
    const answered = { ...waiting, answeredAt: 1 };
    expect(questionVisibleTo(answered, null)).toBe(true);
    expect(questionVisibleTo({ ...answered, hiddenAt: 2 }, 7)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { sepayApiKeyIsValid, sepayHmacCheck, sepayListSchema, sepayListTransfer, sepaySignature, sepayTransfer, sepayWebhookSchema } from "./sepay";

const SAMPLE = {
  id: 92704,
  gateway: "Vietcombank",
  transactionDate: "2025-07-02 14:02:37",
  accountNumber: "0123499999",
  subAccount: null,
  code: "DH10234",
  content: "DH10234 chuyen tien",
  transferType: "in",
  transferAmount: 250000,
  accumulated: 19077000,
  referenceCode: "MBVCB.3278907687",
  description: "…",
};

describe("SePay's webhook authentication", () => {
  it("takes `Authorization: Apikey <key>` with the exact key only", () => {
    expect(sepayApiKeyIsValid("Apikey k-123", "k-123")).toBe(true);
    expect(sepayApiKeyIsValid("apikey  k-123 ", "k-123")).toBe(true);
    for (const header of [null, "", "k-123", "Bearer k-123", "Apikey k-12", "Apikey K-123", "Apikey k-1234"]) {
      expect(sepayApiKeyIsValid(header, "k-123"), String(header)).toBe(false);
    }
  });

  it("checks the HMAC over timestamp.rawBody and refuses a timestamp more than 5 minutes off", () => {
    const body = JSON.stringify(SAMPLE);
    const now = 1_750_000_000_000;
    const t = String(now / 1000);
    const signature = sepaySignature("s3cret", t, body);
    expect(sepayHmacCheck(Buffer.from(body), signature, t, "s3cret", now)).toBe("ok");
    expect(sepayHmacCheck(Buffer.from(body), signature, t, "s3cret", now + 4 * 60_000)).toBe("ok");
    expect(sepayHmacCheck(Buffer.from(body), signature, t, "s3cret", now + 6 * 60_000)).toBe("stale");
    expect(sepayHmacCheck(Buffer.from(body), signature, t, "other", now)).toBe("bad_signature");
    expect(sepayHmacCheck(Buffer.from(body.replace("250000", "250001")), signature, t, "s3cret", now)).toBe("bad_signature");
    // The timestamp is signed: moving it to look fresh breaks the signature.
    expect(sepayHmacCheck(Buffer.from(body), signature, String(now / 1000 + 1), "s3cret", now)).toBe("bad_signature");
    expect(sepayHmacCheck(Buffer.from(body), null, t, "s3cret", now)).toBe("bad_signature");
    expect(sepayHmacCheck(Buffer.from(body), signature, null, "s3cret", now)).toBe("bad_signature");
  });
});

describe("SePay's transactions as the domain's transfers", () => {
  it("reads the webhook body, its id as the dedupe key and its extracted code as a hint", () => {
    expect(sepayTransfer(sepayWebhookSchema.parse(SAMPLE))).toEqual({
      provider: "sepay",
      transactionId: "92704",
      direction: "in",
      amountVnd: 250000,
      description: "DH10234 chuyen tien",
      accountNumber: "0123499999",
      occurredAt: "2025-07-02 14:02:37",
      codeHint: "DH10234",
    });
    expect(sepayWebhookSchema.safeParse({ ...SAMPLE, transferAmount: 1.5 }).success).toBe(false);
    expect(sepayWebhookSchema.safeParse({ ...SAMPLE, transferType: "sideways" }).success).toBe(false);
  });

  it("reads the list's decimal-string amounts, and an outgoing line as out", () => {
    const list = sepayListSchema.parse({
      transactions: [
        { id: "49881", account_number: "0123499999", transaction_date: "2025-07-02 14:02:37", amount_in: "2277000.00", amount_out: "0.00", transaction_content: "DH1 ck", code: null },
        { id: "49882", account_number: "0123499999", transaction_date: "2025-07-02 14:03:00", amount_in: "0.00", amount_out: "50000.00", transaction_content: "hoan tien", code: null },
      ],
    });
    expect(list.transactions.map(sepayListTransfer).map((t) => [t.transactionId, t.direction, t.amountVnd])).toEqual([
      ["49881", "in", 2277000],
      ["49882", "out", 50000],
    ]);
    expect(sepayListSchema.safeParse({ transactions: [{ ...list.transactions[0], amount_in: "10.50" }] }).success).toBe(false);
  });
});

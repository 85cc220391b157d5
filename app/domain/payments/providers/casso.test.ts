import { describe, expect, it } from "vitest";
import { cassoSignature, cassoSignatureIsValid, cassoTransfer, cassoWebhookSchema } from "./casso";

// INTEGRATIONS.md §1.2, the reproduced test vector [V].
const KEY = "mgExMrjj4i7a1p8Cs6LmFbpCd8lbw4sSX4LZXPag7TKazeIogtR90tvWYTkwQbvs";
const T = "1727948258788";
const BODY = {
  error: 0,
  data: {
    id: 0,
    reference: "MA_GIAO_DICH_THU_NGHIEM",
    description: "giao dich thu nghiem",
    amount: 599000,
    runningBalance: 25000000,
    transactionDateTime: "2024-10-03 15:06:37",
    accountNumber: "88888888",
    bankName: "VPBank",
    bankAbbreviation: "VPB",
    virtualAccountNumber: "",
    virtualAccountName: "",
    counterAccountName: "NGUYEN VAN A",
    counterAccountNumber: "8888888888",
    counterAccountBankId: "970415",
    counterAccountBankName: "VietinBank",
  },
};
const V1 =
  "ed0a4bd2e826d5cb69988cdb141e6c1a080e21f3b57eb72cd78192220042b9e7dde0868fc667faea8e224900fa7904e7c88dfa098032fb2d6b6996856e8b7ff3";

describe("Casso's X-Casso-Signature", () => {
  it("reproduces the published vector", () => {
    expect(cassoSignature(KEY, T, BODY)).toBe(V1);
    expect(cassoSignatureIsValid(`t=${T},v1=${V1}`, BODY, KEY)).toBe(true);
  });

  it("does not depend on the order the keys arrived in", () => {
    const shuffled = JSON.parse(JSON.stringify({ data: Object.fromEntries(Object.entries(BODY.data).reverse()), error: 0 })) as unknown;
    expect(cassoSignatureIsValid(`t=${T},v1=${V1}`, shuffled, KEY)).toBe(true);
  });

  it("refuses another key, another time, a changed amount, signing only data, or a malformed header", () => {
    expect(cassoSignatureIsValid(`t=${T},v1=${V1}`, BODY, KEY + "x")).toBe(false);
    expect(cassoSignatureIsValid(`t=1727948258789,v1=${V1}`, BODY, KEY)).toBe(false);
    expect(cassoSignatureIsValid(`t=${T},v1=${V1}`, { ...BODY, data: { ...BODY.data, amount: 599001 } }, KEY)).toBe(false);
    expect(cassoSignatureIsValid(`t=${T},v1=${cassoSignature(KEY, T, BODY.data)}`, BODY, KEY)).toBe(false);
    for (const header of [null, "", V1, `v1=${V1}`, `t=${T}`, `t=${T},v1=${V1.slice(2)}`, `t=abc,v1=${V1}`]) {
      expect(cassoSignatureIsValid(header, BODY, KEY), String(header)).toBe(false);
    }
  });
});

describe("a Casso transaction as the domain's transfer", () => {
  it("reads the sample, and a negative amount as money going out", () => {
    const parsed = cassoWebhookSchema.parse(BODY);
    expect(cassoTransfer(parsed.data!)).toEqual({
      provider: "casso",
      transactionId: "0",
      direction: "in",
      amountVnd: 599000,
      description: "giao dich thu nghiem",
      accountNumber: "88888888",
      occurredAt: "2024-10-03 15:06:37",
    });
    expect(cassoTransfer({ ...parsed.data!, amount: -50000 })).toMatchObject({ direction: "out", amountVnd: 50000 });
  });
});

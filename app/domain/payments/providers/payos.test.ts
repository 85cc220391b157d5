import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { payosCreateSignature, payosDataString, payosDescription, payosSignature, payosSignatureIsValid, payosWebhookDataSchema } from "./payos";

// INTEGRATIONS.md §1.3, the reproduced webhook vector [V].
const KEY = "1a54716c8f0efb2744fb28b6e38b25da7f67a925d98bc1c18bd8faaecadd7675";
const DATA = {
  orderCode: 123,
  amount: 3000,
  description: "VQRIO123",
  accountNumber: "12345678",
  reference: "TF230204212323",
  transactionDateTime: "2023-02-04 18:25:00",
  currency: "VND",
  paymentLinkId: "124c33293c43417ab7879e14c8d9eb18",
  code: "00",
  desc: "Thành công",
  counterAccountBankId: "",
  counterAccountBankName: "",
  counterAccountName: "",
  counterAccountNumber: "",
  virtualAccountName: "",
  virtualAccountNumber: "",
};
const SIGNATURE = "412e915d2871504ed31be63c8f62a149a4410d34c4c42affc9006ef9917eaa03";

describe("payOS signatures", () => {
  it("reproduces the published webhook vector over data alone, keys sorted", () => {
    expect(payosSignature(KEY, DATA)).toBe(SIGNATURE);
    expect(payosSignatureIsValid(KEY, DATA, SIGNATURE)).toBe(true);
    expect(payosSignatureIsValid(KEY, Object.fromEntries(Object.entries(DATA).reverse()), SIGNATURE)).toBe(true);
  });

  it("refuses the schema page's sample signature, another key, a changed amount, and non-hex", () => {
    expect(payosSignatureIsValid(KEY, DATA, "8d8640d802576397a1ce45ebda7f835055768ac7ad2e0bfb77f9b8f12cca4c7f")).toBe(false);
    expect(payosSignatureIsValid(KEY + "0", DATA, SIGNATURE)).toBe(false);
    expect(payosSignatureIsValid(KEY, { ...DATA, amount: 3001 }, SIGNATURE)).toBe(false);
    for (const s of [null, "", "zz", SIGNATURE.slice(1), 42]) expect(payosSignatureIsValid(KEY, DATA, s)).toBe(false);
  });

  it("writes null as empty and arrays as JSON of key-sorted elements", () => {
    expect(payosDataString({ b: null, a: [{ y: 1, x: "q" }], c: undefined })).toBe('a=[{"x":"q","y":1}]&b=&c=');
  });

  it("signs the create call over the five fields in order, raw", () => {
    const r = { amount: 3000, cancelUrl: "https://x.vn/c?a=1&b=2", description: "VQRIO123", orderCode: 123, returnUrl: "https://x.vn/r" };
    expect(payosCreateSignature(KEY, r)).toBe(
      createHmac("sha256", KEY).update("amount=3000&cancelUrl=https://x.vn/c?a=1&b=2&description=VQRIO123&orderCode=123&returnUrl=https://x.vn/r").digest("hex"),
    );
  });

  it("keeps the description within 9 characters", () => {
    expect(payosDescription("DHABCDEFGH12")).toBe("DHABCDEFG");
    expect(payosDescription("DHABCDEFGH12").length).toBeLessThanOrEqual(9);
  });

  it("reads the webhook's data", () => {
    expect(payosWebhookDataSchema.parse(DATA)).toMatchObject({ orderCode: 123, amount: 3000, reference: "TF230204212323", code: "00" });
  });
});

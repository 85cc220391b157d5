import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  signVnpayApiRequest,
  vnpayAmountVnd,
  vnpayApiAnswerIsSigned,
  vnpayDate,
  vnpayPaymentUrl,
  vnpayQueryHashInput,
  vnpayQueryIsSigned,
  vnpayRefundType,
} from "./vnpay";

const SECRET = "VNPAYTESTSECRETKEY0123456789ABCD";
const sha512 = (text: string) => createHmac("sha512", SECRET).update(text).digest("hex");

describe("VNPay's signed query", () => {
  it("sorts the keys, drops the hash and empty values and form-encodes like the official sample (INTEGRATIONS.md §2.1)", () => {
    const text = vnpayQueryHashInput({
      vnp_TxnRef: "5",
      vnp_Amount: "1806000",
      vnp_ReturnUrl: "https://domainmerchant.vn/ReturnUrl",
      vnp_OrderInfo: "Thanh toan don hang :5",
      vnp_BankCode: "",
      vnp_SecureHash: "ignored",
      vnp_Command: "pay",
    });
    expect(text).toBe("vnp_Amount=1806000&vnp_Command=pay&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TxnRef=5");
  });

  it("builds a payment URL whose hash is HMAC-SHA512 of its own query, with VND × 100 and GMT+7 dates, and no hash type", () => {
    const createdAt = Date.UTC(2026, 11, 3, 17, 0, 5); // 00:00:05 on 4 December in Vietnam
    const url = new URL(
      vnpayPaymentUrl("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", SECRET, {
        tmnCode: "DEMOV210",
        amountVnd: 125_000,
        txnRef: "AB12CD34EF",
        orderInfo: "Thanh toan don hang AB12CD34EF",
        returnUrl: "https://cho.example/orders/AB12CD34EF",
        ipAddr: "203.0.113.9",
        locale: "vn",
        createdAt,
        expiresAt: createdAt + 30 * 60_000,
      }),
    );
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({ vnp_Amount: "12500000", vnp_CreateDate: "20261204000005", vnp_ExpireDate: "20261204003005", vnp_Version: "2.1.0", vnp_CurrCode: "VND" });
    expect(params).not.toHaveProperty("vnp_SecureHashType");
    const query = url.search.slice(1).replace(/&vnp_SecureHash=[0-9a-f]+$/, "");
    expect(params.vnp_SecureHash).toBe(sha512(query));
    expect(vnpayQueryIsSigned(SECRET, params)).toBe(true);
    expect(vnpayQueryIsSigned(SECRET, { ...params, vnp_Amount: "12500100" })).toBe(false);
    expect(vnpayQueryIsSigned("another secret", params)).toBe(false);
  });
});

describe("VNPay's API hashes", () => {
  it("signs querydr over its nine fields joined by |, in VNPay's order", () => {
    const body = {
      vnp_RequestId: "r1", vnp_Version: "2.1.0", vnp_Command: "querydr", vnp_TmnCode: "DEMOV210", vnp_TxnRef: "AB12CD34EF",
      vnp_TransactionDate: "20261204000005", vnp_CreateDate: "20261204001000", vnp_IpAddr: "127.0.0.1", vnp_OrderInfo: "Thanh toan don hang AB12CD34EF",
    };
    expect(signVnpayApiRequest(SECRET, "querydr", body).vnp_SecureHash).toBe(
      sha512("r1|2.1.0|querydr|DEMOV210|AB12CD34EF|20261204000005|20261204001000|127.0.0.1|Thanh toan don hang AB12CD34EF"),
    );
  });

  it("believes a refund's answer only with its own hash (the npm package never checks it)", () => {
    const answer = {
      vnp_ResponseId: "9", vnp_Command: "refund", vnp_ResponseCode: "00", vnp_Message: "ok", vnp_TmnCode: "DEMOV210", vnp_TxnRef: "AB12CD34EF",
      vnp_Amount: "12500000", vnp_BankCode: "NCB", vnp_PayDate: "20261204000100", vnp_TransactionNo: "14000001", vnp_TransactionType: "02",
      vnp_TransactionStatus: "05", vnp_OrderInfo: "Hoan tien",
    };
    const hash = sha512(Object.values(answer).join("|"));
    expect(vnpayApiAnswerIsSigned(SECRET, "refund", { ...answer, vnp_SecureHash: hash })).toBe(true);
    expect(vnpayApiAnswerIsSigned(SECRET, "refund", { ...answer, vnp_ResponseCode: "02", vnp_SecureHash: hash })).toBe(false);
    expect(vnpayApiAnswerIsSigned(SECRET, "refund", answer)).toBe(false);
  });
});

describe("VNPay's units", () => {
  it("reads amounts in hundredths of a đồng and refuses fractions", () => {
    expect(vnpayAmountVnd("12500000")).toBe(125_000);
    expect(vnpayAmountVnd("12500050")).toBeNull();
    expect(vnpayAmountVnd("abc")).toBeNull();
  });

  it("writes dates in Vietnam's time whatever the server's zone", () => {
    expect(vnpayDate(Date.UTC(2026, 0, 31, 20, 15, 0))).toBe("20260201031500");
  });

  it("refunds the whole payment as 02, part of it as 03", () => {
    expect(vnpayRefundType(125_000, 125_000)).toBe("02");
    expect(vnpayRefundType(40_000, 125_000)).toBe("03");
  });
});

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { momoRefundOrderId, momoSignature, momoSignatureIsValid } from "./momo";

const SECRET = "K951B6PE1waDMi640xX08PD3vg6EkVlz";
const ACCESS = "F8BBA842ECF85";
const sha256 = (text: string) => createHmac("sha256", SECRET).update(text).digest("hex");

describe("MoMo's signatures (INTEGRATIONS.md §2.2)", () => {
  it("signs a create request over its ten fields in alphabetical order, raw values, with the access key", () => {
    const request = {
      partnerCode: "MOMO", requestId: "req-1", amount: 150000, orderId: "AB12CD34EF", orderInfo: "Thanh toán đơn hàng AB12CD34EF",
      redirectUrl: "https://cho.example/orders/AB12CD34EF", ipnUrl: "https://cho.example/webhooks/momo", requestType: "captureWallet", extraData: "",
    };
    expect(momoSignature(SECRET, ACCESS, "create", request)).toBe(
      sha256(
        "accessKey=F8BBA842ECF85&amount=150000&extraData=&ipnUrl=https://cho.example/webhooks/momo&orderId=AB12CD34EF" +
          "&orderInfo=Thanh toán đơn hàng AB12CD34EF&partnerCode=MOMO&redirectUrl=https://cho.example/orders/AB12CD34EF&requestId=req-1&requestType=captureWallet",
      ),
    );
  });

  it("checks an IPN with the access key MoMo signs but does not send, and refuses any altered field", () => {
    const ipn = {
      partnerCode: "MOMO", orderId: "ORD-1", requestId: "REQ-1", amount: 150000, orderInfo: "…", orderType: "momo_wallet",
      transId: 4088878653, resultCode: 0, message: "Successful.", payType: "qr", responseTime: 1721720663942, extraData: "",
    };
    const signature = sha256(
      "accessKey=F8BBA842ECF85&amount=150000&extraData=&message=Successful.&orderId=ORD-1&orderInfo=…&orderType=momo_wallet" +
        "&partnerCode=MOMO&payType=qr&requestId=REQ-1&responseTime=1721720663942&resultCode=0&transId=4088878653",
    );
    expect(momoSignatureIsValid(SECRET, ACCESS, "ipn", ipn, signature)).toBe(true);
    expect(momoSignatureIsValid(SECRET, ACCESS, "ipn", { ...ipn, amount: 1500 }, signature)).toBe(false);
    expect(momoSignatureIsValid(SECRET, "another access key", "ipn", ipn, signature)).toBe(false);
    expect(momoSignatureIsValid(SECRET, ACCESS, "ipn", ipn, "not hex")).toBe(false);
  });

  it("refunds under a new order id of MoMo's allowed form, the same for a retry", () => {
    const id = momoRefundOrderId("AB12CD34EF", "AB12CD34EF-41-42");
    expect(id).toMatch(/^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$/);
    expect(id).not.toBe("AB12CD34EF");
    expect(momoRefundOrderId("AB12CD34EF", "AB12CD34EF-41-42")).toBe(id);
  });
});

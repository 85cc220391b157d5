import { describe, expect, it } from "vitest";
import { crc16CcittFalse, parseTlv, parseVietQr } from "../payments/vietqr";
import { salePayload, stallSignPayload } from "./stall-qr";

const account = { bankBin: "970436", accountNo: "0071000123456" };

describe("stall QR payloads", () => {
  it("the sign's QR is static: no amount, the stall code as purpose, the producer's own account, CRC correct", () => {
    const payload = stallSignPayload(account, "ST4KX9M2PQ");
    expect(parseVietQr(payload)).toEqual({ bankBin: "970436", accountNumber: "0071000123456", amount: null, purpose: "ST4KX9M2PQ", crcValid: true });
    const top = parseTlv(payload);
    expect(top.get("01")).toBe("11");
    expect(top.has("54")).toBe(false);
    expect(payload.slice(-4)).toBe(crc16CcittFalse(payload.slice(0, -4)));
  });

  it("a sale's QR is dynamic: exactly its amount and its code, CRC correct", () => {
    const payload = salePayload(account, { code: "CS7K2M9Q4XAB", amountVnd: 125000 });
    expect(parseVietQr(payload)).toEqual({ bankBin: "970436", accountNumber: "0071000123456", amount: 125000, purpose: "CS7K2M9Q4XAB", crcValid: true });
    expect(parseTlv(payload).get("01")).toBe("12");
    // One changed character breaks the CRC.
    expect(parseVietQr(payload.replace("125000", "125001")).crcValid).toBe(false);
  });

  it("matches the published example's layout when given its account and amount", () => {
    expect(salePayload({ bankBin: "970416", accountNo: "257678859" }, { code: "Chuyen tien", amountVnd: 10000 })).toBe(
      "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6",
    );
  });
});

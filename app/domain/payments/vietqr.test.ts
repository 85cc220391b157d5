import { describe, expect, it } from "vitest";
import { crc16CcittFalse, encodeVietQr, parseTlv, parseVietQr, transferPurpose } from "./vietqr";

const PUBLISHED_EXAMPLE =
  "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6";

/** mulberry32: small seeded generator so the property loop is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("crc16CcittFalse", () => {
  it("gives the standard check value", () => {
    expect(crc16CcittFalse("123456789")).toBe("29B1");
  });
  it("is the initial value for empty input and always four upper-case hex digits", () => {
    expect(crc16CcittFalse("")).toBe("FFFF");
    for (const text of ["A", "6304", "xyz", "Chuyen tien"]) expect(crc16CcittFalse(text)).toMatch(/^[0-9A-F]{4}$/);
  });
  it("reads the UTF-8 bytes", () => {
    // "é" is the two bytes C3 A9 in UTF-8 (a Latin-1 reading of the single byte E9 would give 8DF7).
    expect(crc16CcittFalse("é")).toBe("7ACB");
  });
});

describe("transferPurpose", () => {
  it("folds Vietnamese to ASCII, keeping case", () => {
    expect(transferPurpose("Thanh toán đơn OC7K2M9Q4X")).toBe("Thanh toan don OC7K2M9Q4X");
    expect(transferPurpose("ĐẶC SẢN")).toBe("DAC SAN");
    expect(transferPurpose("Nước mắm")).toBe("Nuoc mam");
  });
  it("drops punctuation, collapses whitespace and trims", () => {
    expect(transferPurpose("  OC-7K2M, 9Q4X!  ")).toBe("OC7K2M 9Q4X");
    expect(transferPurpose("a\t\tb\nc   d")).toBe("a b c d");
    expect(transferPurpose("€%$#")).toBe("");
  });
  it("keeps at most 25 characters without a trailing space", () => {
    expect(transferPurpose("x".repeat(40))).toBe("x".repeat(25));
    expect(transferPurpose(`${"a".repeat(24)} bcd`)).toBe("a".repeat(24));
  });
});

describe("encodeVietQr", () => {
  it("reproduces the published ACB example byte for byte", () => {
    expect(
      encodeVietQr({ bankBin: "970416", accountNumber: "257678859", amount: 10000, purpose: "Chuyen tien" }),
    ).toBe(PUBLISHED_EXAMPLE);
  });
  it("folds the purpose before encoding it", () => {
    const payload = encodeVietQr({ bankBin: "970416", accountNumber: "257678859", amount: 10000, purpose: "Chuyển tiền" });
    expect(payload).toBe(PUBLISHED_EXAMPLE);
  });
  it("leaves field 62 out when the purpose folds to nothing", () => {
    const payload = encodeVietQr({ bankBin: "970416", accountNumber: "257678859", amount: 10000, purpose: "!!" });
    expect(payload).not.toContain("62");
    expect(parseVietQr(payload)).toMatchObject({ purpose: "", crcValid: true });
  });
  it("refuses amounts that are not positive safe integers", () => {
    const base = { bankBin: "970416", accountNumber: "257678859", purpose: "x" };
    for (const amount of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => encodeVietQr({ ...base, amount }), String(amount)).toThrow(/amount/);
    }
  });
  it("refuses a bank BIN that is not 6 digits", () => {
    const base = { accountNumber: "257678859", amount: 1, purpose: "x" };
    for (const bankBin of ["", "97041", "9704160", "97041a", " 970416"]) {
      expect(() => encodeVietQr({ ...base, bankBin }), bankBin).toThrow(/BIN/);
    }
  });
  it("refuses an account that is not 1–19 letters or digits", () => {
    const base = { bankBin: "970416", amount: 1, purpose: "x" };
    for (const accountNumber of ["", "1".repeat(20), "123-456", "123 456", "số1"]) {
      expect(() => encodeVietQr({ ...base, accountNumber }), accountNumber).toThrow(/account/);
    }
    expect(() => encodeVietQr({ ...base, accountNumber: "A".repeat(19) })).not.toThrow();
  });
});

describe("parseTlv", () => {
  it("splits one level into ordered fields", () => {
    expect([...parseTlv("0002010102125802VN")]).toEqual([
      ["00", "01"],
      ["01", "12"],
      ["58", "VN"],
    ]);
    expect(parseTlv("").size).toBe(0);
  });
  it("throws on malformed TLV", () => {
    for (const text of ["0", "00", "0002", "000201X", "0A0201", "00020", "0000", "00020100020"]) {
      expect(() => parseTlv(text), text).toThrow(/VietQR/);
    }
    expect(() => parseTlv("0002010002AB")).toThrow(/twice/);
  });
});

describe("parseVietQr", () => {
  it("reads the published example", () => {
    expect(parseVietQr(PUBLISHED_EXAMPLE)).toEqual({
      bankBin: "970416",
      accountNumber: "257678859",
      amount: 10000,
      purpose: "Chuyen tien",
      crcValid: true,
    });
  });
  it("accepts a lower-case CRC", () => {
    expect(parseVietQr(PUBLISHED_EXAMPLE.replace(/53E6$/, "53e6")).crcValid).toBe(true);
  });
  it("reports a missing CRC or one that is not last as invalid", () => {
    const withoutCrc = PUBLISHED_EXAMPLE.slice(0, -8);
    expect(parseVietQr(withoutCrc).crcValid).toBe(false);
    expect(parseVietQr(`${PUBLISHED_EXAMPLE}5802VN`.replace("5802VN62", "62")).crcValid).toBe(false);
  });
  it("reports no amount for a static QR", () => {
    const body = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA5303704" + "5802VN6304";
    expect(parseVietQr(body + crc16CcittFalse(body))).toEqual({
      bankBin: "970416",
      accountNumber: "257678859",
      amount: null,
      purpose: "",
      crcValid: true,
    });
  });
  it("throws on payloads that are not VietQR transfers", () => {
    expect(() => parseVietQr("000201")).toThrow(/38/);
    expect(() => parseVietQr("00020138140010A000000999")).toThrow(/A000000727/);
    expect(() => parseVietQr("0002013814" + "0010A000000727")).toThrow(/38\/01/);
    expect(() => parseVietQr("not a qr")).toThrow(/malformed/);
    expect(() => parseVietQr(PUBLISHED_EXAMPLE.replace("540510000", "54051e000"))).toThrow(/amount/);
  });
});

describe("encodeVietQr and parseVietQr together", () => {
  const random = seeded(20250701);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
  const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const purposes = [
    "Thanh toán đơn OC7K2M9Q4X",
    "Chuyen tien",
    "ĐẶT HÀNG OCABCDEFGH23 — cảm ơn!",
    "Nước mắm Phú Quốc, 2 chai",
    "OC",
    "   spaces    everywhere   ",
    "Mua gạo ST25 Sóc Trăng giao nhanh giúp em nhé",
  ];
  const cases = Array.from({ length: 400 }, () => ({
    bankBin: pick(["970416", "970436", "970415", "970422", "970418", digits(6)]),
    accountNumber:
      random() < 0.7
        ? digits(1 + Math.floor(random() * 19))
        : Array.from({ length: 1 + Math.floor(random() * 19) }, () => pick([...alnum])).join(""),
    amount: pick([1, 99_999_999, 1 + Math.floor(random() * 99_999_999)]),
    purpose: random() < 0.5 ? pick(purposes) : `OC${digits(10)} ${pick(purposes)}`,
  }));

  it("gives every field back with a valid CRC", () => {
    for (const input of cases) {
      const payload = encodeVietQr(input);
      expect(parseVietQr(payload), payload).toEqual({
        bankBin: input.bankBin,
        accountNumber: input.accountNumber,
        amount: input.amount,
        purpose: transferPurpose(input.purpose),
        crcValid: true,
      });
    }
  });

  it("notices a changed character inside a value", () => {
    for (const input of cases) {
      const payload = encodeVietQr(input);
      // Change one amount digit: the structure stays intact, so only the CRC can tell.
      const at = payload.indexOf(`54${String(input.amount.toString().length).padStart(2, "0")}`) + 4;
      const changed = payload.slice(0, at) + String((Number(payload[at]) + 1) % 10) + payload.slice(at + 1);
      expect(parseVietQr(changed).crcValid, changed).toBe(false);
    }
  });

  it("never accepts a payload with any single character changed", () => {
    const payload = encodeVietQr(cases[0]!);
    for (let at = 0; at < payload.length; at++) {
      const original = payload[at]!;
      const replacement = original === "7" ? "8" : /\d/.test(original) ? "7" : original === "X" ? "Y" : "X";
      const changed = payload.slice(0, at) + replacement + payload.slice(at + 1);
      let crcValid = false;
      try {
        crcValid = parseVietQr(changed).crcValid;
      } catch {
        // A broken structure is also a refusal.
      }
      expect(crcValid, `position ${at}`).toBe(false);
    }
  });
});

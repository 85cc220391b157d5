import { describe, expect, it } from "vitest";
import { BANKS, bankByBin, bankName, banksByName, isKnownBankBin } from "./banks";

describe("the bank list", () => {
  it("has one row per BIN, each of 6 digits, each with a short and a full name", () => {
    const bins = BANKS.map((bank) => bank.bin);
    expect(new Set(bins).size).toBe(bins.length);
    for (const bank of BANKS) {
      expect(bank.bin).toMatch(/^\d{6}$/);
      expect(bank.shortName.trim()).not.toBe("");
      expect(bank.name.trim()).not.toBe("");
    }
    expect(new Set(BANKS.map((bank) => bank.shortName)).size).toBe(BANKS.length);
  });

  it("knows the banks most producers use by their published BINs", () => {
    expect(bankByBin("970436")?.shortName).toBe("Vietcombank");
    expect(bankByBin("970405")?.shortName).toBe("Agribank");
    expect(bankByBin("970418")?.shortName).toBe("BIDV");
    expect(bankByBin("970415")?.shortName).toBe("VietinBank");
    expect(bankByBin("970422")?.shortName).toBe("MB Bank");
    expect(bankByBin("970416")?.shortName).toBe("ACB");
    expect(bankByBin("970407")?.shortName).toBe("Techcombank");
    expect(bankByBin("970405")?.name).toBe("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam");
  });

  it("refuses a BIN that is not on the list", () => {
    expect(isKnownBankBin("970436")).toBe(true);
    expect(isKnownBankBin("123456")).toBe(false);
    expect(isKnownBankBin("97043")).toBe(false);
    expect(isKnownBankBin("")).toBe(false);
  });

  it("names a bank by its BIN, and still shows a BIN saved before the list", () => {
    expect(bankName("970416")).toBe("ACB");
    expect(bankName("123456")).toBe("BIN 123456");
  });

  it("offers the banks in Vietnamese alphabetical order of their short names", () => {
    const names = banksByName().map((bank) => bank.shortName);
    expect(names).toHaveLength(BANKS.length);
    expect(names.slice(0, 3)).toEqual(["ABBANK", "ACB", "Agribank"]);
    expect(names.indexOf("BIDV")).toBeLessThan(names.indexOf("Vietcombank"));
    expect(names.indexOf("VIB")).toBeLessThan(names.indexOf("VietABank"));
  });
});

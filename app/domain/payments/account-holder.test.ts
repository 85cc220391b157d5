import { describe, expect, it } from "vitest";
import { accountHolderName } from "./account-holder";

describe("accountHolderName", () => {
  it("upper-cases and removes tone and vowel marks", () => {
    expect(accountHolderName("Hợp tác xã Ông Cua")).toBe("HOP TAC XA ONG CUA");
    expect(accountHolderName("Nguyễn Thị Ánh Tuyết")).toBe("NGUYEN THI ANH TUYET");
    expect(accountHolderName("Lê Văn Ưng Ơn")).toBe("LE VAN UNG ON");
  });

  it("writes đ and Đ as D", () => {
    expect(accountHolderName("Đặng Văn Đức")).toBe("DANG VAN DUC");
    expect(accountHolderName("cơ sở đường phèn")).toBe("CO SO DUONG PHEN");
  });

  it("folds decomposed (NFD) input typed by some phone keyboards the same way", () => {
    expect(accountHolderName("Hợp tác xã".normalize("NFD"))).toBe("HOP TAC XA");
  });

  it("keeps digits, drops punctuation and collapses spaces", () => {
    expect(accountHolderName("  Cty TNHH  Trà & Thảo-dược 3/2 ")).toBe("CTY TNHH TRA THAO DUOC 3 2");
    expect(accountHolderName("NGUYEN VAN AN")).toBe("NGUYEN VAN AN");
  });

  it("leaves nothing of a name without Latin letters or digits", () => {
    expect(accountHolderName("  ...  ")).toBe("");
    expect(accountHolderName("张伟")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { formatWeight } from "./weight";

describe("formatWeight", () => {
  it("uses grams below a kilo and kilos above, with a decimal comma", () => {
    expect(formatWeight(500)).toBe("500 g");
    expect(formatWeight(1000)).toBe("1 kg");
    expect(formatWeight(1500)).toBe("1,5 kg");
    expect(formatWeight(5000)).toBe("5 kg");
  });
});

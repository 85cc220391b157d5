import { describe, expect, it } from "vitest";
import { unitLabel } from "./units";

describe("unitLabel", () => {
  it("shows Vietnamese visitors the unit exactly as the producer typed it", () => {
    expect(unitLabel("Hộp 6 chai", "vi")).toBe("Hộp 6 chai");
    expect(unitLabel("chai", "vi", 3)).toBe("chai");
  });

  it("translates the common units for English visitors, one or many", () => {
    expect(unitLabel("chai", "en")).toBe("bottle");
    expect(unitLabel("chai", "en", 12)).toBe("bottles");
    expect(unitLabel("hộp", "en", 2)).toBe("boxes");
    expect(unitLabel("túi", "en")).toBe("bag");
    expect(unitLabel("gói", "en")).toBe("pack");
    expect(unitLabel("lít", "en", 5)).toBe("litres");
    expect(unitLabel("hũ", "en")).toBe("jar");
    expect(unitLabel("cái", "en")).toBe("piece");
    expect(unitLabel("bó", "en", 0)).toBe("bunches");
    expect(unitLabel("kg", "en", 7)).toBe("kg");
  });

  it("reads the unit however it was typed: capitals, spaces, decomposed diacritics", () => {
    expect(unitLabel(" Hộp ", "en")).toBe("box");
    expect(unitLabel("CHAI", "en")).toBe("bottle");
    // "hộp" typed with combining marks (as some Vietnamese keyboards send it) is still a box.
    expect(unitLabel("hộp".normalize("NFD"), "en")).toBe("box");
  });

  it("falls back to what the producer typed for a unit it does not know", () => {
    expect(unitLabel("xâu", "en")).toBe("xâu");
    expect(unitLabel("hộp quà 6 chai", "en")).toBe("hộp quà 6 chai");
  });
});

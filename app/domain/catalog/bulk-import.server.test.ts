import { describe, expect, it } from "vitest";
import { readTable } from "./bulk-import.server";

describe("readTable", () => {
  it("takes control characters out of every cell, keeping tabs and line breaks inside quoted text", async () => {
    const csv = 'name,description\nMắm tôm\u0000 chua\u0007,"Dòng một\nDòng\u001b hai\tcột"\n';
    expect(await readTable(new TextEncoder().encode(csv))).toEqual([
      ["name", "description"],
      ["Mắm tôm chua", "Dòng một\nDòng hai\tcột"],
    ]);
  });
});

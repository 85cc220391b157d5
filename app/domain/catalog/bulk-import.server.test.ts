import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS } from "./bulk-import";
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

describe("readTable on a large CSV", () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it("lets other work run while it parses, instead of holding the event loop for the whole file", async () => {
    const csv = encode(`Tên,Nhóm,Đơn vị,Giá\n${"Gạo ST25,food,túi,90000\n".repeat(1500)}`);
    const order: string[] = [];
    setImmediate(() => order.push("another request"));
    const table = await readTable(csv);
    order.push("parsed");
    expect(order).toEqual(["another request", "parsed"]);
    expect(Array.isArray(table) && table.length).toBe(1501);
  });

  it("stops reading once the sheet has more product rows than an import takes", async () => {
    // 2 MB of tiny rows: parsing all of them took 0.9 s of CPU before checkSheet refused the file.
    const table = await readTable(encode(`Tên,Giá\n${"a,1\n,\n".repeat(200_000)}`));
    if (!Array.isArray(table)) throw new Error(String(table));
    const productRows = table.slice(1).filter((row) => row.some((cell) => cell.trim() !== "")).length;
    expect(productRows).toBeGreaterThan(MAX_IMPORT_ROWS);
    expect(table.length).toBeLessThan(2 * (MAX_IMPORT_ROWS + 2) + 32 * 1024);
  });

  it("keeps quoted text whole across the pieces it parses in", async () => {
    const description = `Dòng một\n${"mô tả dài, có dấu phẩy; ".repeat(3000)}\nDòng cuối`;
    const table = await readTable(encode(`Tên,Mô tả\nMắm tôm,"${description}"\nMật ong,ngọt\n`));
    expect(table).toEqual([
      ["Tên", "Mô tả"],
      ["Mắm tôm", description],
      ["Mật ong", "ngọt"],
    ]);
  });

  it("still says a CSV with an unclosed quote is unreadable", async () => {
    expect(await readTable(encode(`Tên,Giá\n"Mắm tôm,90000\n${"x,1\n".repeat(20_000)}`))).toBeNull();
  });
});

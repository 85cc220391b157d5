import writeXlsxFile from "write-excel-file/node";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTable } from "./bulk-import.server";
import { checkXlsxArchive, MAX_XLSX_UNPACKED_BYTES } from "./xlsx-archive.server";
import { zeroBomb, zip } from "../../../tests/setup/zip";

const xml = (text: string) => ({ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(text), centralSize: Buffer.byteLength(text) });

describe("checkXlsxArchive", () => {
  it("passes a real spreadsheet, which then reads as rows", async () => {
    const file = new Uint8Array(await writeXlsxFile([[{ value: "Tên sản phẩm" }, { value: "Giá" }], [{ value: "Gạo ST25" }, { value: 250000 }]]).toBuffer());
    expect(checkXlsxArchive(file)).toBeNull();
    expect(await readTable(file)).toEqual([
      ["Tên sản phẩm", "Giá"],
      ["Gạo ST25", "250000"],
    ]);
  });

  it("passes honest entries, stored or deflated, with or without data descriptors", () => {
    const text = "<worksheet/>";
    expect(checkXlsxArchive(zip([xml(text)]))).toBeNull();
    expect(checkXlsxArchive(zip([{ ...xml(text), descriptor: true }]))).toBeNull();
    expect(checkXlsxArchive(zip([{ name: "a.xml", data: Buffer.from(text), method: 0, centralSize: text.length }]))).toBeNull();
  });

  it("refuses a bomb whose central directory claims 1,000 bytes while its local header tells the truth", () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: zeroBomb(40), centralSize: 1000, localSize: 40 * 1024 * 1024 }]);
    expect(bomb.byteLength).toBeLessThan(60_000);
    expect(checkXlsxArchive(bomb)).toBe("inconsistent");
  });

  it("refuses a bomb whose headers both lie, inflating no further than the size they claim", () => {
    const before = process.memoryUsage().arrayBuffers;
    expect(checkXlsxArchive(zip([{ name: "xl/worksheets/sheet1.xml", data: zeroBomb(200), centralSize: 1000 }]))).toBe("inconsistent");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses an archive that honestly unpacks past the cap, before inflating it", () => {
    const megabytes = MAX_XLSX_UNPACKED_BYTES / (1024 * 1024) + 1;
    expect(checkXlsxArchive(zip([{ name: "big.xml", data: zeroBomb(megabytes), centralSize: megabytes * 1024 * 1024 }]))).toBe("too_large");
    const half = (MAX_XLSX_UNPACKED_BYTES / 2 + 1) | 0;
    expect(checkXlsxArchive(zip([{ ...xml("<a/>"), centralSize: half }, { ...xml("<b/>"), name: "b.xml", centralSize: half }]))).toBe("too_large");
  });

  it("refuses a local entry the directory does not list, which a streaming reader would still unpack", () => {
    const hidden = Buffer.from(zip([{ name: "xl/worksheets/sheet1.xml", data: zeroBomb(2), centralSize: 2 * 1024 * 1024 }]).subarray(0, 30 + 24 + zeroBomb(2).length));
    expect(checkXlsxArchive(zip([xml("<worksheet/>")], { hidden }))).toBe("inconsistent");
  });

  it("refuses what is not a plain single-disk ZIP", () => {
    const good = zip([xml("<worksheet/>")]);
    expect(checkXlsxArchive(good.subarray(0, good.length - 1))).toBe("not_zip");
    expect(checkXlsxArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("not_zip");
    const zip64 = new Uint8Array(good);
    new DataView(zip64.buffer).setUint16(zip64.length - 12, 0xffff, true);
    expect(checkXlsxArchive(zip64)).toBe("inconsistent");
    const renamed = new Uint8Array(good);
    renamed[30] = "X".charCodeAt(0);
    expect(checkXlsxArchive(renamed)).toBe("inconsistent");
  });
});

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, csvRecord, toCsv, type CsvValue } from "./csv";

describe("csvField", () => {
  it("leaves plain text, including Vietnamese, unquoted", () => {
    expect(csvField("Gạo ST25 Ông Cua")).toBe("Gạo ST25 Ông Cua");
    expect(csvField("")).toBe("");
  });

  it("quotes a field with a comma, a quote or a line break, doubling inner quotes", () => {
    expect(csvField("Mật ong, hoa tràm")).toBe('"Mật ong, hoa tràm"');
    expect(csvField('Trà "sen" Tháp Mười')).toBe('"Trà ""sen"" Tháp Mười"');
    expect(csvField('"')).toBe('""""');
    expect(csvField("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvField("dòng 1\r\ndòng 2")).toBe('"dòng 1\r\ndòng 2"');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });

  it("does not quote other punctuation or spaces", () => {
    expect(csvField("  100% tự nhiên; không chất bảo quản ")).toBe("  100% tự nhiên; không chất bảo quản ");
    expect(csvField("it's")).toBe("it's");
  });

  it("writes integers as plain digits, booleans as words and null as an empty field", () => {
    expect(csvField(185000)).toBe("185000");
    expect(csvField(0)).toBe("0");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(true)).toBe("true");
    expect(csvField(false)).toBe("false");
    expect(csvField(null)).toBe("");
  });

  it("refuses numbers that are not finite", () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("csvRecord", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", 1, null, true])).toBe("a,1,,true\r\n");
    expect(csvRecord([])).toBe("\r\n");
  });
});

describe("toCsv", () => {
  it("writes the header, then every row, each ending with CRLF", () => {
    expect(toCsv(["id", "name"], [[1, "Nước mắm Phú Quốc"], [2, "Trà, sen"]])).toBe(
      'id,name\r\n1,Nước mắm Phú Quốc\r\n2,"Trà, sen"\r\n',
    );
  });

  it("writes only the header when there are no rows", () => {
    expect(toCsv(["id", "name"], [])).toBe("id,name\r\n");
  });

  it("quotes header fields like any other", () => {
    expect(toCsv(["a,b"], [["x"]])).toBe('"a,b"\r\nx\r\n');
  });

  it("refuses a row whose length differs from the header's", () => {
    expect(() => toCsv(["a", "b"], [["1", "2"], ["3"]])).toThrow(/row 2 has 1 fields/);
  });

  it("reads back, with an RFC 4180 parser, to the same text it was given", () => {
    const header = ["id", "name", "note", "empty"];
    const rows: CsvValue[][] = [
      [1, 'Bánh pía "Tân Huê Viên", loại 4 sao', "dòng 1\r\ndòng 2\nvà 3", ""],
      [2, ",", '""', null],
      [3, "  khoảng trắng  ", "a\rb", "cuối"],
    ];
    const parsed = parse(toCsv(header, rows), { relax_column_count: false }) as string[][];
    expect(parsed).toEqual([header, ...rows.map((row) => row.map((v) => (v === null ? "" : String(v))))]);
  });
});

describe("spreadsheet formulas", () => {
  it("keeps text that starts like a formula as text", () => {
    expect(csvField('=HYPERLINK("http://x","OCOP")')).toBe(`"'=HYPERLINK(""http://x"",""OCOP"")"`);
    expect(csvField("+84 912")).toBe("'+84 912");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField(-5)).toBe("-5");
    expect(csvField("Mật ong - rừng")).toBe("Mật ong - rừng");
  });
});

import { describe, expect, it } from "vitest";
import { checkSheet, checkSheetInSteps, groupFromCell, TEMPLATE_HEADER } from "./bulk-import";

describe("groupFromCell", () => {
  it("reads codes and Vietnamese names, with or without marks", () => {
    expect(groupFromCell("food")).toBe("food");
    expect(groupFromCell("Thực phẩm")).toBe("food");
    expect(groupFromCell("thu cong my nghe")).toBe("handicraft");
    expect(groupFromCell("Dược liệu")).toBe("herbal");
    expect(groupFromCell("vũ khí")).toBeNull();
  });
});

describe("checkSheet", () => {
  const header = TEMPLATE_HEADER;
  it("turns good rows into listings and reports each bad cell by row and column", () => {
    const result = checkSheet(
      [
        header,
        ["Mật ong rừng U Minh", "Thực phẩm", "chai", "250.000", "40", "700", "Mật ong hoa tràm.", "", ""],
        ["", "", "", "", "", "", "", "", ""],
        ["Cá", "vũ khí", "kg", "12,5", "-1", "", "", "", ""],
      ],
    );
    if ("headerError" in result) throw new Error(result.headerError);
    expect(result.rowCount).toBe(2);
    expect(result.valid).toEqual([
      {
        row: 2,
        input: { name: "Mật ong rừng U Minh", groupCode: "food", unit: "chai", priceVnd: 250000, stock: 40, weightGrams: 700, description: "Mật ong hoa tràm.", intent: "draft" },
        sizes: [{ row: 2, label: "", priceVnd: 250000, stock: 40, weightGrams: 700, gtin: null }],
      },
    ]);
    expect(result.errors).toEqual([
      { row: 4, column: "Tên sản phẩm", message: "listing.error.name" },
      { row: 4, column: "Nhóm", message: "listing.error.group" },
      { row: 4, column: "Giá", message: "listing.error.price" },
      { row: 4, column: "Số lượng", message: "listing.error.stock" },
    ]);
  });

  it("makes rows of one name with a size into one product in several sizes, checking each size", () => {
    const result = checkSheet([
      header,
      ["Gạo ST25", "Thực phẩm", "túi", "79.000", "200", "2000", "Gạo thơm Sóc Trăng.", "Túi 2 kg", ""],
      ["Trà sen", "Đồ uống", "hộp", "120.000", "25", "200", "", "", ""],
      ["gao st25", "food", "túi", "185.000", "420", "5000", "", "Túi 5 kg", "893 8505 974194"],
      ["Gạo ST25", "Thực phẩm", "túi", "185.000", "1", "5000", "", "túi 5 KG", ""],
      ["Gạo ST25", "Thực phẩm", "kg", "40.000", "1", "1000", "", "Cân lẻ", ""],
      ["Gạo ST25", "Thực phẩm", "túi", "360.000", "60", "10000", "", "Bao 10 kg", "8938505974195"],
    ]);
    if ("headerError" in result) throw new Error(result.headerError);
    expect(result.valid.map((product) => [product.row, product.input.name, product.sizes.map((size) => [size.row, size.label, size.priceVnd, size.gtin])])).toEqual([
      [2, "Gạo ST25", [[2, "Túi 2 kg", 79000, null], [4, "Túi 5 kg", 185000, "8938505974194"]]],
      [3, "Trà sen", [[3, "", 120000, null]]],
    ]);
    expect(result.errors).toEqual([
      { row: 5, column: "Loại / kích cỡ", message: "variant.error.labelTaken" },
      { row: 6, column: "Loại / kích cỡ", message: "import.error.sizeMismatch" },
      { row: 7, column: "Mã vạch", message: "variant.error.gtin" },
    ]);
  });

  it("accepts English column titles in any order", () => {
    const result = checkSheet([["Price", "Unit", "Name", "Group"], ["90000", "túi", "Gạo ST25", "food"]]);
    expect("headerError" in result ? result.headerError : result.valid[0]?.input).toMatchObject({ name: "Gạo ST25", priceVnd: 90000, intent: "draft" });
  });

  it("refuses a sheet without the required columns or without rows", () => {
    expect(checkSheet([["Tên sản phẩm", "Giá"], ["A", "1000"]])).toEqual({ headerError: "import.error.header" });
    expect(checkSheet([header])).toEqual({ headerError: "import.error.empty" });
    expect(checkSheet([])).toEqual({ headerError: "import.error.empty" });
  });
});

describe("checkSheetInSteps", () => {
  it("pauses after every 200 product rows (blank rows not counted) and ends with checkSheet's answer", () => {
    const rows = Array.from({ length: 450 }, (_, i) => (i % 50 === 7 ? ["", "", ""] : [`Sản phẩm ${i}`, "food", "chai", i % 90 === 3 ? "12,5" : "90000"]));
    const table = [["Tên sản phẩm", "Nhóm", "Đơn vị", "Giá"], ...rows];
    const steps = checkSheetInSteps(table);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // 441 product rows: paused after the 200th and the 400th.
    expect(pauses).toBe(2);
    expect(step.value).toEqual(checkSheet(table));
    if ("headerError" in step.value) throw new Error(step.value.headerError);
    expect(step.value.rowCount).toBe(441);
    expect(step.value.errors.map((e) => e.row)).toEqual([5, 95, 185, 275, 365]);
  });
});

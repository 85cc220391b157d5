import { vi, type MessageKey } from "~/i18n/vi";
import { foldVietnamese } from "./fold";
import { GROUP_NAMES_VI, PRODUCT_GROUPS, type ProductGroup } from "./groups";
import { productSchema, type ProductInput } from "./product-form";
import { isValidGtin } from "./variants";

export const MAX_IMPORT_ROWS = 2000;

type Field = "name" | "groupCode" | "unit" | "priceVnd" | "stock" | "weightGrams" | "description" | "size" | "gtin";

/** Column titles a producer may use, in Vietnamese (with or without marks) or English. */
const COLUMN_ALIASES: Record<Field, string[]> = {
  name: ["ten san pham", "ten", "name", "product"],
  groupCode: ["nhom", "nhom san pham", "group"],
  unit: ["don vi", "don vi ban", "unit"],
  priceVnd: ["gia", "gia ban", "gia dong", "price"],
  stock: ["so luong", "ton kho", "stock"],
  weightGrams: ["khoi luong", "khoi luong g", "khoi luong gam", "weight", "weight g"],
  description: ["mo ta", "description"],
  size: ["loai kich co", "loai", "kich co", "quy cach", "size", "variant"],
  gtin: ["ma vach", "gtin", "barcode", "ean"],
};
const REQUIRED_COLUMNS: Field[] = ["name", "groupCode", "unit", "priceVnd"];

/** The header of the downloadable template, in the order of its columns. */
export const TEMPLATE_HEADER = ["Tên sản phẩm", "Nhóm", "Đơn vị", "Giá", "Số lượng", "Khối lượng (g)", "Mô tả", "Loại / kích cỡ", "Mã vạch"];

/** One size of an imported product: a row of the sheet (ADR 0020). */
export interface SizeRow {
  row: number;
  /** Empty for a product sold in one unnamed size (a row without "Loại / kích cỡ"). */
  label: string;
  priceVnd: number;
  stock: number;
  weightGrams: number;
  gtin: string | null;
}

/** A product to create: its first row's fields, and its sizes, one per row (at least one). */
export interface SheetProduct {
  row: number;
  input: ProductInput;
  sizes: SizeRow[];
}

export interface RowError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column title as written in the file, or "" for the whole row. */
  column: string;
  message: MessageKey;
}

export interface CheckedSheet {
  valid: SheetProduct[];
  errors: RowError[];
  rowCount: number;
}

/** A group written as its code ("food") or its Vietnamese name, with or without marks ("Thực phẩm", "thuc pham"). */
export function groupFromCell(cell: string): ProductGroup | null {
  const folded = foldVietnamese(cell);
  if (!folded) return null;
  const names = (code: ProductGroup) => [code, foldVietnamese(GROUP_NAMES_VI[code]), foldVietnamese(vi[`group.${code}`])];
  return PRODUCT_GROUPS.find((code) => names(code).includes(folded)) ?? null;
}

/**
 * Checks every row of a product sheet against the same rules as the product form, and reports each
 * problem by row, column and message. Valid rows become drafts: a sheet carries no photos, and
 * nothing goes on sale without one (the producer adds a photo to each, then puts it on sale).
 *
 * Sizes: a row per size. Rows with a "Loại / kích cỡ" and the same product name are one product in
 * several sizes; the first such row gives the product's group, unit and description, and the others
 * must agree on group and unit. A row without a size is a product of its own, as before sizes came.
 */
export function checkSheet(table: string[][]): CheckedSheet | { headerError: MessageKey } {
  const steps = checkSheetInSteps(table);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows checked between two pauses of `checkSheetInSteps`: about 30 ms of work on a busy 2-core machine. */
export const ROWS_PER_STEP = 200;

/**
 * `checkSheet` that pauses (yields) after every `rowsPerStep` rows, so a server can let other
 * requests run between steps instead of holding its event loop for a whole 2,000-row sheet.
 */
export function* checkSheetInSteps(
  table: string[][],
  rowsPerStep = ROWS_PER_STEP,
): Generator<void, CheckedSheet | { headerError: MessageKey }> {
  const [header, ...rows] = table;
  if (!header) return { headerError: "import.error.empty" };
  const columnOf = new Map<Field, number>();
  header.forEach((title, index) => {
    const folded = foldVietnamese(title);
    for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [Field, string[]][]) {
      if (aliases.includes(folded) && !columnOf.has(field)) columnOf.set(field, index);
    }
  });
  if (REQUIRED_COLUMNS.some((field) => !columnOf.has(field))) return { headerError: "import.error.header" };
  const dataRows = rows.filter((cells) => cells.some((c) => c.trim() !== ""));
  if (dataRows.length === 0) return { headerError: "import.error.empty" };
  if (dataRows.length > MAX_IMPORT_ROWS) return { headerError: "import.error.tooManyRows" };

  const titleOf = (field: Field) => header[columnOf.get(field)!]!.trim();
  const checked: CheckedSheet = { valid: [], errors: [], rowCount: dataRows.length };
  /** Products in several sizes met so far, by their folded name. */
  const sized = new Map<string, SheetProduct>();
  let sinceStep = 0;
  for (const [i, cells] of rows.entries()) {
    if (!cells.some((c) => c.trim() !== "")) continue;
    if (++sinceStep > rowsPerStep) {
      sinceStep = 1;
      yield;
    }
    const rowNumber = i + 2;
    const cell = (field: Field) => {
      const index = columnOf.get(field);
      return index === undefined ? undefined : (cells[index] ?? "").trim();
    };
    const groupCell = cell("groupCode") ?? "";
    const raw = {
      name: cell("name"),
      groupCode: groupFromCell(groupCell) ?? groupCell,
      unit: cell("unit"),
      priceVnd: cell("priceVnd"),
      stock: cell("stock") || "0",
      weightGrams: cell("weightGrams") || "0",
      description: cell("description"),
      intent: "draft",
    };
    const rowError = (field: Field, message: MessageKey) =>
      checked.errors.push({ row: rowNumber, column: columnOf.has(field) ? titleOf(field) : "", message });
    const label = (cell("size") ?? "").replace(/\s+/g, " ");
    const gtin = (cell("gtin") ?? "").replace(/[\s-]/g, "");
    const parsed = productSchema.safeParse(raw);
    if (!parsed.success) for (const issue of parsed.error.issues) rowError(issue.path[0] as Field, issue.message as MessageKey);
    if (label.length > 40) rowError("size", "variant.error.label");
    if (gtin !== "" && !isValidGtin(gtin)) rowError("gtin", "variant.error.gtin");
    if (!parsed.success || label.length > 40 || (gtin !== "" && !isValidGtin(gtin))) continue;

    const input = parsed.data;
    const size: SizeRow = { row: rowNumber, label, priceVnd: input.priceVnd, stock: input.stock, weightGrams: input.weightGrams, gtin: gtin || null };
    if (label === "") {
      checked.valid.push({ row: rowNumber, input, sizes: [size] });
      continue;
    }
    const key = foldVietnamese(input.name);
    const product = sized.get(key);
    if (!product) {
      const first: SheetProduct = { row: rowNumber, input, sizes: [size] };
      sized.set(key, first);
      checked.valid.push(first);
    } else if (product.input.groupCode !== input.groupCode || product.input.unit !== input.unit) {
      rowError("size", "import.error.sizeMismatch");
    } else if (product.sizes.some((other) => foldVietnamese(other.label) === foldVietnamese(label))) {
      rowError("size", "variant.error.labelTaken");
    } else {
      product.sizes.push(size);
    }
  }
  return checked;
}

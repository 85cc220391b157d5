import { vi, type MessageKey } from "~/i18n/vi";
import { foldVietnamese } from "./fold";
import { GROUP_NAMES_VI, PRODUCT_GROUPS, type ProductGroup } from "./groups";
import { productSchema, type ProductInput } from "./product-form";

export const MAX_IMPORT_ROWS = 2000;

type Field = "name" | "groupCode" | "unit" | "priceVnd" | "stock" | "weightGrams" | "description";

/** Column titles a producer may use, in Vietnamese (with or without marks) or English. */
const COLUMN_ALIASES: Record<Field, string[]> = {
  name: ["ten san pham", "ten", "name", "product"],
  groupCode: ["nhom", "nhom san pham", "group"],
  unit: ["don vi", "don vi ban", "unit"],
  priceVnd: ["gia", "gia ban", "gia dong", "price"],
  stock: ["so luong", "ton kho", "stock"],
  weightGrams: ["khoi luong", "khoi luong g", "khoi luong gam", "weight", "weight g"],
  description: ["mo ta", "description"],
};
const REQUIRED_COLUMNS: Field[] = ["name", "groupCode", "unit", "priceVnd"];

/** The header of the downloadable template, in the order of its columns. */
export const TEMPLATE_HEADER = ["Tên sản phẩm", "Nhóm", "Đơn vị", "Giá", "Số lượng", "Khối lượng (g)", "Mô tả"];

export interface RowError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column title as written in the file, or "" for the whole row. */
  column: string;
  message: MessageKey;
}

export interface CheckedSheet {
  valid: { row: number; input: ProductInput }[];
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
    const parsed = productSchema.safeParse(raw);
    if (parsed.success) {
      checked.valid.push({ row: rowNumber, input: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      checked.errors.push({ row: rowNumber, column: columnOf.has(field) ? titleOf(field) : "", message: issue.message as MessageKey });
    }
  }
  return checked;
}

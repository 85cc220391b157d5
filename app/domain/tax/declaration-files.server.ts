import type { MessageKey } from "~/i18n/vi";
import { toCsv } from "../reports/csv";
import type { Declaration, DeclarationRow } from "./declarations.server";

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The appendix's columns, in order: headers come from the catalog, Vietnamese by default. */
const COLUMNS: { key: MessageKey; value: (row: DeclarationRow, index: number, t: Translate) => string | number }[] = [
  { key: "declaration.col.no", value: (_, i) => i + 1 },
  { key: "declaration.col.name", value: (r) => r.name },
  { key: "declaration.col.taxCode", value: (r, _, t) => r.taxCode ?? t("declaration.missingId") },
  { key: "declaration.col.address", value: (r) => r.address },
  { key: "declaration.col.revenue", value: (r) => r.revenueVnd },
  { key: "declaration.col.vat", value: (r) => r.vatWithheldVnd },
  { key: "declaration.col.pit", value: (r) => r.pitWithheldVnd },
  { key: "declaration.col.revenueOffset", value: (r) => r.revenueOffsetVnd },
  { key: "declaration.col.vatOffset", value: (r) => r.vatOffsetVnd },
  { key: "declaration.col.pitOffset", value: (r) => r.pitOffsetVnd },
  { key: "declaration.col.vatNet", value: (r) => r.vatNetVnd },
  { key: "declaration.col.pitNet", value: (r) => r.pitNetVnd },
];

function table(declaration: Declaration, t: Translate): { header: string[]; rows: (string | number)[][] } {
  const rows = declaration.rows.map((row, i) => COLUMNS.map((c) => c.value(row, i, t)));
  const totals: DeclarationRow = { ...declaration.totals, producerId: 0, name: t("declaration.total"), taxCode: "", address: "", provinceCode: "" };
  // The first four columns say who; on the totals row only the name column does.
  const totalRow = COLUMNS.map((c, i) => (i === 1 ? totals.name : i < 4 ? "" : c.value(totals, 0, t)));
  return { header: COLUMNS.map((c) => t(c.key)), rows: [...rows, totalRow] };
}

export function declarationFileName(declaration: Declaration, extension: "csv" | "xlsx"): string {
  return `to-khai-khau-tru-${declaration.period}${declaration.provinceCode ? `-tinh-${declaration.provinceCode}` : ""}.${extension}`;
}

/** RFC 4180 CSV, UTF-8 with a byte order mark (Excel reads the Vietnamese right), totals as the last row. */
export function declarationCsv(declaration: Declaration, t: Translate): string {
  const { header, rows } = table(declaration, t);
  return `\uFEFF${toCsv(header, rows)}`;
}

/** The same table as an .xlsx workbook, amounts as numbers. */
export async function declarationXlsx(declaration: Declaration, t: Translate): Promise<Buffer> {
  const { header, rows } = table(declaration, t);
  const data = [header.map((value) => ({ value, fontWeight: "bold" as const })), ...rows.map((r) => r.map((value) => ({ value })))];
  // Loaded with the first download, not in every worker at start.
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  return Buffer.from(await writeXlsxFile(data, { sheet: declaration.period }).toBuffer());
}

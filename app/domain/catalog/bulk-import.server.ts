import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import type { MessageKey } from "~/i18n/vi";
import type { PortalActor } from "../producers/portal-actor.server";
import { withoutControlCharacters } from "../shared/form-text";
import { readFormWithFile } from "../shared/uploads.server";
import { checkSheet, type RowError } from "./bulk-import";
import { createListings } from "./listings.server";
import { checkXlsxArchive } from "./xlsx-archive.server";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/**
 * The cells of an .xlsx (recognised by its ZIP signature, not its name) or a UTF-8 CSV file, as text
 * without control characters, as every typed form is (`cleanFormText`); "too_large" for an archive
 * that would unpack past its cap, null for anything unreadable (an archive that lies about itself too).
 */
export async function readTable(bytes: Uint8Array): Promise<string[][] | "too_large" | null> {
  const rows = await readCells(bytes);
  return Array.isArray(rows) ? rows.map((row) => row.map(withoutControlCharacters)) : rows;
}

async function readCells(bytes: Uint8Array): Promise<string[][] | "too_large" | null> {
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
      const problem = checkXlsxArchive(bytes);
      if (problem) return problem === "too_large" ? problem : null;
      const rows = await readSheet(Buffer.from(bytes));
      return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : cell instanceof Date ? cell.toISOString() : String(cell))));
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    // Excel in Vietnamese locales often saves CSV with semicolons.
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch {
    return null;
  }
}

export type ImportOutcome =
  | { status: "refused"; message: MessageKey }
  | { status: "checked"; imported: number; total: number; errors: RowError[] };

/**
 * A bulk import: reads the sheet, checks every row, then imports in one transaction either every
 * row (only when all are valid) or, if the producer chose so, the valid rows alone.
 */
export async function importSheet(request: Request, actor: PortalActor): Promise<ImportOutcome> {
  const upload = await readFormWithFile(request, "file", MAX_IMPORT_BYTES);
  if ("malformed" in upload) throw new Response("Bad request", { status: 400 });
  if ("tooLarge" in upload) return { status: "refused", message: "import.error.tooLarge" };
  if (!upload.file) return { status: "refused", message: "import.error.file" };
  const table = await readTable(upload.file);
  if (table === "too_large") return { status: "refused", message: "import.error.unpackedTooLarge" };
  if (!table) return { status: "refused", message: "import.error.file" };
  const checked = checkSheet(table, upload.form.get("publish") === "1" ? "publish" : "draft");
  if ("headerError" in checked) return { status: "refused", message: checked.headerError };
  const importValidRows = upload.form.get("mode") === "valid";
  if (checked.errors.length > 0 && !importValidRows) {
    return { status: "checked", imported: 0, total: checked.rowCount, errors: checked.errors };
  }
  const imported = checked.valid.length > 0 ? createListings(actor, checked.valid.map((v) => v.input)) : 0;
  return { status: "checked", imported, total: checked.rowCount, errors: checked.errors };
}

import { parse } from "csv-parse";
import type { MessageKey } from "~/i18n/vi";
import { rateLimiter } from "../accounts/rate-limit.server";
import type { PortalActor } from "../producers/portal-actor.server";
import { withoutControlCharacters } from "../shared/form-text";
import { runInSteps, yieldToEventLoop } from "../shared/steps";
import type { ReadUpload } from "../shared/uploaded-form";
import { checkSheetInSteps, MAX_IMPORT_ROWS, ROWS_PER_STEP, type RowError } from "./bulk-import";
import { createListingRows, listingRowMaker, MAX_PRODUCTS_VERIFIED, productCap, productRoom } from "./bulk-listings.server";
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
      // Loaded with the first sheet, not in every worker at start.
      const { readSheet } = await import("read-excel-file/node");
      const rows = await readSheet(Buffer.from(bytes));
      return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "" : cell instanceof Date ? cell.toISOString() : String(cell))));
    }
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    // Excel in Vietnamese locales often saves CSV with semicolons.
    const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
    return await parseCsv(text, delimiter);
  } catch {
    return null;
  }
}

/** Text parsed between two turns of the event loop: about 15 ms of parsing on a busy 2-core machine. */
const CSV_PIECE = 32 * 1024;

/**
 * Parses CSV piece by piece, giving the event loop a turn between pieces (2 MB of one-cell rows took
 * 0.9 s of CPU in one go), and stops reading once the sheet has more product rows than an import
 * takes: `checkSheet` refuses it then, without the rest ever being parsed.
 */
async function parseCsv(text: string, delimiter: string): Promise<string[][]> {
  const rows: string[][] = [];
  let productRows = 0;
  let failure: unknown = null;
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  parser.on("data", (row: string[]) => {
    if (rows.push(row) > 1 && row.some((cell) => cell.trim() !== "")) productRows++;
  });
  parser.on("error", (error) => (failure = error));
  const ended = new Promise<void>((resolve) => parser.once("end", resolve).once("error", () => resolve()));
  for (let at = 0; at < text.length; at += CSV_PIECE) {
    parser.write(text.slice(at, at + CSV_PIECE));
    await yieldToEventLoop();
    if (failure) throw failure;
    if (productRows > MAX_IMPORT_ROWS) {
      parser.destroy();
      return rows;
    }
  }
  parser.end();
  await ended;
  if (failure) throw failure;
  return rows;
}

export type ImportOutcome =
  | { status: "refused"; message: MessageKey; params?: Record<string, number>; tooMany?: true }
  | { status: "checked"; imported: number; total: number; errors: RowError[] };

/**
 * Imports per producer (its own account and its helpers together): 20 an hour, and one at a time.
 * A producer fixing a file's errors sends it again a few times; an import costs up to a second of
 * CPU, so this keeps one account from making the server do nothing else.
 */
const importsPerProducer = rateLimiter({ name: "imports.producer", limit: 20, windowMs: 60 * 60_000 });
const importing = new Set<number>();

/**
 * A bulk import: reads the sheet, checks every row, then imports in one transaction either every
 * row (only when all are valid) or, if the producer chose so, the valid rows alone — never past the
 * producer's product cap (bulk-listings.server.ts). Reading, checking and preparing the rows pause
 * every few hundred rows so other requests keep being answered; the transaction itself only writes.
 */
export async function importSheet(actor: PortalActor, readBody: ReadUpload): Promise<ImportOutcome> {
  const producerId = actor.producer.id;
  if (importing.has(producerId)) return { status: "refused", message: "import.error.busy", tooMany: true };
  if (!importsPerProducer.attempt(String(producerId))) return { status: "refused", message: "import.error.rateLimited", tooMany: true };
  importing.add(producerId);
  try {
    return await importFor(actor, readBody);
  } finally {
    importing.delete(producerId);
  }
}

async function importFor(actor: PortalActor, readBody: ReadUpload): Promise<ImportOutcome> {
  const upload = await readBody();
  if ("tooLarge" in upload) return { status: "refused", message: "import.error.tooLarge" };
  if (!upload.file) return { status: "refused", message: "import.error.file" };
  const table = await readTable(upload.file);
  if (table === "too_large") return { status: "refused", message: "import.error.unpackedTooLarge" };
  if (!table) return { status: "refused", message: "import.error.file" };
  const checked = await runInSteps(checkSheetInSteps(table));
  if ("headerError" in checked) return { status: "refused", message: checked.headerError };
  const importValidRows = upload.form.get("mode") === "valid";
  if (checked.errors.length > 0 && !importValidRows) {
    return { status: "checked", imported: 0, total: checked.rowCount, errors: checked.errors };
  }
  if (checked.valid.length === 0) return { status: "checked", imported: 0, total: checked.rowCount, errors: checked.errors };
  const overCap = (room: number) => ({
    status: "refused" as const,
    message: (productCap(actor.producer) === MAX_PRODUCTS_VERIFIED ? "import.error.overCap" : "import.error.overCapUnverified") as MessageKey,
    params: { cap: productCap(actor.producer), room, rows: checked.valid.length },
  });
  // Said before any work on the rows; the transaction checks again, against imports running meanwhile.
  const room = productRoom(actor.producer);
  if (checked.valid.length > room) return overCap(room);

  const makeRow = listingRowMaker(actor.producer);
  const rows = await runInSteps(
    (function* () {
      const made = [];
      for (const [i, product] of checked.valid.entries()) {
        if (i > 0 && i % ROWS_PER_STEP === 0) yield;
        made.push(makeRow(product));
      }
      return made;
    })(),
  );
  const created = createListingRows(actor, rows);
  if ("overCap" in created) return overCap(created.overCap.room);
  // Counted in rows, like `total`: a product in three sizes is three rows of the sheet.
  const importedRows = checked.valid.reduce((rows, product) => rows + product.sizes.length, 0);
  return { status: "checked", imported: importedRows, total: checked.rowCount, errors: checked.errors };
}

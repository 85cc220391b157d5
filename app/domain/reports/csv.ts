/** A CSV cell: text as is, integers in plain digits, booleans as `true`/`false`, null as an empty field. */
export type CsvValue = string | number | boolean | null;

/** RFC 4180 ends every record with CRLF, which is also what Excel writes. */
const RECORD_END = "\r\n";

// RFC 4180 §2.6: a field holding a comma, a double quote or a line break must be quoted.
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted only when RFC 4180 requires it, inner quotes doubled. */
export function csvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") {
    // "NaN" or "Infinity" in a report is a bug upstream, not a value anyone can use.
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number for CSV: ${value}`);
    return String(value);
  }
  // A text starting like a formula (=, +, -, @) would run as one in a spreadsheet (CSV injection):
  // a leading apostrophe keeps it text. Booleans and numbers never need it.
  const raw = String(value);
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF, so large files can be written record by record. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",") + RECORD_END;
}

/** A whole CSV document: the header row, then every row; each row must have one value per header field. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  let out = csvRecord(header);
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${i + 1} has ${row.length} fields, the header has ${header.length}`);
    }
    out += csvRecord(row);
  });
  return out;
}

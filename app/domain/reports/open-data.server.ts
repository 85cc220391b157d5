import Database from "better-sqlite3";
import { getDb } from "~/db/client.server";
import { badgeValidSql } from "../certification/badge-cache.server";
import { PUBLIC_PRODUCT } from "../catalog/catalog.server";
import { todayInVietnam } from "../shared/dates";
import { csvRecord } from "./csv";
import { htmlSafeJson } from "~/safe-json";

/**
 * One certified product of the open data (PRODUCT.md §3): what its public pages already show and
 * nothing personal — no phone, bank account, owner, street address or email.
 */
export interface OpenDataProduct {
  id: number;
  name: string;
  url: string;
  group: string;
  unit: string;
  /** The lowest and highest price over its sizes on sale (equal for one size). */
  priceVnd: number;
  maxPriceVnd: number;
  /** Its named sizes with their prices, "Túi 2 kg: 79000; Túi 5 kg: 185000"; empty for one unnamed size. */
  sizes: string;
  producer: string;
  producerUrl: string;
  province: string;
  provinceName: string;
  ward: string;
  stars: number;
  certificateNumber: string;
  issuer: string;
  issuerLevel: "province" | "central";
  decisionDate: string;
  expiresOn: string;
  isDemo: boolean;
}

/** The fields of every product, in the order of the JSON objects and of the CSV columns. */
export const OPEN_DATA_FIELDS = [
  "id",
  "name",
  "url",
  "group",
  "unit",
  "priceVnd",
  "maxPriceVnd",
  "sizes",
  "producer",
  "producerUrl",
  "province",
  "provinceName",
  "ward",
  "stars",
  "certificateNumber",
  "issuer",
  "issuerLevel",
  "decisionDate",
  "expiresOn",
  "isDemo",
] as const satisfies readonly (keyof OpenDataProduct)[];

export const OPEN_DATA_LICENSE = "CC BY 4.0";

// Products showing the OCOP badge: public, with a valid cached badge (the catalog's rule), and —
// as the product page checks — a certificate that is itself still active and unexpired, so a
// revocation drops the product even if its badge cache were stale. The count and the rows share
// these joins, so they always agree.
// Scanning products in rowid order (NOT INDEXED, products first) yields rows already ordered by id:
// about half of all products qualify, and any index plan sorted every row in a temporary B-tree
// before the first one came out (measured on 100,000 products: 700 ms instead of 360 ms).
const CERTIFIED = `FROM products p NOT INDEXED
  CROSS JOIN certificates c ON c.id = p.badge_certificate_id
  JOIN producers pr ON pr.id = p.producer_id
  JOIN provinces pv ON pv.code = p.province_code
  JOIN wards w ON w.code = pr.ward_code
  WHERE ${PUBLIC_PRODUCT} AND ${badgeValidSql("p", ":today")}
    AND c.status = 'active' AND c.expires_on > :today`;

// Column names are the field names, in OPEN_DATA_FIELDS order, so a row serialises as it comes.
// Only public columns are selected: the producer's phone, bank account, owner and street address
// never leave the database through here.
const ROWS_SQL = `SELECT p.id, p.name, :origin || '/products/' || p.slug AS url, p.group_code AS "group",
    p.unit, p.price_vnd AS priceVnd, p.max_price_vnd AS maxPriceVnd,
    coalesce((SELECT group_concat(v.label || ': ' || v.price_vnd, '; ') FROM (SELECT label, price_vnd FROM product_variants
      WHERE product_id = p.id AND archived_at IS NULL AND label <> '' ORDER BY position, id) v), '') AS sizes,
    pr.name AS producer, :origin || '/producers/' || pr.slug AS producerUrl,
    p.province_code AS province, pv.name AS provinceName, w.name AS ward, p.badge_stars AS stars,
    c.number AS certificateNumber, c.issuer_name AS issuer, c.issuer_level AS issuerLevel,
    c.decision_date AS decisionDate, c.expires_on AS expiresOn, c.is_demo AS isDemo
  ${CERTIFIED}
  ORDER BY p.id`;

const COUNT_SQL = `SELECT count(*) AS n ${CERTIFIED}`;

export interface OpenDataSnapshot {
  /** How many rows `rows` yields: both are read from the same snapshot of the database. */
  count: number;
  /** Ordered by id, read lazily from one prepared statement. */
  rows: IterableIterator<OpenDataProduct>;
  /** Ends the read; safe to call more than once, and required when `rows` is not read to its end. */
  close(): void;
}

type SqlRow = Omit<OpenDataProduct, "isDemo"> & { isDemo: 0 | 1 };

/**
 * The certified products at this moment, for `origin`'s absolute links.
 *
 * The rows are read on a connection of their own, inside one read transaction: an open iterator
 * makes a better-sqlite3 connection refuse every other statement, so a download paced by the
 * network must not hold the process-wide connection. WAL lets it read while others write.
 */
export function openDataProducts(origin: string, today = todayInVietnam()): OpenDataSnapshot {
  const db = new Database(getDb().$client.name, { readonly: true, fileMustExist: true });
  let sqlRows: IterableIterator<SqlRow> | undefined;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    // better-sqlite3 will not close a connection with an open iterator.
    sqlRows?.return?.();
    db.close();
  };
  try {
    db.pragma("busy_timeout = 5000");
    db.exec("BEGIN");
    // better-sqlite3 directly, not Drizzle: Drizzle cannot iterate a statement lazily (ADR 0015).
    // The row types are declared with the statements, as `db.all<Row>(sql…)` declares them.
    const counted = db.prepare<{ today: string }, { n: number }>(COUNT_SQL).get({ today });
    const iterator = db.prepare<{ origin: string; today: string }, SqlRow>(ROWS_SQL).iterate({ origin, today });
    sqlRows = iterator;
    // The spread keeps the column order; only SQLite's 0/1 becomes a boolean.
    const rows = (function* () {
      for (const row of iterator) yield { ...row, isDemo: row.isDemo === 1 };
    })();
    return { count: counted?.n ?? 0, rows, close };
  } catch (error) {
    close();
    throw error;
  }
}

const BATCH_ROWS = 100;
const encoder = new TextEncoder();

/**
 * A byte stream of the chunks, one batch at a time, yielding to the event loop between batches so
 * 100,000 products neither sit in memory at once nor hold up other requests. The snapshot is
 * closed at the end, on error, on cancel, and when the client goes away (`signal`).
 */
function streamOf(chunks: Generator<string, void>, snapshot: OpenDataSnapshot, signal?: AbortSignal) {
  let ended = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const end = () => {
    if (ended) return;
    ended = true;
    signal?.removeEventListener("abort", onAbort);
    chunks.return();
    snapshot.close();
  };
  // Closing (not erroring) the stream lets the server's writer finish quietly for a client that left.
  function onAbort() {
    end();
    try {
      controller?.close();
    } catch {
      // Already closed.
    }
  }
  signal?.addEventListener("abort", onAbort, { once: true });
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    async pull(c) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (ended) return;
      try {
        const next = chunks.next();
        if (next.done) {
          end();
          c.close();
        } else {
          c.enqueue(encoder.encode(next.value));
        }
      } catch (error) {
        end();
        c.error(error);
      }
    },
    cancel: end,
  });
}

/** Joins the pieces of `BATCH_ROWS` rows into one chunk; `head` opens the first, `tail` ends the last. */
function* batched(
  head: string,
  rows: Iterable<OpenDataProduct>,
  piece: (row: OpenDataProduct, index: number) => string,
  tail: string,
): Generator<string, void> {
  let chunk = head;
  let index = 0;
  for (const row of rows) {
    chunk += piece(row, index++);
    if (index % BATCH_ROWS === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + tail;
}

/**
 * `/open-data/products.json`: `{ generatedAt, license, source, count, products }`, one product
 * object per line.
 */
export function openDataJson(origin: string, signal?: AbortSignal, now = new Date()): ReadableStream<Uint8Array> {
  const snapshot = openDataProducts(origin, todayInVietnam(now));
  const head =
    `{"generatedAt":${JSON.stringify(now.toISOString())},"license":${JSON.stringify(OPEN_DATA_LICENSE)},` +
    `"source":${JSON.stringify(origin)},"count":${snapshot.count},"products":[`;
  const chunks = batched(head, snapshot.rows, (row, i) => (i === 0 ? "\n" : ",\n") + htmlSafeJson(row), "\n]}\n");
  return streamOf(chunks, snapshot, signal);
}

/**
 * `/open-data/products.csv`: RFC 4180 with a header row of the field names, in UTF-8 with a byte
 * order mark, without which Excel reads the Vietnamese as Windows-1252.
 */
export function openDataCsv(origin: string, signal?: AbortSignal, now = new Date()): ReadableStream<Uint8Array> {
  const snapshot = openDataProducts(origin, todayInVietnam(now));
  const head = `\uFEFF${csvRecord(OPEN_DATA_FIELDS)}`;
  const chunks = batched(head, snapshot.rows, (row) => csvRecord(OPEN_DATA_FIELDS.map((field) => row[field])), "");
  return streamOf(chunks, snapshot, signal);
}

import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "~/db/schema";
import { refreshProductBadges } from "~/domain/certification/badge-cache.server";
import { todayInVietnam } from "~/domain/shared/dates";
import { startServer, type TestServer } from "../setup/server";

const FIELDS = [
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
] as const;

type OpenProduct = Record<(typeof FIELDS)[number], string | number | boolean>;

interface OpenData {
  generatedAt: string;
  license: string;
  source: string;
  count: number;
  products: OpenProduct[];
}

let server: TestServer;
let writer: Database.Database;

// A product name that needs every kind of CSV quoting, on a certified product of the demo producer.
const TRICKY_NAME = 'Gạo ST25 "Ông Cua", túi 5kg\nhạt dài';
const BANK_ACCOUNT_NO = "0071000987654";

interface DemoProducer {
  id: number;
  name: string;
  phone: string;
  address_line: string;
  bank_account_no: string;
  bank_account_name: string;
}
let demoProducer: DemoProducer;

beforeAll(async () => {
  server = await startServer();
  writer = new Database(server.databasePath);
  writer.pragma("busy_timeout = 5000");
  const id = (
    writer
      .prepare("SELECT pr.id FROM producers pr JOIN users u ON u.id = pr.owner_user_id WHERE u.email = 'producer@demo.local'")
      .get() as { id: number }
  ).id;
  // The demo seeds no bank account; give one so the test can prove it never leaks.
  writer
    .prepare("UPDATE producers SET bank_bin = '970436', bank_account_no = ?, bank_account_name = 'HTX LUA ONG CUA MY XUYEN' WHERE id = ?")
    .run(BANK_ACCOUNT_NO, id);
  const product = writer
    .prepare("SELECT id FROM products WHERE producer_id = ? AND badge_expires_on > ? ORDER BY id LIMIT 1")
    .get(id, todayInVietnam()) as { id: number };
  writer.prepare("UPDATE products SET name = ? WHERE id = ?").run(TRICKY_NAME, product.id);
  demoProducer = writer.prepare("SELECT * FROM producers WHERE id = ?").get(id) as DemoProducer;
});
afterAll(async () => {
  writer?.close();
  await server?.stop();
});

/**
 * Ids of the products that show an OCOP badge, computed from the certificates themselves (not the
 * badge cache the server reads): public, with at least one active certificate not yet expired.
 */
function certifiedIdsFromCertificates(): number[] {
  return (
    server.db
      .prepare(
        `SELECT p.id FROM products p
         WHERE p.status = 'live' AND p.producer_verified = 1 AND EXISTS (
           SELECT 1 FROM certificate_products cp JOIN certificates c ON c.id = cp.certificate_id
           WHERE cp.product_id = p.id AND c.status = 'active' AND c.expires_on > ?)
         ORDER BY p.id`,
      )
      .all(todayInVietnam()) as { id: number }[]
  ).map((r) => r.id);
}

function independentCount(): number {
  return (
    server.db
      .prepare(
        `SELECT count(*) AS n FROM products p JOIN certificates c ON c.id = p.badge_certificate_id
         WHERE p.status = 'live' AND p.producer_verified = 1 AND c.status = 'active' AND c.expires_on > ?`,
      )
      .get(todayInVietnam()) as { n: number }
  ).n;
}

async function getJson(): Promise<{ res: Response; data: OpenData; body: string }> {
  const res = await fetch(`${server.url}/open-data/products.json`);
  expect(res.status).toBe(200);
  const body = await res.text();
  return { res, data: JSON.parse(body) as OpenData, body };
}

async function getCsv(): Promise<{ res: Response; bytes: Uint8Array; body: string }> {
  const res = await fetch(`${server.url}/open-data/products.csv`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // `ignoreBOM` keeps the byte order mark in the text, so the test can see it is there.
  return { res, bytes, body: new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(bytes) };
}

/** The CSV's records as objects, every value as the text in the file. */
function csvRecords(body: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parse(body, { bom: true }) as string[][];
  const [header, ...rest] = rows;
  return { header: header!, records: rest.map((row) => Object.fromEntries(header!.map((f, i) => [f, row[i]!]))) };
}

const asCsvText = (product: OpenProduct) => Object.fromEntries(FIELDS.map((f) => [f, String(product[f])]));

describe("/open-data/products.json", () => {
  it("answers JSON that caches for five minutes, in the documented shape", async () => {
    const before = Date.now();
    const { res, data } = await getJson();
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(Object.keys(data)).toEqual(["generatedAt", "license", "source", "count", "products"]);
    expect(data.license).toBe("CC BY 4.0");
    expect(data.source).toBe(server.url);
    expect(data.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(data.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(data.generatedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(data.count).toBe(data.products.length);
    for (const product of data.products) expect(Object.keys(product)).toEqual(FIELDS);
    const ids = data.products.map((p) => p.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists exactly the products showing an OCOP badge, as many as an independent count", async () => {
    const { data } = await getJson();
    expect(data.count).toBeGreaterThan(0);
    expect(data.count).toBe(independentCount());
    expect(data.products.map((p) => p.id)).toEqual(certifiedIdsFromCertificates());
    // The demo has public goods without a valid certificate (expired, revoked, never certified): none is listed.
    const listed = new Set(data.products.map((p) => p.id));
    const uncertifiedPublic = (
      server.db
        .prepare(
          `SELECT id FROM products WHERE status = 'live' AND producer_verified = 1
           AND NOT (badge_stars IS NOT NULL AND badge_expires_on > ?)`,
        )
        .all(todayInVietnam()) as { id: number }[]
    ).map((r) => r.id);
    expect(uncertifiedPublic.length).toBeGreaterThan(0);
    for (const id of uncertifiedPublic) expect(listed.has(id)).toBe(false);
    const notPublic = (server.db.prepare("SELECT id FROM products WHERE NOT (status = 'live' AND producer_verified = 1)").all() as { id: number }[]).map((r) => r.id);
    for (const id of notPublic) expect(listed.has(id)).toBe(false);
  });

  it("gives each product the facts of its page and certificate", async () => {
    const { data } = await getJson();
    // The demo sells some goods in several sizes: each named size with its price, in the producer's order.
    const sizesOf = (productId: number) =>
      (server.db.prepare("SELECT label, price_vnd FROM product_variants WHERE product_id = ? AND archived_at IS NULL AND label <> '' ORDER BY position, id").all(productId) as { label: string; price_vnd: number }[])
        .map((size) => `${size.label}: ${size.price_vnd}`)
        .join("; ");
    expect(data.products.some((product) => String(product.sizes).includes("Túi 5 kg: 185000"))).toBe(true);
    const expected = server.db
      .prepare(
        `SELECT p.id, p.name, p.slug, p.group_code, p.unit, p.price_vnd,
           (SELECT max(price_vnd) FROM product_variants WHERE product_id = p.id AND archived_at IS NULL) AS max_price,
           pr.name AS producer, pr.slug AS producer_slug,
           p.province_code, pv.name AS province_name, w.name AS ward, c.stars, c.number, c.issuer_name, c.issuer_level,
           c.decision_date, c.expires_on, c.is_demo
         FROM products p JOIN certificates c ON c.id = p.badge_certificate_id
         JOIN producers pr ON pr.id = p.producer_id JOIN provinces pv ON pv.code = p.province_code
         JOIN wards w ON w.code = pr.ward_code WHERE p.id = ?`,
      );
    for (const product of data.products) {
      const row = expected.get(product.id) as Record<string, string | number>;
      expect(product).toEqual({
        id: row.id,
        name: row.name,
        url: `${server.url}/products/${row.slug}`,
        group: row.group_code,
        unit: row.unit,
        priceVnd: row.price_vnd,
        maxPriceVnd: row.max_price,
        sizes: sizesOf(row.id as number),
        producer: row.producer,
        producerUrl: `${server.url}/producers/${row.producer_slug}`,
        province: row.province_code,
        provinceName: row.province_name,
        ward: row.ward,
        stars: row.stars,
        certificateNumber: row.number,
        issuer: row.issuer_name,
        issuerLevel: row.issuer_level,
        decisionDate: row.decision_date,
        expiresOn: row.expires_on,
        isDemo: row.is_demo === 1,
      });
      expect(Number.isInteger(product.priceVnd)).toBe(true);
      expect([3, 4, 5]).toContain(product.stars);
      expect(product.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(product.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(product.expiresOn > todayInVietnam()).toBe(true);
    }
    // Every demo certificate is marked as such.
    expect(data.products.every((p) => p.isDemo === true)).toBe(true);
    // Vietnamese province names, not codes or English ones.
    expect(data.products.some((p) => p.province === "92" && p.provinceName === "Cần Thơ")).toBe(true);
  });

  it("links to product pages that exist", async () => {
    const { data } = await getJson();
    for (const product of data.products.slice(0, 3)) {
      const res = await fetch(product.url as string);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });
});

describe("/open-data/products.csv", () => {
  it("is a UTF-8 CSV download with a byte order mark and the field names as its header", async () => {
    const { res, bytes, body } = await getCsv();
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="ocop-products.csv"');
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.startsWith(`\uFEFF${FIELDS.join(",")}\r\n`)).toBe(true);
    expect(body.endsWith("\r\n")).toBe(true);
  });

  it("parses back to the same records as the JSON", async () => {
    const [{ data }, { body }] = await Promise.all([getJson(), getCsv()]);
    const { header, records } = csvRecords(body);
    expect(header).toEqual(FIELDS);
    expect(records).toEqual(data.products.map(asCsvText));
    // The name with a quote, a comma and a line break survived quoting.
    expect(records.map((r) => r.name)).toContain(TRICKY_NAME);
    expect(body).toContain(`"${TRICKY_NAME.replaceAll('"', '""')}"`);
  });
});

describe("personal data", () => {
  it("never appears in either file", async () => {
    const [{ body: json }, { body: csv }] = await Promise.all([getJson(), getCsv()]);
    // The demo producer's goods are listed, under its public name.
    expect(json).toContain(JSON.stringify(demoProducer.name));
    expect(csv).toContain(demoProducer.name);
    const secrets = [
      demoProducer.phone,
      demoProducer.phone.replace(/\D/g, ""),
      demoProducer.bank_account_no,
      demoProducer.bank_account_name,
      demoProducer.address_line,
    ];
    expect(secrets.every((s) => s.length > 5)).toBe(true);
    const emails = (server.db.prepare("SELECT email FROM users WHERE email IS NOT NULL").all() as { email: string }[]).map((r) => r.email);
    for (const body of [json, csv]) {
      for (const secret of [...secrets, ...emails]) expect(body).not.toContain(secret);
      expect(body).not.toContain("@");
    }
  });
});

describe("a certificate that stops being valid", () => {
  const today = () => todayInVietnam();

  /** A listed product with exactly one certificate, so losing it loses the badge. */
  function singleCertificateProduct(exclude: number[]): { productId: number; certificateId: number } {
    return server.db
      .prepare(
        `SELECT p.id AS productId, p.badge_certificate_id AS certificateId FROM products p
         WHERE p.status = 'live' AND p.producer_verified = 1 AND p.badge_expires_on > ?
           AND (SELECT count(*) FROM certificate_products WHERE product_id = p.id) = 1
           AND p.id NOT IN (SELECT value FROM json_each(?))
         ORDER BY p.id LIMIT 1`,
      )
      .get(today(), JSON.stringify(exclude)) as { productId: number; certificateId: number };
  }

  async function listedIds(): Promise<{ json: number[]; csv: number[] }> {
    const [{ data }, { body }] = await Promise.all([getJson(), getCsv()]);
    return { json: data.products.map((p) => p.id as number), csv: csvRecords(body).records.map((r) => Number(r.id)) };
  }

  const gone: number[] = [];

  it("drops the product from both files when staff revoke it", async () => {
    const target = singleCertificateProduct(gone);
    expect((await listedIds()).json).toContain(target.productId);
    // As staff revocation does: the certificate and its products' badge cache, in one transaction.
    const db = drizzle(writer, { schema });
    writer.transaction(() => {
      writer
        .prepare("UPDATE certificates SET status = 'revoked', revoked_reason = 'Sai thông tin', revoked_at = unixepoch() WHERE id = ?")
        .run(target.certificateId);
      const productIds = (
        writer.prepare("SELECT product_id FROM certificate_products WHERE certificate_id = ?").all(target.certificateId) as {
          product_id: number;
        }[]
      ).map((r) => r.product_id);
      refreshProductBadges(db, productIds);
    })();
    gone.push(target.productId);

    const { json, csv } = await listedIds();
    expect(json).not.toContain(target.productId);
    expect(csv).toEqual(json);
    expect(json).toEqual(certifiedIdsFromCertificates());
  });

  it("drops the product on its expiry date, with no sweep run", async () => {
    const target = singleCertificateProduct(gone);
    expect((await listedIds()).json).toContain(target.productId);
    // The certificate reaches its expiry date today: the stored status is still 'active'.
    writer.prepare("UPDATE certificates SET expires_on = ? WHERE id = ?").run(today(), target.certificateId);
    writer.prepare("UPDATE products SET badge_expires_on = ? WHERE badge_certificate_id = ?").run(today(), target.certificateId);
    gone.push(target.productId);

    const { json, csv } = await listedIds();
    expect(json).not.toContain(target.productId);
    expect(csv).toEqual(json);
    expect(json).toEqual(certifiedIdsFromCertificates());
  });

  it("drops a revoked certificate's product even if its badge cache was left stale", async () => {
    const target = singleCertificateProduct(gone);
    expect((await listedIds()).json).toContain(target.productId);
    writer
      .prepare("UPDATE certificates SET status = 'revoked', revoked_reason = 'x', revoked_at = unixepoch() WHERE id = ?")
      .run(target.certificateId);
    gone.push(target.productId);

    const { json, csv } = await listedIds();
    expect(json).not.toContain(target.productId);
    expect(csv).toEqual(json);
    expect(json).toEqual(certifiedIdsFromCertificates());
  });
});

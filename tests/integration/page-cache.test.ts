import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatVnd } from "~/domain/shared/money";
import { cookieOf, getPage, onFreshConnection, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

/**
 * The anonymous page cache and the headers a CDN reads (issue 14, ADR 0021), on a server of two
 * worker processes sharing one database file, as `npm start` runs on a two-core machine.
 */
let server: TestServer;
let producer: string;
let staff: string;
beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: "2" });
  producer = await signIn(server, "producer@demo.local");
  staff = await signIn(server, "staff@demo.local");
});
afterAll(() => server.stop());

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;

/** A GET on a connection of its own, so consecutive calls reach the two workers alternately. */
const freshGet = (path: string, headers: Record<string, string> = {}) => onFreshConnection(`${server.url}${path}`, { headers });

interface WorkerStats {
  pid: number;
  pageCache: { hits: number; misses: number; entries: number };
}

/** Each worker's own page-cache counters, from /healthz (asked until both workers have answered). */
async function statsByWorker(): Promise<Map<number, WorkerStats["pageCache"]>> {
  const seen = new Map<number, WorkerStats["pageCache"]>();
  for (let i = 0; i < 10 && seen.size < 2; i++) {
    const stats = JSON.parse((await freshGet("/healthz")).body) as WorkerStats;
    seen.set(stats.pid, stats.pageCache);
  }
  expect(seen.size).toBe(2);
  return seen;
}

function post(path: string, fields: Record<string, string>, cookie = "") {
  return fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
}

/** The product's own summary on its page (price, stock), not the related goods below it. */
const summaryOf = (html: string) => parse(html).querySelector("#san-pham")?.textContent.replace(/\s+/g, " ") ?? "";

const product = () =>
  row<{ id: number; slug: string; variant_id: number; price_vnd: number; stock: number; label: string; weight_grams: number }>(
    `SELECT p.id, p.slug, v.id AS variant_id, v.price_vnd, v.stock, v.label, v.weight_grams
     FROM products p JOIN product_variants v ON v.product_id = p.id AND v.archived_at IS NULL
     JOIN producers pr ON pr.id = p.producer_id JOIN users u ON u.id = pr.owner_user_id
     WHERE u.email = 'producer@demo.local' AND p.status = 'live' AND p.stock > 5 AND ${soldInOneSize("p")} ORDER BY p.id LIMIT 1`,
  );

/** Both workers keep the page: every answer after the first in each worker is a hit. */
async function warmBothWorkers(path: string) {
  const states = [];
  for (let i = 0; i < 4; i++) states.push((await freshGet(path)).headers["x-page-cache"]);
  expect(states.slice(2)).toEqual(["hit", "hit"]);
}

describe("an anonymous visitor's storefront page is rendered once and kept", () => {
  it("serves the kept page, compressed, with public headers a CDN may keep and nothing personal", async () => {
    const { slug } = product();
    const first = await freshGet(`/products/${slug}`, { "Accept-Encoding": "br" });
    expect(first.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=30");
    expect(first.headers["vary"]).toMatch(/Cookie/);
    expect(first.headers["set-cookie"]).toBeUndefined();
    await warmBothWorkers(`/products/${slug}`);
    const kept = await freshGet(`/products/${slug}`, { "Accept-Encoding": "gzip" });
    expect(kept.headers["x-page-cache"]).toBe("hit");
    expect(kept.headers["content-encoding"]).toBe("gzip");
    expect(kept.headers["set-cookie"]).toBeUndefined();
    // A browser or a CDN asking whether its copy is still good gets a 304 and no body.
    const again = await freshGet(`/products/${slug}`, { "If-None-Match": String(kept.headers["etag"]) });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
  });

  it("shows a price change on the next request in both workers", async () => {
    // A size with a name (the sizes page asks for one): the rice's smallest bag.
    const p = row<{ id: number; slug: string; variant_id: number; price_vnd: number; stock: number; label: string; weight_grams: number }>(
      `SELECT p.id, p.slug, v.id AS variant_id, v.price_vnd, v.stock, v.label, v.weight_grams FROM products p
       JOIN product_variants v ON v.product_id = p.id WHERE p.slug = 'gao-st25-ong-cua' ORDER BY v.position LIMIT 1`,
    );
    await warmBothWorkers(`/products/${p.slug}`);
    const before = await statsByWorker();
    const newPrice = p.price_vnd + 12_000;
    const res = await post(
      `/seller/products/${p.id}/sizes`,
      { intent: "update", variantId: String(p.variant_id), label: p.label, priceVnd: String(newPrice), stock: String(p.stock), stockShown: String(p.stock), weightGrams: String(p.weight_grams), gtin: "" },
      producer,
    );
    expect(res.status, await res.clone().text()).toBe(303);
    expect(row<{ price_vnd: number }>("SELECT price_vnd FROM product_variants WHERE id = ?", p.variant_id).price_vnd).toBe(newPrice);
    for (let i = 0; i < 2; i++) {
      const page = await freshGet(`/products/${p.slug}`);
      expect(summaryOf(page.body)).toContain(formatVnd(newPrice).replace(/\s+/g, " "));
    }
    // Each worker rendered the page again rather than answering from what it kept.
    const after = await statsByWorker();
    for (const [pid, stats] of after) expect(stats.misses, `worker ${pid}`).toBeGreaterThan(before.get(pid)!.misses);
  });

  it("shows a stock change made by a guest's checkout on the next request in both workers", async () => {
    const p = product();
    await warmBothWorkers(`/products/${p.slug}`);
    let res = await post("/cart", { intent: "add", productId: String(p.id), quantity: "2" });
    expect(res.status).toBe(303);
    const cart = cookieOf(res);
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    res = await post(
      "/checkout",
      { fullName: "Lê Thị Mua", phone: "0916555111", provinceCode: "92", wardCode: ward, addressLine: "5 Hai Bà Trưng", paymentMethod: "vietqr" },
      cart,
    );
    expect(res.status).toBe(303);
    const left = row<{ stock: number }>("SELECT stock FROM product_variants WHERE id = ?", p.variant_id).stock;
    expect(left).toBe(p.stock - 2);
    for (let i = 0; i < 2; i++) {
      const summary = summaryOf((await freshGet(`/products/${p.slug}`)).body);
      expect(summary).toContain(`Còn ${left} `);
      expect(summary).not.toContain(`Còn ${p.stock} `);
    }
  });

  it("stops showing a certificate's stars on the next request once staff revoke it", async () => {
    const certified = row<{ slug: string; certificate_id: number; stars: number }>(
      `SELECT p.slug, c.id AS certificate_id, c.stars FROM products p
       JOIN certificate_products cp ON cp.product_id = p.id JOIN certificates c ON c.id = cp.certificate_id
       WHERE c.status = 'active' AND p.status = 'live' AND p.badge_stars IS NOT NULL AND p.province_code = '92' ORDER BY p.id LIMIT 1`,
    );
    await warmBothWorkers(`/products/${certified.slug}`);
    expect(summaryOf((await freshGet(`/products/${certified.slug}`)).body)).toContain(`OCOP ${certified.stars} sao`);
    const res = await post(`/staff/certificates/${certified.certificate_id}`, { intent: "revoke", reason: "Sản phẩm không còn đạt chuẩn" }, staff);
    expect(res.status).toBe(303);
    for (let i = 0; i < 2; i++) expect(summaryOf((await freshGet(`/products/${certified.slug}`)).body)).not.toContain(`OCOP ${certified.stars} sao`);
  });
});

describe("a page made for one visitor is never shared", () => {
  it("gives a signed-in shopper their own page, private, and never the kept one; the next anonymous visitor never sees theirs", async () => {
    const { slug } = product();
    await warmBothWorkers(`/products/${slug}`);
    const shopper = await signIn(server, "shopper@demo.local");
    const name = row<{ full_name: string }>("SELECT full_name FROM users WHERE email = 'shopper@demo.local'").full_name;
    for (let i = 0; i < 2; i++) {
      const own = await freshGet(`/products/${slug}`, { Cookie: shopper });
      expect(own.headers["x-page-cache"]).toBeUndefined();
      expect(own.headers["cache-control"]).toBe("private, no-store");
      expect(parse(own.body).querySelector("header")?.textContent).toContain(name);
    }
    for (let i = 0; i < 2; i++) {
      const anonymous = await freshGet(`/products/${slug}`);
      expect(anonymous.headers["x-page-cache"]).toBe("hit");
      expect(anonymous.body).not.toContain(name);
    }
  });

  it("gives a guest with a cart their own page with its count, private", async () => {
    const p = product();
    const res = await post("/cart", { intent: "add", productId: String(p.id), quantity: "1" });
    const cart = cookieOf(res);
    const page = await getPage(`${server.url}/products/${p.slug}`, { headers: { cookie: cart } });
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("x-page-cache")).toBeNull();
    expect(page.doc.querySelector("header a[href='/cart']")?.textContent).toMatch(/1/);
  });

  it("keeps each language apart", async () => {
    const { slug } = product();
    await warmBothWorkers(`/products/${slug}`);
    const lang = cookieOf(await post("/lang", { lang: "en", redirectTo: `/products/${slug}` }));
    expect(lang).toMatch(/^lang=/);
    const english = await freshGet(`/products/${slug}`, { Cookie: lang });
    expect(english.headers["cache-control"]).toMatch(/^public/);
    expect(parse(english.body).querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(parse((await freshGet(`/products/${slug}`)).body).querySelector("html")?.getAttribute("lang")).toBe("vi");
  });

  it("keeps a page made for another host name apart, so a forged Host header poisons nothing", async () => {
    const { slug } = product();
    const forged = await freshGet(`/products/${slug}`, { Host: "evil.example" });
    expect(forged.body).toContain("http://evil.example/");
    for (let i = 0; i < 2; i++) expect((await freshGet(`/products/${slug}`)).body).not.toContain("evil.example");
  });
});

describe("what a CDN is told", () => {
  it("lets shared caches keep every storefront page and file for anonymous visitors", async () => {
    const { slug } = product();
    const producerSlug = row<{ slug: string }>("SELECT pr.slug FROM producers pr JOIN users u ON u.id = pr.owner_user_id WHERE u.email = 'producer@demo.local'").slug;
    const campaign = row<{ slug: string }>("SELECT slug FROM campaigns ORDER BY id LIMIT 1").slug;
    for (const path of ["/", "/products", "/products?q=gao", `/products/${slug}`, `/products/${slug}/label`, `/producers/${producerSlug}`, `/campaigns/${campaign}`, "/sitemap.xml", "/open-data/products.json", "/open-data/products.csv"]) {
      const res = await freshGet(path);
      expect(res.status, path).toBe(200);
      expect(res.headers["cache-control"], path).toMatch(/^public/);
      expect(res.headers["set-cookie"], path).toBeUndefined();
    }
  });

  it("tells every cache to keep nothing of a personal page, a form's answer or a signed-in visitor's storefront", async () => {
    const shopper = await signIn(server, "shopper@demo.local");
    const cart = cookieOf(await post("/cart", { intent: "add", productId: String(product().id), quantity: "1" }));
    for (const [path, cookie] of [["/cart", ""], ["/cart", cart], ["/checkout", cart], ["/login", ""], ["/signup", ""], ["/orders", shopper], ["/", shopper], ["/products", shopper], ["/seller", producer], ["/staff", staff]] as const) {
      const res = await freshGet(path, cookie ? { Cookie: cookie } : {});
      expect(res.headers["cache-control"], path).toBe("private, no-store");
      expect(["bypass", undefined], path).toContain(res.headers["x-page-cache"]);
    }
    // The data Remix fetches when a hydrated page navigates: the signed-in visitor's own (their name).
    const data = await freshGet("/products.data", { Cookie: shopper });
    expect(data.headers["cache-control"]).toBe("private, no-store");
    const refused = await post("/signup", { fullName: "", login: "", password: "", role: "shopper" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("private, no-store");
  });
});

import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { foldVietnamese } from "~/domain/catalog/fold";
import { todayInVietnam } from "~/domain/shared/dates";
import { getPage, productSlugs, type Page } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const PUBLIC = "status = 'live' AND producer_verified = 1";

interface ProductRow {
  slug: string;
  name: string;
  group_code: string;
  province_code: string;
  price_vnd: number;
  stock: number;
  badge_stars: number | null;
  badge_expires_on: string | null;
  search_text: string;
}

function product(slug: string): ProductRow {
  return server.db.prepare("SELECT * FROM products WHERE slug = ?").get(slug) as ProductRow;
}

function publicCount(where = "1"): number {
  return (server.db.prepare(`SELECT count(*) AS n FROM products WHERE ${PUBLIC} AND ${where}`).get() as { n: number }).n;
}

/** Every product slug of every page of a catalog URL. */
async function allSlugs(search: string): Promise<string[]> {
  const slugs: string[] = [];
  for (let page = 1; page < 50; page++) {
    const res = await getPage(`${server.url}/products?${search}&page=${page}`);
    expect(res.status).toBe(200);
    const found = productSlugs(res);
    slugs.push(...found);
    if (!res.doc.querySelector("a[rel='next']")) break;
  }
  return slugs;
}

/** The badge text shown for the product itself (its summary and certificate block), not for related goods. */
function badgeOnProductPage(page: Page): string | null {
  const own = [page.doc.querySelector("#san-pham"), page.doc.querySelector("#chung-nhan")].map((el) => el?.textContent ?? "").join(" ");
  return /OCOP \d sao/.exec(own)?.[0] ?? null;
}

const hasValidBadge = (p: ProductRow) => p.badge_stars !== null && p.badge_expires_on! > todayInVietnam();

describe("search forgives missing diacritics", () => {
  it("finds nước mắm from 'nuoc mam'", async () => {
    const expected = server.db
      .prepare(`SELECT slug FROM products WHERE ${PUBLIC} AND name LIKE 'Nước mắm%'`)
      .all() as { slug: string }[];
    expect(expected.length).toBeGreaterThan(0);
    const slugs = await allSlugs("q=nuoc+mam");
    for (const { slug } of expected) expect(slugs).toContain(slug);
    for (const slug of slugs) expect(product(slug).search_text).toMatch(/\bnuoc.*\bmam|\bmam.*\bnuoc/);
  });

  it("finds đặc sản from 'dac san' (đ folds to d)", async () => {
    const slugs = await allSlugs("q=dac+san");
    expect(slugs.length).toBeGreaterThan(0);
    const texts = slugs.map((s) => server.db.prepare("SELECT name || ' ' || description AS t FROM products WHERE slug = ?").get(s) as { t: string });
    expect(texts.some(({ t }) => t.toLowerCase().includes("đặc sản"))).toBe(true);
  });

  it("matches prefixes: 'st2' and 'st25' find Gạo ST25", async () => {
    for (const q of ["st2", "st25", "gao st25"]) {
      const page = await getPage(`${server.url}/products?q=${encodeURIComponent(q)}`);
      const names = productSlugs(page).map((s) => product(s).name);
      expect(names.some((n) => n.includes("ST25")), q).toBe(true);
    }
  });

  it("shows close matches for a typo, and says so", async () => {
    const page = await getPage(`${server.url}/products?q=nuco+mam`);
    expect(page.text).toContain("kết quả gần đúng");
    expect(productSlugs(page).some((s) => product(s).name.startsWith("Nước mắm"))).toBe(true);
  });

  it("finds nothing, rather than everything, for a query of punctuation only", async () => {
    for (const q of ["!!!", "…", "«»"]) {
      const page = await getPage(`${server.url}/products?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      expect(productSlugs(page)).toEqual([]);
    }
    const suggest = (await (await fetch(`${server.url}/search/suggest?q=${encodeURIComponent("!!")}`)).json()) as { suggestions: unknown[] };
    expect(suggest.suggestions).toEqual([]);
  });

  it("says so when nothing matches", async () => {
    const page = await getPage(`${server.url}/products?q=qqqqzzzz`);
    expect(page.status).toBe(200);
    expect(productSlugs(page)).toEqual([]);
    expect(page.text).toContain("Không tìm thấy sản phẩm nào phù hợp.");
  });

  it("suggests products as you type", async () => {
    const res = await fetch(`${server.url}/search/suggest?q=mat+on`);
    const body = (await res.json()) as { suggestions: { slug: string; name: string }[] };
    expect(body.suggestions.length).toBeGreaterThan(0);
    for (const s of body.suggestions) expect(foldVietnamese(product(s.slug).search_text)).toMatch(/\bmat\b.*\bon|\bon.*\bmat\b/);
  });
});

describe("search relevance (issue 12)", () => {
  /** Public products whose name matches a LIKE pattern, e.g. 'Gạo ST25%'. */
  function named(pattern: string): ProductRow[] {
    return server.db.prepare(`SELECT * FROM products WHERE ${PUBLIC} AND name LIKE ?`).all(pattern) as ProductRow[];
  }
  async function suggested(q: string): Promise<string[]> {
    const res = await fetch(`${server.url}/search/suggest?q=${encodeURIComponent(q)}`);
    return ((await res.json()) as { suggestions: { slug: string }[] }).suggestions.map((s) => s.slug);
  }
  const folded = (slug: string) => foldVietnamese(product(slug).name);
  const sorted = (slugs: string[]) => [...slugs].sort();

  it("splits letters from digits: 'gao st 25', 'gao st25' and 'GẠO ST 25' all find Gạo ST25", async () => {
    const rice = named("Gạo ST25%").map((p) => p.slug);
    expect(rice.length).toBeGreaterThan(0);
    for (const q of ["gao st 25", "gao st25", "GẠO ST 25", "st 2"]) {
      const slugs = await allSlugs(`q=${encodeURIComponent(q)}`);
      expect(sorted(slugs), q).toEqual(sorted(rice));
      expect(sorted(await suggested(q)), q).toEqual(sorted(rice));
    }
  });

  it("treats a number and its unit the same written together or apart ('500ml', '500 ml')", async () => {
    const together = await allSlugs("q=500ml");
    expect(together.length).toBeGreaterThan(0);
    expect(sorted(await allSlugs("q=500+ml"))).toEqual(sorted(together));
    expect(sorted(await allSlugs("q=chai+500ML"))).toEqual(sorted(await allSlugs("q=chai+500+ml")));
  });

  it("'mat ong rung' lists the forest honey first and no other goods whose maker or story says so", async () => {
    const honey = named("Mật ong rừng%");
    expect(honey.length).toBeGreaterThan(0);
    // Their producer's name or description mentions honey and forests; they are not honey.
    const unrelated = [...named("Rượu ngô%"), ...named("Sâm Ngọc Linh%")];
    expect(unrelated.length).toBeGreaterThan(0);
    for (const p of unrelated) expect(p.search_text).toMatch(/\bmat ong\b[^]*\brung\b|\brung\b[^]*\bmat ong\b/);

    const page = await getPage(`${server.url}/products?q=mat+ong+rung`);
    const slugs = productSlugs(page);
    expect(honey.map((p) => p.slug)).toContain(slugs[0]);
    for (const slug of slugs) expect(folded(slug)).toMatch(/^mat ong rung/);
    expect(page.text).not.toContain("kết quả gần đúng");
    const suggestions = await suggested("mat ong rung");
    expect(suggestions[0]).toBe(slugs[0]);
    for (const slug of suggestions) expect(folded(slug)).toMatch(/^mat ong rung/);
  });

  it("'nuoc mam' lists the fish sauces, not the squid cake made with fish sauce by a fish-sauce maker", async () => {
    const squidCake = named("Chả mực%");
    expect(squidCake.length).toBeGreaterThan(0);
    for (const p of squidCake) expect(p.search_text).toMatch(/\bnuoc mam\b/);
    const sauces = named("Nước mắm%").map((p) => p.slug);

    const slugs = await allSlugs("q=nuoc+mam");
    expect(sorted(slugs)).toEqual(sorted(sauces));
    for (const p of squidCake) expect(slugs).not.toContain(p.slug);
    const suggestions = await suggested("nuoc mam");
    expect(suggestions.length).toBeGreaterThan(0);
    for (const slug of suggestions) expect(folded(slug)).toMatch(/^nuoc mam\b/);
  });

  it("a typo still finds the product, says the results are approximate, and brings no looser matches", async () => {
    const exact = productSlugs(await getPage(`${server.url}/products?q=mat+ong+rung`));
    const page = await getPage(`${server.url}/products?q=mat+ong+rnug`);
    expect(page.text).toContain("kết quả gần đúng");
    // The typo finds what the exact words find, in the same order, and nothing the exact words would not.
    expect(productSlugs(page)).toEqual(exact);
    for (const slug of productSlugs(page)) expect(folded(slug)).toMatch(/^mat ong rung/);
    expect(await suggested("mat ong rnug")).toEqual(await suggested("mat ong rung"));
  });
});

describe("every catalog filter narrows to exactly the matching goods", () => {
  it("group", async () => {
    const slugs = await allSlugs("group=beverage");
    expect(slugs.length).toBe(publicCount("group_code = 'beverage'"));
    for (const s of slugs) expect(product(s).group_code).toBe("beverage");
  });

  it("province", async () => {
    const slugs = await allSlugs("province=92");
    expect(slugs.length).toBe(publicCount("province_code = '92'"));
    for (const s of slugs) expect(product(s).province_code).toBe("92");
  });

  it("stars (at least, valid certificates only)", async () => {
    const slugs = await allSlugs("stars=4");
    const expected = (server.db.prepare(`SELECT * FROM products WHERE ${PUBLIC}`).all() as ProductRow[]).filter(
      (p) => hasValidBadge(p) && p.badge_stars! >= 4,
    );
    expect(slugs.sort()).toEqual(expected.map((p) => p.slug).sort());
  });

  it("price range", async () => {
    const slugs = await allSlugs("minPrice=100000&maxPrice=300.000");
    // A product is in the range when one of its sizes is (ADR 0020): the demo's rice sells at 79.000,
    // 185.000 and 360.000 ₫, so it is in, by its 5 kg bag.
    const sizeInRange = "EXISTS (SELECT 1 FROM product_variants v WHERE v.product_id = products.id AND v.archived_at IS NULL AND v.price_vnd BETWEEN 100000 AND 300000)";
    expect(slugs.length).toBe(publicCount(sizeInRange));
    expect(slugs).toContain("gao-st25-ong-cua");
    const sizePrices = (slug: string) =>
      (server.db.prepare("SELECT v.price_vnd FROM product_variants v JOIN products p ON p.id = v.product_id WHERE p.slug = ? AND v.archived_at IS NULL").all(slug) as { price_vnd: number }[]).map((v) => v.price_vnd);
    for (const s of slugs) expect(sizePrices(s).some((price) => price >= 100000 && price <= 300000)).toBe(true);
  });

  it("in stock", async () => {
    expect(publicCount("stock = 0")).toBeGreaterThan(0);
    const slugs = await allSlugs("inStock=1");
    expect(slugs.length).toBe(publicCount("stock > 0"));
  });

  it("filters combine", async () => {
    const slugs = await allSlugs("group=food&stars=3&inStock=1");
    for (const s of slugs) {
      const p = product(s);
      expect(p.group_code).toBe("food");
      expect(hasValidBadge(p)).toBe(true);
      expect(p.stock).toBeGreaterThan(0);
    }
  });

  it("sorts by price and paginates without repeats", async () => {
    const slugs = await allSlugs("sort=price_asc");
    expect(slugs.length).toBe(publicCount());
    expect(new Set(slugs).size).toBe(slugs.length);
    const prices = slugs.map((s) => product(s).price_vnd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("is a 404 past the last page", async () => {
    const pages = Math.ceil(publicCount() / 24);
    expect((await getPage(`${server.url}/products?page=${pages}`)).status).toBe(200);
    expect((await getPage(`${server.url}/products?page=${pages + 1}`)).status).toBe(404);
  });

  it("answers a bad filter with 400, the message by its field, and the rest of the catalog", async () => {
    const page = await getPage(`${server.url}/products?minPrice=abc&group=food`);
    expect(page.status).toBe(400);
    expect(page.doc.querySelector("#f-min-error")?.textContent).toContain("Giá phải là số nguyên");
    expect(page.doc.querySelector("#f-min")?.getAttribute("aria-invalid")).toBe("true");
    expect(productSlugs(page).length).toBeGreaterThan(0);
  });
});

describe("product pages and the badge rule", () => {
  it("shows a valid certificate with its number, issuer and a badge", async () => {
    const row = server.db
      .prepare(
        `SELECT p.slug, c.number, c.stars, c.issuer_name FROM products p JOIN certificates c ON c.id = p.badge_certificate_id
         WHERE p.status = 'live' AND p.producer_verified = 1 AND c.status = 'active' AND c.expires_on > ? LIMIT 1`,
      )
      .get(todayInVietnam()) as { slug: string; number: string; stars: number; issuer_name: string };
    const page = await getPage(`${server.url}/products/${row.slug}`);
    expect(page.status).toBe(200);
    expect(badgeOnProductPage(page)).toContain(`OCOP ${row.stars} sao`);
    expect(page.doc.querySelector("#chung-nhan")?.textContent).toContain(row.number);
    expect(page.doc.querySelector("#chung-nhan")?.textContent).toContain(row.issuer_name);
  });

  for (const status of ["revoked", "expired"] as const) {
    it(`shows no badge for a product whose certificate is ${status}`, async () => {
      const where =
        status === "revoked" ? "c.status = 'revoked'" : "(c.status = 'expired' OR c.expires_on <= :today)";
      const row = server.db
        .prepare(
          `SELECT p.slug FROM products p JOIN certificate_products cp ON cp.product_id = p.id
           JOIN certificates c ON c.id = cp.certificate_id
           WHERE p.status = 'live' AND p.producer_verified = 1 AND ${where}
             AND NOT EXISTS (SELECT 1 FROM certificate_products cp2 JOIN certificates c2 ON c2.id = cp2.certificate_id
                             WHERE cp2.product_id = p.id AND c2.status = 'active' AND c2.expires_on > :today)
           LIMIT 1`,
        )
        .get({ today: todayInVietnam() }) as { slug: string } | undefined;
      expect(row, `the demo data has a product with only a ${status} certificate`).toBeDefined();
      const page = await getPage(`${server.url}/products/${row!.slug}`);
      expect(page.status).toBe(200);
      expect(badgeOnProductPage(page)).toBeNull();
      expect(page.doc.querySelector("#chung-nhan")?.textContent).toContain("chưa có chứng nhận OCOP còn hiệu lực");
      const name = product(row!.slug).name;
      const search = await getPage(`${server.url}/products?q=${encodeURIComponent(name)}`);
      const card = search.doc.querySelectorAll("main article").find((a) => a.textContent.includes(name));
      expect(card?.textContent).not.toMatch(/OCOP \d sao/);
    });
  }

  it("drops the badge on the expiry date itself, with nobody acting", async () => {
    const { slug } = server.db
      .prepare(`SELECT slug FROM products WHERE ${PUBLIC} AND badge_expires_on > ? LIMIT 1`)
      .get(todayInVietnam()) as { slug: string };
    expect(badgeOnProductPage(await getPage(`${server.url}/products/${slug}`))).toMatch(/OCOP \d sao/);
    // Make today the certificate's expiry date, as time passing would.
    const writer = new (server.db.constructor as typeof import("better-sqlite3"))(server.databasePath);
    const today = todayInVietnam();
    writer.prepare("UPDATE certificates SET expires_on = ? WHERE id = (SELECT badge_certificate_id FROM products WHERE slug = ?)").run(today, slug);
    writer.prepare("UPDATE products SET badge_expires_on = ? WHERE slug = ?").run(today, slug);
    writer.close();
    expect(badgeOnProductPage(await getPage(`${server.url}/products/${slug}`))).toBeNull();
  });

  it("is a 404 page for an unknown slug", async () => {
    const page = await getPage(`${server.url}/products/khong-co-san-pham-nay`);
    expect(page.status).toBe(404);
    expect(page.text).toContain("Không tìm thấy trang");
    expect((await getPage(`${server.url}/khong/ton/tai`)).status).toBe(404);
  });

  it("is a 404 for products of an unverified producer", async () => {
    const row = server.db.prepare("SELECT slug FROM products WHERE producer_verified = 0 LIMIT 1").get() as { slug: string } | undefined;
    expect(row).toBeDefined();
    expect((await getPage(`${server.url}/products/${row!.slug}`)).status).toBe(404);
  });

  it("describes itself for search engines and share previews", async () => {
    const { slug } = server.db.prepare(`SELECT slug FROM products WHERE ${PUBLIC} LIMIT 1`).get() as { slug: string };
    const p = product(slug);
    const res = await fetch(`${server.url}/products/${slug}`);
    const html = await res.text();
    const { parse } = await import("node-html-parser");
    const doc = parse(html);
    expect(doc.querySelector("link[rel='canonical']")?.getAttribute("href")).toBe(`${server.url}/products/${slug}`);
    expect(doc.querySelector("meta[property='og:title']")?.getAttribute("content")).toContain(p.name);
    const ld = JSON.parse(doc.querySelector("script[type='application/ld+json']")!.textContent);
    expect(ld["@type"]).toBe("Product");
    expect(ld.name).toBe(p.name);
    expect(ld.offers).toMatchObject({ "@type": "Offer", priceCurrency: "VND", price: p.price_vnd });
  });

  it("has a traceability QR code and a printable label", async () => {
    const { slug, number, stars, producer } = server.db
      .prepare(
        `SELECT p.slug, c.number, c.stars, pr.name AS producer FROM products p JOIN certificates c ON c.id = p.badge_certificate_id
         JOIN producers pr ON pr.id = p.producer_id
         WHERE p.status = 'live' AND p.producer_verified = 1 AND p.badge_expires_on > ? AND p.stock > 0 LIMIT 1`,
      )
      .get(todayInVietnam()) as { slug: string; number: string; stars: number; producer: string };
    const qr = await fetch(`${server.url}/products/${slug}/qr.svg`);
    expect(qr.headers.get("content-type")).toContain("image/svg+xml");
    expect(await qr.text()).toContain("<svg");

    const page = await getPage(`${server.url}/products/${slug}/label`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector("h1")?.textContent).toBe("Nhãn sản phẩm");
    // The label itself: one card holding the QR, the stars, the certificate number and the producer.
    const label = page.doc.querySelector("main article");
    expect(label?.querySelector(`img[src='/products/${slug}/qr.svg']`)).toBeTruthy();
    const text = label!.textContent.replace(/\s+/g, " ");
    expect(text).toContain(product(slug).name);
    expect(text).toContain(`OCOP ${"★".repeat(stars)}`);
    expect(text).toContain(`OCOP ${stars} sao`);
    expect(text).toContain(number);
    expect(text).toContain(producer);
    // Nothing of the product page around it: no cart, no reviews, no report form.
    expect(page.doc.querySelector("form[action='/cart']")).toBeNull();
    expect(page.text).not.toContain("Thêm vào giỏ");
    expect(page.doc.querySelector("#reviews")).toBeNull();
    expect(page.text).not.toContain("Đánh giá của người mua");
    expect(page.doc.querySelector("#report")).toBeNull();
    expect(page.doc.querySelectorAll("main article")).toHaveLength(1);
  });
});

describe("site pages", () => {
  it("home shows featured collections, newest certified goods, groups and all 34 provinces", async () => {
    const page = await getPage(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector("html")?.getAttribute("lang")).toBe("vi");
    const collection = server.db.prepare("SELECT title FROM collections ORDER BY position LIMIT 1").get() as { title: string };
    expect(page.text).toContain(collection.title);
    expect(page.doc.querySelectorAll("a[href^='/products?province=']").length).toBe(34);
    expect(page.doc.querySelectorAll("a[href^='/products?group=']").length).toBe(6);
  });

  it("switches to English and back without JavaScript", async () => {
    const res = await fetch(`${server.url}/lang`, {
      method: "POST",
      body: new URLSearchParams({ lang: "en", redirectTo: "/products" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/products");
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const page = await getPage(`${server.url}/products`, { headers: { cookie } });
    expect(page.doc.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(page.text).toContain("OCOP products");
  });

  it("refuses to redirect to another site after switching language", async () => {
    for (const redirectTo of ["//evil.example/", "/\t/evil.example", "/\n/x", "https://evil.example"]) {
      const res = await fetch(`${server.url}/lang`, {
        method: "POST",
        body: new URLSearchParams({ lang: "en", redirectTo }),
        redirect: "manual",
      });
      expect(res.status, redirectTo).toBe(303);
      expect(res.headers.get("location"), redirectTo).toBe("/");
    }
  });

  it("answers a language switch that is not a form with 400, not 500", async () => {
    const res = await fetch(`${server.url}/lang`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      body: "not multipart at all",
      redirect: "manual",
    });
    expect(res.status).toBe(400);
  });

  it("shows a verified producer's page and hides unverified ones", async () => {
    const approved = server.db.prepare("SELECT slug, name FROM producers WHERE verification_status = 'approved' LIMIT 1").get() as { slug: string; name: string };
    const page = await getPage(`${server.url}/producers/${approved.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(approved.name);
    const pending = server.db.prepare("SELECT slug FROM producers WHERE verification_status != 'approved' LIMIT 1").get() as { slug: string };
    expect((await getPage(`${server.url}/producers/${pending.slug}`)).status).toBe(404);
  });

  it("serves robots.txt, a sitemap of public products, and a health check", async () => {
    const robots = await (await fetch(`${server.url}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`);
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(sitemap.match(/<loc>[^<]*\/products\/[^<?]+<\/loc>/g)?.length).toBe(publicCount());
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; pid: number; pageCache: { enabled: boolean; hits: number; misses: number } };
    expect(body.status).toBe("ok");
    // The process's own page cache: this file's anonymous visits so far were rendered and kept.
    expect(body.pid).toBe(server.pid);
    expect(body.pageCache.enabled).toBe(true);
    expect(body.pageCache.misses).toBeGreaterThan(0);
  });

  it("serves photos by their stored names only", async () => {
    const { file } = server.db.prepare("SELECT file FROM product_photos LIMIT 1").get() as { file: string };
    const photo = await fetch(`${server.url}/media/${file}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/webp");
    expect((await fetch(`${server.url}/media/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/products/../../ocop.db`)).status).toBe(404);
  });

  it("serves a 400 px copy of each photo for cards, made once and kept beside the photo", async () => {
    const { file, width } = server.db
      .prepare("SELECT file, width FROM product_photos WHERE width > 400 ORDER BY id LIMIT 1")
      .get() as { file: string; width: number };
    const thumb = file.replace(/\.webp$/, ".w400.webp");
    const html = await (await fetch(`${server.url}/products`)).text();
    expect(html).toMatch(/srcSet="\/media\/products\/[a-f0-9]+\.w400\.webp 400w, \/media\/products\/[a-f0-9]+\.webp \d+w"/);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${server.url}/media/${thumb}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(Math.min(400, width));
    }
    expect(existsSync(path.join(inject("uploadsDir"), thumb))).toBe(true);
    // No copy of a photo that does not exist, nor of a private scan, nor under any other width.
    expect((await fetch(`${server.url}/media/products/${"0".repeat(32)}.w400.webp`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/evidence/${"0".repeat(32)}.w400.webp`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/${file.replace(/\.webp$/, ".w800.webp")}`)).status).toBe(404);
  });
});

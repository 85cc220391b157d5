import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, getPage, productSlugs, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";
import { soldInOneSize } from "../setup/sizes";

/** Product sizes (issue 20, ADR 0020), over HTTP as a browser without JavaScript. */
let server: TestServer;
let producer: string;
beforeAll(async () => {
  server = await startServer();
  producer = await signIn(server, "producer@demo.local");
});
afterAll(() => server.stop());

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const rows = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).all(...params) as T[];

function post(path: string, fields: Record<string, string>, cookie = "") {
  return fetch(server.url + path, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie } });
}
const errorOf = (html: string, id: string) => parse(html).querySelector(`#${id}-error`)?.textContent.trim() ?? null;

interface Size {
  id: number;
  label: string;
  price_vnd: number;
  stock: number;
}
const sizesOf = (slug: string) =>
  rows<Size>(
    `SELECT v.id, v.label, v.price_vnd, v.stock FROM product_variants v JOIN products p ON p.id = v.product_id
     WHERE p.slug = ? AND v.archived_at IS NULL ORDER BY v.position, v.id`,
    slug,
  );
const productOf = (slug: string) => row<{ id: number; price_vnd: number; max_price_vnd: number; stock: number }>("SELECT id, price_vnd, max_price_vnd, stock FROM products WHERE slug = ?", slug);

describe("a shopper buys sizes", () => {
  it("shows the sizes to choose with their prices, and the price as a range", async () => {
    const page = await getPage(`${server.url}/products/gao-st25-ong-cua`);
    const radios = page.doc.querySelectorAll("input[type=radio][name=variantId]");
    expect(radios.map((r) => Number(r.getAttribute("value")))).toEqual(sizesOf("gao-st25-ong-cua").map((s) => s.id));
    expect(page.text).toContain("Túi 2 kg");
    expect(page.text).toContain("Bao 10 kg");
    expect(page.text).toMatch(/79\.000\s₫ – 360\.000\s₫/);
    // JSON-LD: one Offer per size inside an AggregateOffer.
    const ld = JSON.parse(/<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(page.html)![1]!);
    expect(ld.offers).toMatchObject({ "@type": "AggregateOffer", lowPrice: 79000, highPrice: 360000, offerCount: 3 });
    expect(ld.offers.offers.map((o: { name: string }) => o.name)).toEqual(["Túi 2 kg", "Túi 5 kg", "Bao 10 kg"]);
  });

  it("buys two sizes of one product in one order, taking each size's stock and keeping what was bought", async () => {
    const [small, large] = sizesOf("nuoc-mam-long-hai-ca-com-35-do-dam");
    const before = productOf("nuoc-mam-long-hai-ca-com-35-do-dam");
    let res = await post("/cart", { intent: "add", variantId: String(small!.id), quantity: "2" });
    expect(res.status).toBe(303);
    const cookie = cookieOf(res);
    res = await post("/cart", { intent: "add", variantId: String(large!.id), quantity: "1" }, cookie);
    expect(res.status).toBe(303);
    const cart = await getPage(`${server.url}/cart`, { headers: { cookie } });
    expect(cart.text).toContain("Chai 500 ml");
    expect(cart.text).toContain("Chai 1 lít");

    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    res = await post(
      "/checkout",
      { fullName: "Trần Văn Mua", phone: "0911000111", provinceCode: "92", wardCode: ward, addressLine: "12 đường 3/2", paymentMethod: "vietqr" },
      cookie,
    );
    expect(res.status).toBe(303);
    const code = /\/orders\/([A-Z0-9]+)/.exec(res.headers.get("location")!)![1]!;
    const order = row<{ id: number; goods_total_vnd: number }>("SELECT id, goods_total_vnd FROM orders WHERE code = ?", code);
    expect(rows("SELECT variant_id, variant_label, unit_price_vnd, quantity FROM order_items WHERE order_id = ? ORDER BY id", order.id)).toEqual([
      { variant_id: small!.id, variant_label: "Chai 500 ml", unit_price_vnd: small!.price_vnd, quantity: 2 },
      { variant_id: large!.id, variant_label: "Chai 1 lít", unit_price_vnd: large!.price_vnd, quantity: 1 },
    ]);
    expect(order.goods_total_vnd).toBe(2 * small!.price_vnd + large!.price_vnd);
    expect(sizesOf("nuoc-mam-long-hai-ca-com-35-do-dam").map((s) => s.stock)).toEqual([small!.stock - 2, large!.stock - 1]);
    expect(productOf("nuoc-mam-long-hai-ca-com-35-do-dam").stock).toBe(before.stock - 3);
    // The order page names each size under the product.
    const orderPage = await getPage(`${server.url}${res.headers.get("location")}`);
    expect(orderPage.text).toContain("Nước mắm Long Hải cá cơm 35 độ đạm — Chai 500 ml");
    expect(orderPage.text).toContain("Nước mắm Long Hải cá cơm 35 độ đạm — Chai 1 lít");
  });

  it("asks for a size when a product in several sizes is named by productId alone, and takes productId for one size", async () => {
    const product = productOf("gao-st25-ong-cua");
    let res = await post("/cart", { intent: "add", productId: String(product.id), quantity: "1" });
    expect(res.status).toBe(400);
    expect(parse(await res.text()).textContent).toContain("Sản phẩm này có nhiều loại: hãy chọn một loại trên trang sản phẩm.");
    expect(res.headers.getSetCookie().join()).not.toContain("ocop_cart=;");

    const single = row<{ id: number }>(`SELECT id FROM products WHERE status = 'live' AND producer_verified = 1 AND stock > 0 AND ${soldInOneSize()} ORDER BY id LIMIT 1`);
    res = await post("/cart", { intent: "add", productId: String(single.id), quantity: "1" });
    expect(res.status).toBe(303);
    // A size of another product than the one named is refused.
    const [size] = sizesOf("gao-st25-ong-cua");
    res = await post("/cart", { intent: "add", productId: String(single.id), variantId: String(size!.id), quantity: "1" });
    expect(res.status).toBe(400);
  });

  it("filters and sorts the catalog by the sizes' prices", async () => {
    const slugs = async (query: string) => productSlugs(await getPage(`${server.url}/products?${query}`));
    // 79.000, 185.000, 360.000 ₫: a size lies in 150–200k, none in 200–300k, the cheapest is under 80k.
    expect(await slugs("q=gao+st25+ong+cua&minPrice=150000&maxPrice=200000")).toContain("gao-st25-ong-cua");
    expect(await slugs("q=gao+st25+ong+cua&minPrice=200000&maxPrice=300000")).not.toContain("gao-st25-ong-cua");
    expect(await slugs("q=gao+st25+ong+cua&maxPrice=80000")).toContain("gao-st25-ong-cua");
    expect(await slugs("q=gao+st25+ong+cua&minPrice=400000")).not.toContain("gao-st25-ong-cua");
    const card = (await getPage(`${server.url}/products?q=gao+st25+ong+cua`)).doc.querySelector("main article a[href='/products/gao-st25-ong-cua']");
    expect(card?.textContent.replace(/\s+/g, " ")).toContain("Từ 79.000");
  });
});

describe("a producer manages sizes", () => {
  let productId: number;
  let slug: string;
  beforeAll(() => {
    const product = row<{ id: number; slug: string }>(
      `SELECT p.id, p.slug FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN users u ON u.id = pr.owner_user_id
       WHERE u.email = 'producer@demo.local' AND p.status = 'live' AND ${soldInOneSize("p")} ORDER BY p.id LIMIT 1`,
    );
    productId = product.id;
    slug = product.slug;
  });
  const sizesPage = () => `/seller/products/${productId}/sizes`;

  it("adds a second size only with a name for the first, refusing a bad barcode by the field, and then shows both to shoppers", async () => {
    const [only] = sizesOf(slug);
    const newSize = { intent: "add", label: "Túi 10 kg", priceVnd: "350.000", stock: "12", weightGrams: "10000", gtin: "" };
    let res = await post(sizesPage(), newSize, producer);
    expect(res.status).toBe(400);
    expect(errorOf(await res.text(), "f-size-new-firstLabel")).toBe("Đặt tên cho loại đang bán trước khi thêm loại mới.");
    res = await post(sizesPage(), { ...newSize, firstLabel: "Túi 2 kg", gtin: "8938505974195" }, producer);
    expect(res.status).toBe(400);
    expect(errorOf(await res.text(), "f-size-new-gtin")).toBe("Mã vạch không đúng: kiểm tra lại các chữ số (8, 12, 13 hoặc 14 số).");
    expect(sizesOf(slug)).toEqual([only]);

    res = await post(sizesPage(), { ...newSize, firstLabel: "Túi 2 kg", gtin: "893 8505 974194" }, producer);
    expect(res.status).toBe(303);
    expect(sizesOf(slug).map((s) => [s.label, s.price_vnd, s.stock])).toEqual([
      ["Túi 2 kg", only!.price_vnd, only!.stock],
      ["Túi 10 kg", 350_000, 12],
    ]);
    expect(row("SELECT gtin FROM product_variants WHERE product_id = ? AND label = 'Túi 10 kg'", productId)).toEqual({ gtin: "8938505974194" });
    expect(productOf(slug)).toMatchObject({ price_vnd: Math.min(only!.price_vnd, 350_000), max_price_vnd: Math.max(only!.price_vnd, 350_000), stock: only!.stock + 12 });
    // Both the producer and the helper history say who changed the sizes.
    expect(row<{ n: number }>("SELECT count(*) AS n FROM producer_activity WHERE action = 'product.sizes' AND subject LIKE '%Túi 10 kg'").n).toBe(1);
    const page = await getPage(`${server.url}/products/${slug}`);
    expect(page.doc.querySelectorAll("input[type=radio][name=variantId]")).toHaveLength(2);
    // The producer's list says how many sizes, and the price they start from.
    const list = await getPage(`${server.url}/seller/products`, { headers: { cookie: producer } });
    const item = list.doc.querySelector(`a[href='/seller/products/${productId}']`)?.textContent.replace(/\s+/g, " ");
    expect(item).toContain(" · 2 loại");
    expect(item).toContain(`Từ ${new Intl.NumberFormat("vi-VN").format(Math.min(only!.price_vnd, 350_000))}`);
    // The product's own form now leaves price and stock to the sizes.
    const edit = await getPage(`${server.url}/seller/products/${productId}`, { headers: { cookie: producer } });
    expect(edit.doc.querySelector("#f-priceVnd")).toBeNull();
    expect(edit.text).toContain("Sản phẩm có 2 loại");
  });

  it("saves a size's stock only while it is what the form showed, and never archives the last size", async () => {
    const [first, second] = sizesOf(slug);
    const fields = (size: Size, stockShown: number, stock: string) => ({
      intent: "update",
      variantId: String(size.id),
      stockShown: String(stockShown),
      label: size.label,
      priceVnd: String(size.price_vnd),
      stock,
      weightGrams: "2000",
      gtin: "",
    });
    let res = await post(sizesPage(), fields(first!, first!.stock + 1, "5"), producer);
    expect(res.status).toBe(409);
    expect(errorOf(await res.text(), `f-size-${first!.id}-stock`)).not.toBeNull();
    expect(sizesOf(slug)[0]!.stock).toBe(first!.stock);
    res = await post(sizesPage(), fields(first!, first!.stock, "5"), producer);
    expect(res.status).toBe(303);
    expect(sizesOf(slug)[0]!.stock).toBe(5);

    res = await post(sizesPage(), { intent: "archive", variantId: String(second!.id) }, producer);
    expect(res.status).toBe(303);
    expect(sizesOf(slug).map((s) => s.label)).toEqual([first!.label]);
    expect(row("SELECT archived_at IS NOT NULL AS archived FROM product_variants WHERE id = ?", second!.id)).toEqual({ archived: 1 });
    res = await post(sizesPage(), { intent: "archive", variantId: String(first!.id) }, producer);
    expect(res.status).toBe(400);
    expect(parse(await res.text()).textContent).toContain("Không thể ngừng bán loại cuối cùng");
    expect(sizesOf(slug)).toHaveLength(1);
  });

  it("shows a size archived after it went into a cart as no longer on sale, and checkout refuses it", async () => {
    const [kept, extra] = (await (async () => {
      await post(sizesPage(), { intent: "add", label: "Túi 25 kg", priceVnd: "800.000", stock: "3", weightGrams: "25000", gtin: "" }, producer);
      return sizesOf(slug);
    })()) as [Size, Size];
    expect(extra.label).toBe("Túi 25 kg");
    let res = await post("/cart", { intent: "add", variantId: String(extra.id), quantity: "1" });
    expect(res.status).toBe(303);
    const cookie = cookieOf(res);
    res = await post(sizesPage(), { intent: "archive", variantId: String(extra.id) }, producer);
    expect(res.status).toBe(303);
    const cart = await getPage(`${server.url}/cart`, { headers: { cookie } });
    expect(cart.doc.querySelector(`#qty-${extra.id}-error`)?.textContent).toBe("Sản phẩm này hiện không bán.");
    const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
    const orders = row<{ n: number }>("SELECT count(*) AS n FROM orders").n;
    res = await post(
      "/checkout",
      { fullName: "Trần Văn Mua", phone: "0911000222", provinceCode: "92", wardCode: ward, addressLine: "12 đường 3/2", paymentMethod: "vietqr" },
      cookie,
    );
    expect(res.status).toBe(409);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM orders").n).toBe(orders);
    expect(sizesOf(slug)).toEqual([kept]);
  });

  it("keeps another producer's sizes out of reach", async () => {
    const other = row<{ id: number; variant: number }>(
      `SELECT p.id, v.id AS variant FROM products p JOIN product_variants v ON v.product_id = p.id JOIN producers pr ON pr.id = p.producer_id
       WHERE pr.id <> (SELECT pr2.id FROM producers pr2 JOIN users u ON u.id = pr2.owner_user_id WHERE u.email = 'producer@demo.local')
       ORDER BY p.id LIMIT 1`,
    );
    const before = row("SELECT * FROM product_variants WHERE id = ?", other.variant);
    const res = await post(`/seller/products/${other.id}/sizes`, { intent: "archive", variantId: String(other.variant) }, producer);
    expect(res.status).toBe(404);
    expect((await fetch(`${server.url}/seller/products/${other.id}/sizes`, { headers: { cookie: producer }, redirect: "manual" })).status).toBe(404);
    expect(row("SELECT * FROM product_variants WHERE id = ?", other.variant)).toEqual(before);
  });
});

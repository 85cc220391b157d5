import sharp from "sharp";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";

let server: TestServer;
let producerA: string;
let producerB: string;
beforeAll(async () => {
  server = await startServer();
  producerA = await signIn(server, "producer@demo.local", "demo-password");
  producerB = await newProducer("0966 555 444");
});
afterAll(() => server.stop());

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;
const productCount = () => row<{ n: number }>("SELECT count(*) AS n FROM products").n;

/** A second producer with its own (unverified) profile. */
async function newProducer(phone: string) {
  const res = await fetch(`${server.url}/signup`, {
    method: "POST",
    body: new URLSearchParams({ fullName: "Chủ cơ sở B", login: phone, password: "mat-khau-dai", role: "producer" }),
    redirect: "manual",
  });
  const cookie = cookieOf(res);
  const ward = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '96' LIMIT 1").code;
  const profile = await fetch(`${server.url}/seller/profile?province=96`, {
    method: "POST",
    headers: { cookie },
    redirect: "manual",
    body: new URLSearchParams({ provinceCode: "96", wardCode: ward, addressLine: "Ấp 3", name: "Hộ kinh doanh Khô cá B", entityType: "household", phone }),
  });
  expect(profile.status).toBe(303);
  return cookie;
}

const listing = { name: "Khô cá lóc U Minh", groupCode: "food", unit: "kg", priceVnd: "350.000", stock: "40", weightGrams: "1000", description: "Cá lóc đồng phơi nắng." };

function post(pathname: string, cookie: string, fields: Record<string, string>, photo?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (photo) form.set("photo", new Blob([photo.bytes], { type: photo.type }), photo.name);
  return fetch(server.url + pathname, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
}
async function postOnOwnConnection(pathname: string, cookie: string, form: FormData): Promise<{ status: number; body: string }> {
  const encoded = new Response(form);
  const payload = Buffer.from(await encoded.arrayBuffer());
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request(server.url + pathname, {
      method: "POST",
      agent: false,
      headers: { cookie, "content-type": encoded.headers.get("content-type")!, "content-length": payload.byteLength },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close while the upload is still being written; its answer is what counts.
    req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
    req.end(payload);
  });
}
function errorIn(html: string, field: string) {
  const match = new RegExp(`id="f-${field}-error"[^>]*>([^<]*)<`).exec(html);
  return match?.[1] ?? null;
}
async function errorOf(res: Response, field: string) {
  const { parse } = await import("node-html-parser");
  return parse(await res.text()).querySelector(`#f-${field}-error`)?.textContent ?? null;
}

/** A camera-like JPEG carrying GPS coordinates in its EXIF. */
async function cameraPhoto() {
  const bytes = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "PhoneCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "9/1 10/1 0/1" } })
    .toBuffer();
  expect((await sharp(bytes).metadata()).exif).toBeDefined();
  return new Uint8Array(bytes);
}

/** The new product's id, from the list it lands on (`/seller/products#product-<id>`). */
function createdId(res: Response): number {
  const location = new URL(res.headers.get("location")!, server.url);
  expect(location.pathname).toBe("/seller/products");
  return Number(location.hash.replace("#product-", ""));
}

describe("listing products from a phone", () => {
  let productId: number;

  it("puts a verified producer's product on sale with its photo, re-encoded without location data", async () => {
    const res = await post("/seller/products/new", producerA, { ...listing, intent: "publish" }, { bytes: await cameraPhoto(), name: "IMG_0001.jpg", type: "image/jpeg" });
    expect(res.status).toBe(303);
    productId = createdId(res);
    const product = row<{ slug: string; status: string; price_vnd: number; stock: number; producer_verified: number }>("SELECT * FROM products WHERE id = ?", productId);
    expect(product).toMatchObject({ status: "live", price_vnd: 350000, stock: 40, producer_verified: 1 });
    const photo = row<{ file: string; width: number; height: number }>("SELECT * FROM product_photos WHERE product_id = ?", productId);
    expect(photo.file).toMatch(/^products\/[a-f0-9]{32}\.webp$/);
    expect([photo.width, photo.height]).toEqual([1280, 960]);
    const stored = path.join(inject("uploadsDir"), photo.file);
    expect(existsSync(stored)).toBe(true);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect((await fetch(`${server.url}/products/${product.slug}`)).status).toBe(200);
    expect((await fetch(`${server.url}/products?q=kho+ca+loc+u+minh`).then((r) => r.text()))).toContain("Khô cá lóc U Minh");
  });

  it("keeps an unverified producer's product off the marketplace", async () => {
    const res = await post("/seller/products/new", producerB, { ...listing, name: "Khô cá sặc B", intent: "publish" }, { bytes: await cameraPhoto(), name: "IMG_0002.jpg", type: "image/jpeg" });
    expect(res.status).toBe(303);
    const id = createdId(res);
    const product = row<{ slug: string; status: string }>("SELECT * FROM products WHERE id = ?", id);
    expect(product.status).toBe("submitted");
    expect((await fetch(`${server.url}/products/${product.slug}`)).status).toBe(404);
  });

  it("refuses a file that is not an image, whatever its name says, and writes nothing", async () => {
    const before = productCount();
    const res = await post("/seller/products/new", producerA, { ...listing, intent: "publish" }, {
      bytes: new TextEncoder().encode("<?php echo 'not a photo'; ?>"),
      name: "photo.jpg",
      type: "image/jpeg",
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res, "photo")).toContain("không phải là ảnh");
    expect(productCount()).toBe(before);
  });

  it("refuses a photo over 12 MB", async () => {
    const before = productCount();
    const form = new FormData();
    for (const [k, v] of Object.entries(listing)) form.set(k, v);
    form.set("photo", new Blob([new Uint8Array(13 * 1024 * 1024)], { type: "image/jpeg" }), "huge.jpg");
    // Sent on a connection of its own: the server answers before reading the whole upload and
    // closes that connection, which fetch's shared pool would otherwise try to reuse.
    const { status, body } = await postOnOwnConnection("/seller/products/new", producerA, form);
    expect(status).toBe(400);
    expect(errorIn(body, "photo")).toContain("quá lớn");
    expect(productCount()).toBe(before);
  });

  it("puts nothing on sale without a photo or a stock, while a draft may wait for both", async () => {
    const before = productCount();
    const noPhoto = await post("/seller/products/new", producerA, { ...listing, name: "Khô cá không ảnh", intent: "publish" });
    expect(noPhoto.status).toBe(400);
    expect(await errorOf(noPhoto, "photo")).toContain("Cần ít nhất một ảnh để đăng bán");
    const noStock = await post("/seller/products/new", producerA, { ...listing, name: "Khô cá chưa đếm", stock: "", intent: "publish" }, { bytes: await cameraPhoto(), name: "a.jpg", type: "image/jpeg" });
    expect(noStock.status).toBe(400);
    expect(await errorOf(noStock, "stock")).toContain("Nhập số lượng còn để đăng bán");
    expect(productCount()).toBe(before);

    // A draft with neither: saved, stock 0, and it lands on the list with no photo yet.
    const draft = await post("/seller/products/new", producerA, { ...listing, name: "Khô cá nháp", stock: "", weightGrams: "", intent: "draft" });
    expect(draft.status).toBe(303);
    const draftId = createdId(draft);
    expect(row("SELECT status, stock, weight_grams FROM products WHERE id = ?", draftId)).toEqual({ status: "draft", stock: 0, weight_grams: 0 });
    // Publishing it later still needs the photo; with one taken then, it goes on sale.
    const later = { ...listing, name: "Khô cá nháp", stockShown: "0", intent: "publish" };
    expect((await post(`/seller/products/${draftId}`, producerA, later)).status).toBe(400);
    const withPhoto = await post(`/seller/products/${draftId}`, producerA, later, { bytes: await cameraPhoto(), name: "b.jpg", type: "image/jpeg" });
    expect(withPhoto.status).toBe(303);
    expect(row("SELECT status, stock FROM products WHERE id = ?", draftId)).toEqual({ status: "live", stock: 40 });
    // A product that has its photo needs no new one to be saved on sale again.
    expect((await post(`/seller/products/${draftId}`, producerA, { ...later, stockShown: "40" })).status).toBe(303);
  });

  it("lands on the product list with a confirmation and each product's photo", async () => {
    const res = await post("/seller/products/new", producerA, { ...listing, name: "Mắm cá linh", intent: "publish" }, { bytes: await cameraPhoto(), name: "c.jpg", type: "image/jpeg" });
    const id = createdId(res);
    const { parse } = await import("node-html-parser");
    const page = await fetch(new URL(res.headers.get("location")!, server.url), { headers: { cookie: `${producerA}; ${cookieOf(res)}` } });
    const doc = parse(await page.text());
    expect(doc.querySelector("#flash")?.textContent).toContain("Đã thêm sản phẩm");
    const item = doc.querySelector(`#product-${id}`)!;
    expect(item.textContent).toContain("Mắm cá linh");
    const photo = row<{ file: string }>("SELECT file FROM product_photos WHERE product_id = ?", id).file;
    expect(item.querySelector("img")?.getAttribute("src")).toBe(`/media/${photo.replace(".webp", ".w400.webp")}`);
    expect((await fetch(server.url + item.querySelector("img")!.getAttribute("src")!)).headers.get("content-type")).toBe("image/webp");
  });

  it("answers bad fields with 400 and messages by each, writing nothing", async () => {
    const before = productCount();
    const res = await post("/seller/products/new", producerA, { name: "Cá", groupCode: "weapons", unit: "", priceVnd: "12,5", stock: "-1", weightGrams: "abc" });
    expect(res.status).toBe(400);
    const { parse } = await import("node-html-parser");
    const doc = parse(await res.text());
    expect(doc.querySelector("#f-name-error")?.textContent).toContain("3 đến 150");
    expect(doc.querySelector("#f-groupCode-error")?.textContent).toContain("nhóm sản phẩm");
    expect(doc.querySelector("#f-priceVnd-error")?.textContent).toContain("1.000 đến 99.999.999");
    expect(doc.querySelector("#f-stock-error")?.textContent).toContain("0 đến 1.000.000");
    expect(doc.querySelector("#f-weightGrams-error")?.textContent).toContain("100.000");
    expect(productCount()).toBe(before);
  });

  it("does not let another producer see, edit, photograph or hide the product", async () => {
    const before = row<{ name: string; status: string }>("SELECT name, status FROM products WHERE id = ?", productId);
    expect((await fetch(`${server.url}/seller/products/${productId}`, { headers: { cookie: producerB }, redirect: "manual" })).status).toBe(404);
    expect((await post(`/seller/products/${productId}`, producerB, { ...listing, name: "Bị sửa trộm", intent: "publish" })).status).toBe(404);
    expect((await post(`/seller/products/${productId}`, producerB, { ...listing, intent: "draft" }, { bytes: await cameraPhoto(), name: "x.jpg", type: "image/jpeg" })).status).toBe(404);
    const hide = await fetch(`${server.url}/seller/products/${productId}`, {
      method: "POST",
      headers: { cookie: producerB },
      body: new URLSearchParams({ intent: "hide" }),
      redirect: "manual",
    });
    expect(hide.status).toBe(404);
    expect(row("SELECT name, status FROM products WHERE id = ?", productId)).toEqual(before);
    expect(row<{ n: number }>("SELECT count(*) AS n FROM product_photos WHERE product_id = ?", productId).n).toBe(1);
  });

  it("refuses a form opened for another producer than the one now acted for (a stale second tab)", async () => {
    const before = productCount();
    const other = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '0966555444'").id;
    const mine = row<{ id: number }>("SELECT p.id FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'").id;
    expect((await post(`/seller/products/new?for=${other}`, producerA, { ...listing, intent: "publish" })).status).toBe(409);
    expect(productCount()).toBe(before);
    expect((await post(`/seller/products/new?for=${mine}`, producerA, { ...listing, name: "Khô cá lóc đúng cơ sở", intent: "draft" })).status).toBe(303);
    expect(productCount()).toBe(before + 1);
  });

  it("records every change with who made it, for the producer to read", async () => {
    const hide = await fetch(`${server.url}/seller/products/${productId}`, {
      method: "POST",
      headers: { cookie: producerA },
      body: new URLSearchParams({ intent: "hide" }),
      redirect: "manual",
    });
    expect(hide.status).toBe(303);
    expect(row<{ status: string }>("SELECT status FROM products WHERE id = ?", productId).status).toBe("hidden");
    const actions = server.db
      .prepare(
        `SELECT a.action, u.email FROM producer_activity a JOIN users u ON u.id = a.actor_user_id
         JOIN producers p ON p.id = a.producer_id JOIN users o ON o.id = p.owner_user_id
         WHERE o.email = 'producer@demo.local' AND a.subject IN (?, ?) ORDER BY a.id`,
      )
      .all(listing.name, "Khô cá lóc đúng cơ sở");
    expect(actions).toEqual([
      { action: "product.create", email: "producer@demo.local" },
      { action: "product.create", email: "producer@demo.local" },
      { action: "product.hide", email: "producer@demo.local" },
    ]);
    const portal = await fetch(`${server.url}/seller`, { headers: { cookie: producerA } }).then((r) => r.text());
    expect(portal).toContain("Tạm ẩn sản phẩm");
  });
});

describe("certificate scans and producer photos", () => {
  it("stores a certificate scan for staff with who sent it, and refuses what is not an image", async () => {
    const ok = await post("/seller/media", producerA, { intent: "evidence", note: "QĐ DEMO-1234" }, { bytes: await cameraPhoto(), name: "scan.jpg", type: "image/jpeg" });
    expect(ok.status).toBe(303);
    const scan = row<{ file: string; note: string; email: string }>(
      "SELECT e.file, e.note, u.email FROM certificate_evidence e JOIN users u ON u.id = e.uploaded_by_user_id ORDER BY e.id DESC LIMIT 1",
    );
    expect(scan).toMatchObject({ note: "QĐ DEMO-1234", email: "producer@demo.local" });
    // Scans are private: kept out of the public /media folder, served only to the producer and its province's staff.
    expect(scan.file).toMatch(/^evidence\/[a-f0-9]{32}\.webp$/);
    const id = row<{ id: number }>("SELECT id FROM certificate_evidence ORDER BY id DESC LIMIT 1").id;
    expect((await fetch(`${server.url}/media/${scan.file}`)).status).toBe(404);
    expect((await fetch(`${server.url}/evidence/${id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/evidence/${id}`, { headers: { cookie: producerB } })).status).toBe(404);
    const own = await fetch(`${server.url}/evidence/${id}`, { headers: { cookie: producerA } });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/webp");
    const count = () => row<{ n: number }>("SELECT count(*) AS n FROM certificate_evidence").n;
    const before = count();
    const bad = await post("/seller/media", producerA, { intent: "evidence" }, { bytes: new TextEncoder().encode("%PDF-1.4 not an image"), name: "scan.jpg", type: "image/jpeg" });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad, "evidence-photo")).toContain("không phải là ảnh");
    expect(count()).toBe(before);
    // Another producer's page shows only its own scans.
    expect(await fetch(`${server.url}/seller/media`, { headers: { cookie: producerB } }).then((r) => r.text())).not.toContain(`/evidence/${id}`);
  });

  it("adds a photo to the producer's public page", async () => {
    const res = await post("/seller/media", producerA, { intent: "photo" }, { bytes: await cameraPhoto(), name: "farm.jpg", type: "image/jpeg" });
    expect(res.status).toBe(303);
    const { slug, file } = row<{ slug: string; file: string }>(
      "SELECT p.slug, ph.file FROM producer_photos ph JOIN producers p ON p.id = ph.producer_id JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local' ORDER BY ph.id DESC LIMIT 1",
    );
    expect(await fetch(`${server.url}/producers/${slug}`).then((r) => r.text())).toContain(file);
  });
});

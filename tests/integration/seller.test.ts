import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";
import { cookieOf, signIn } from "../setup/http";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

function request(path: string, cookie: string, fields?: Record<string, string>) {
  return fetch(server.url + path, {
    method: fields ? "POST" : "GET",
    body: fields ? new URLSearchParams(fields) : undefined,
    redirect: "manual",
    headers: { cookie },
  });
}
async function errorText(res: Response, field: string) {
  const { parse } = await import("node-html-parser");
  return parse(await res.text()).querySelector(`#f-${field}-error`)?.textContent ?? null;
}
const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;

const validProfile = {
  provinceCode: "92",
  wardCode: "",
  addressLine: "Ấp Hoà Thành",
  name: "Hợp tác xã Lúa tôm Mỹ Xuyên Mới",
  entityType: "cooperative",
  phone: "0939 111 222",
  story: "Trồng lúa ST25 trên ruộng tôm.",
};

describe("who may enter the seller portal", () => {
  it("sends a visitor who is not signed in to sign-in, and back afterwards", async () => {
    const res = await request("/seller", "");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fseller");
  });

  it("refuses shoppers and staff with 403 on every portal page and form", async () => {
    for (const login of ["shopper@demo.local", "staff@demo.local"]) {
      const cookie = await signIn(server, login);
      expect((await request("/seller", cookie)).status).toBe(403);
      expect((await request("/seller/profile", cookie)).status).toBe(403);
      expect((await request("/seller/profile", cookie, validProfile)).status).toBe(403);
    }
  });
});

describe("producer onboarding", () => {
  let cookie: string;
  beforeAll(async () => {
    const res = await fetch(`${server.url}/signup`, {
      method: "POST",
      body: new URLSearchParams({ fullName: "Lâm Văn Tôm", login: "0939111222", password: "mat-khau-dai", role: "producer" }),
      redirect: "manual",
    });
    // Step one of listing: where the business is.
    expect(res.headers.get("location")).toBe("/seller/profile");
    cookie = cookieOf(res);
    validProfile.wardCode = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '92' ORDER BY code LIMIT 1").code;
  });
  const producerCount = () => row<{ n: number }>("SELECT count(*) AS n FROM producers").n;

  it("answers bad input with 400 and the message by each field, writing nothing", async () => {
    const before = producerCount();
    // The browser posts back to the URL of step one, which names the province.
    const res = await request("/seller/profile?province=92", cookie, { ...validProfile, name: "", phone: "123", entityType: "mafia" });
    expect(res.status).toBe(400);
    const html = await res.text();
    const { parse } = await import("node-html-parser");
    const doc = parse(html);
    expect(doc.querySelector("#f-name-error")?.textContent).toBe("Vui lòng điền mục này.");
    expect(doc.querySelector("#f-phone-error")?.textContent).toContain("số điện thoại");
    // The payout account is asked on its own page, when it is needed (payout-account.test.ts).
    expect(doc.querySelector("[name=bankBin], [name=bankAccountNo], [name=bankAccountName]")).toBeNull();
    expect(doc.querySelector("#f-entityType-error")?.textContent).toBe("Vui lòng chọn loại hình.");
    expect(producerCount()).toBe(before);
  });

  it("refuses a ward of another province", async () => {
    const hanoiWard = row<{ code: string }>("SELECT code FROM wards WHERE province_code = '01' LIMIT 1").code;
    const res = await request("/seller/profile?province=92", cookie, { ...validProfile, wardCode: hanoiWard });
    expect(res.status).toBe(400);
    expect(await errorText(res, "commune")).toContain("thuộc tỉnh đã chọn");
  });

  it("starts a first profile from the account: its name, its phone, a household", async () => {
    const { parse } = await import("node-html-parser");
    const doc = parse(await (await request("/seller/profile", cookie)).text());
    expect(doc.querySelector("#f-name")?.getAttribute("value")).toBe("Lâm Văn Tôm");
    expect(doc.querySelector("#f-phone")?.getAttribute("value")).toBe("0939111222");
    expect(doc.querySelector("input[name=entityType][checked]")?.getAttribute("value")).toBe("household");
    // One field for the commune; no province list to scroll first.
    expect(doc.querySelector("#f-commune")).not.toBeNull();
    expect(doc.querySelector("select[name=provinceCode], select[name=province]")).toBeNull();
  });

  it("finds the commune as typed, asks which when several share the name, and says when none does", async () => {
    const { wardCode: _w, provinceCode: _p, ...typed } = validProfile;
    const { parse } = await import("node-html-parser");
    const none = await request("/seller/profile", cookie, { ...typed, commune: "Xã Không Có Thật" });
    expect(none.status).toBe(400);
    expect(await errorText(none, "commune")).toContain("Không tìm thấy xã, phường này");

    const twice = await request("/seller/profile", cookie, { ...typed, commune: "my duc" });
    expect(twice.status).toBe(400);
    const doc = parse(await twice.text());
    expect(doc.querySelector("#f-commune-error")?.textContent).toContain("Có nhiều xã, phường cùng tên");
    const choices = doc.querySelectorAll("input[type=radio][name=wardCode]").map((input) => input.getAttribute("value"));
    expect(choices.sort()).toEqual(["10441", "30469"]);
    expect(doc.querySelector("#f-commune")?.getAttribute("value")).toBe("my duc");
    expect(row("SELECT count(*) AS n FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '0939111222'")).toEqual({ n: 0 });

    // The province typed after the name picks one.
    const suggest = await (await fetch(`${server.url}/places/communes?q=${encodeURIComponent("my duc an giang")}`)).json();
    expect(suggest).toEqual({ communes: [{ code: "30469", provinceCode: "91", label: expect.stringContaining("Mỹ Đức") }] });
  });

  it("creates the profile for staff to verify; it is not public until then", async () => {
    // Typed without diacritics: the commune is found, its province follows.
    const { wardCode: _w, provinceCode: _p, ...typed } = validProfile;
    const res = await request("/seller/profile", cookie, { ...typed, commune: "my xuyen" });
    expect(res.status).toBe(303);
    // Straight on to the first product.
    expect(res.headers.get("location")).toBe("/seller/products/new");
    const producer = row<{ slug: string; verification_status: string; phone: string; bank_account_no: string | null; province_code: string; ward_code: string }>(
      "SELECT p.* FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.phone = '0939111222'",
    );
    expect(producer).toMatchObject({ verification_status: "pending", phone: "0939111222", bank_account_no: null, province_code: "92", ward_code: "31684" });
    const portal = await (await request("/seller", cookie)).text();
    expect(portal).toContain("Đang chờ cán bộ tỉnh xác minh");
    expect((await fetch(`${server.url}/producers/${producer.slug}`)).status).toBe(404);
  });

  it("lets a verified producer edit its profile without losing its verification", async () => {
    const demo = await signIn(server, "producer@demo.local");
    const form = await (await request("/seller/profile", demo)).text();
    expect(form).toContain("Hợp tác xã");
    const current = row<{ ward_code: string; name: string; bank_bin: string; bank_account_no: string; bank_account_name: string }>(
      "SELECT p.* FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'",
    );
    // The same name, kind, province and payout account as verified: only the story changes.
    const res = await request("/seller/profile", demo, {
      ...validProfile,
      name: current.name,
      wardCode: current.ward_code,
      story: "Câu chuyện mới.",
      bankBin: current.bank_bin,
      bankAccountNo: current.bank_account_no,
      bankAccountName: current.bank_account_name,
    });
    expect(res.status).toBe(303);
    const after = row<{ story: string; verification_status: string }>(
      "SELECT p.* FROM producers p JOIN users u ON u.id = p.owner_user_id WHERE u.email = 'producer@demo.local'",
    );
    expect(after).toMatchObject({ story: "Câu chuyện mới.", verification_status: "approved" });
  });
});

describe("oversized uploads", () => {
  it("answers a 13 MB photo with its message (read through, not reset) and a chunked 2 MB text post with 413", async () => {
    const cookie = await signIn(server, "producer@demo.local");
    const photos = () => row<{ n: number }>("SELECT count(*) AS n FROM producer_photos").n;
    const before = photos();
    const form = new FormData();
    form.append("intent", "photo");
    form.append("photo", new Blob([new Uint8Array(13 * 1024 * 1024)], { type: "image/jpeg" }), "IMG_0001.jpg");
    const big = await fetch(`${server.url}/seller/media`, { method: "POST", body: form, headers: { cookie }, redirect: "manual" });
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("Ảnh quá lớn (tối đa 12 MB).");
    expect(photos()).toBe(before);

    // No Content-Length: the size is only known by reading, and reading stops keeping at 1 MB.
    const chunk = new TextEncoder().encode(`intent=photo&x=${"a".repeat(64 * 1024)}`);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 32; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const chunked = await fetch(`${server.url}/seller/media`, {
      method: "POST",
      body,
      duplex: "half",
      headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toContain("Dữ liệu gửi lên quá lớn");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/domain/accounts/password.server";
import { getPage } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return fetch(server.url + path, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: cookie ? { cookie } : {},
  });
}
const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";
const count = (sql: string, ...params: unknown[]) => (server.db.prepare(sql).get(...params) as { n: number }).n;

async function errorsOn(res: Response) {
  const { parse } = await import("node-html-parser");
  const doc = parse(await res.text());
  return {
    field: (name: string) => doc.querySelector(`#f-${name}-error`)?.textContent ?? null,
    alert: doc.querySelector("[role=alert]")?.textContent ?? null,
  };
}

describe("sign up", () => {
  it("creates a shopper with a hashed password and signs them in", async () => {
    const res = await post("/signup", { fullName: "Nguyễn Thị Lan", login: "0912 000 111", password: "mat-khau-dai", role: "shopper" });
    expect(res.status).toBe(303);
    const user = server.db.prepare("SELECT * FROM users WHERE phone = '0912000111'").get() as { full_name: string; role: string; password_hash: string };
    expect(user).toMatchObject({ full_name: "Nguyễn Thị Lan", role: "shopper" });
    expect(user.password_hash).not.toContain("mat-khau-dai");
    expect(await verifyPassword("mat-khau-dai", user.password_hash)).toBe(true);
    const home = await getPage(server.url, { headers: { cookie: cookieOf(res) } });
    expect(home.text).toContain("Đăng xuất");
  });

  it("answers bad input with 400 and a Vietnamese message by each field, writing nothing", async () => {
    const before = count("SELECT count(*) AS n FROM users");
    const res = await post("/signup", { fullName: "L", login: "not-a-phone", password: "short", role: "staff" });
    expect(res.status).toBe(400);
    const errors = await errorsOn(res);
    expect(errors.field("fullName")).toBe("Họ và tên cần từ 2 đến 100 ký tự.");
    expect(errors.field("login")).toContain("số điện thoại di động");
    expect(errors.field("password")).toBe("Mật khẩu cần ít nhất 8 ký tự.");
    expect(errors.field("role")).toContain("người mua, nhà sản xuất hay thành viên tổ công nghệ số");
    expect(count("SELECT count(*) AS n FROM users")).toBe(before);
  });

  it("refuses a login that is taken, however it is written", async () => {
    const res = await post("/signup", { fullName: "Người khác", login: "Producer@Demo.Local", password: "mat-khau-dai", role: "producer" });
    expect(res.status).toBe(400);
    expect((await errorsOn(res)).field("login")).toContain("đã có tài khoản");
  });

  it("refuses a form a bot filled in completely", async () => {
    const res = await post("/signup", { fullName: "Bot", login: "bot@example.com", password: "mat-khau-dai", role: "shopper", website: "http://spam.example" });
    expect(res.status).toBe(400);
    expect(count("SELECT count(*) AS n FROM users WHERE email = 'bot@example.com'")).toBe(0);
  });
});

describe("sign in and out", () => {
  it("starts a new session at each sign-in and ends it at sign-out", async () => {
    const first = await post("/login", { login: "shopper@demo.local", password: "demo-password" });
    const second = await post("/login", { login: "SHOPPER@demo.local", password: "demo-password" });
    expect(first.status).toBe(303);
    expect(cookieOf(first)).not.toBe(cookieOf(second));
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(first.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    const sessions = () => count("SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'shopper@demo.local'");
    expect(sessions()).toBe(2);

    const out = await post("/logout", {}, cookieOf(first));
    expect(out.status).toBe(303);
    expect(sessions()).toBe(1);
    const page = await getPage(server.url, { headers: { cookie: cookieOf(first) } });
    expect(page.text).toContain("Đăng nhập");
    expect(page.text).not.toContain("Đăng xuất");
  });

  it("replaces the browser's previous session when it signs in again", async () => {
    const sessions = () => count("SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'admin@demo.local'");
    const first = await post("/login", { login: "admin@demo.local", password: "demo-password" });
    const before = sessions();
    const again = await post("/login", { login: "admin@demo.local", password: "demo-password" }, cookieOf(first));
    expect(again.status).toBe(303);
    expect(sessions()).toBe(before);
    const stale = await getPage(server.url, { headers: { cookie: cookieOf(first) } });
    expect(stale.text).not.toContain("Đăng xuất");
  });

  it("says the same thing for a wrong password and an unknown login", async () => {
    for (const attempt of [
      { login: "shopper@demo.local", password: "wrong-password" },
      { login: "nobody@example.com", password: "demo-password" },
    ]) {
      const res = await post("/login", attempt);
      expect(res.status).toBe(400);
      expect((await errorsOn(res)).alert).toBe("Số điện thoại/email hoặc mật khẩu không đúng.");
    }
  });

  it("returns to a same-site page after sign-in, never to another site", async () => {
    const back = await post("/login", { login: "admin@demo.local", password: "demo-password", redirectTo: "/products?q=tra" });
    expect(back.headers.get("location")).toBe("/products?q=tra");
    // Another site is never where anyone goes: central staff land on their console instead.
    const away = await post("/login", { login: "admin@demo.local", password: "demo-password", redirectTo: "//evil.example" });
    expect(away.headers.get("location")).toBe("/staff");
  });

  it("forgets a session past its expiry", async () => {
    const res = await post("/login", { login: "staff@demo.local", password: "demo-password" });
    const writer = new (server.db.constructor as typeof import("better-sqlite3"))(server.databasePath);
    writer.prepare("UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = 'staff@demo.local')").run(Date.now() - 1);
    writer.close();
    const page = await getPage(server.url, { headers: { cookie: cookieOf(res) } });
    expect(page.text).not.toContain("Đăng xuất");
    expect(count("SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'staff@demo.local'")).toBe(0);
  });

  it("slows down guessing: the 11th try for one login within 15 minutes is refused with 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post("/login", { login: "0987654321", password: `guess-${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const res = await post("/login", { login: "0987654321", password: "guess" });
    expect((await errorsOn(res)).alert).toContain("quá nhiều lần");
  });
});

describe("cookies over HTTPS", () => {
  it("are Secure when the site's public address is https://", async () => {
    const https = await startServer({ PUBLIC_ORIGIN: "https://cho-ocop.example" });
    try {
      const res = await fetch(`${https.url}/login`, {
        method: "POST",
        body: new URLSearchParams({ login: "shopper@demo.local", password: "demo-password" }),
        redirect: "manual",
      });
      expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    } finally {
      await https.stop();
    }
  });
});

/**
 * Farmer first (issue 12): the way in for sellers, a phone number first, and signing in to the
 * role's own home, over HTTP as a browser without JavaScript.
 */
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ COMMISSION_PERCENT: "5" });
});
afterAll(() => server?.stop());

async function page(path: string, cookie = "") {
  const res = await fetch(server.url + path, { headers: { cookie }, redirect: "manual" });
  return { status: res.status, doc: parse(await res.text()) };
}
const signIn = (login: string, redirectTo?: string) =>
  fetch(`${server.url}/login`, {
    method: "POST",
    body: new URLSearchParams({ login, password: "demo-password", ...(redirectTo === undefined ? {} : { redirectTo }) }),
    redirect: "manual",
  });

describe("a way in for sellers", () => {
  it("shows the home page and the header a way to start selling, saying what it costs and what staff check", async () => {
    const { doc } = await page("/");
    const section = doc.querySelector("section[aria-labelledby=sell]");
    expect(section?.querySelector("h2")?.textContent).toBe("Bán hàng trên Chợ OCOP");
    expect(section?.textContent).toContain("Chợ OCOP giữ 5% tiền hàng");
    expect(section?.textContent).toContain("Cán bộ OCOP của tỉnh xác minh hồ sơ");
    expect(section?.querySelector("a")?.getAttribute("href")).toBe("/signup?role=producer");
    expect(doc.querySelector("header nav a[href='/signup?role=producer']")?.textContent).toBe("Bán hàng");
  });

  it("opens sign-up as a producer, asking for a phone number on the numeric keyboard, with email as the other choice", async () => {
    const { doc } = await page("/signup?role=producer");
    expect(doc.querySelector("h1")?.textContent).toBe("Bán hàng trên Chợ OCOP");
    const login = doc.querySelector("#f-login")!;
    expect(login.getAttribute("type")).toBe("tel");
    expect(login.getAttribute("inputmode")).toBe("numeric");
    expect(doc.querySelector("label[for=f-login]")?.textContent).toBe("Số điện thoại");
    expect(doc.querySelector("input[name=role][value=producer]")?.hasAttribute("checked")).toBe(true);
    const other = doc.querySelectorAll("a").find((a) => a.textContent === "Dùng email thay cho số điện thoại");
    expect(other?.getAttribute("href")).toBe("/signup?role=producer&with=email");
    const email = await page("/signup?role=producer&with=email");
    expect(email.doc.querySelector("#f-login")?.getAttribute("type")).toBe("email");
  });
});

describe("signing in lands on the role's home, or where the person was going", () => {
  it("sends producers to /seller, staff to /staff and shoppers home when they came from the home page", async () => {
    for (const [login, home] of [
      ["producer@demo.local", "/seller"],
      ["staff@demo.local", "/staff"],
      ["admin@demo.local", "/staff"],
      ["shopper@demo.local", "/"],
    ] as const) {
      expect((await signIn(login)).headers.get("location"), login).toBe(home);
      expect((await signIn(login, "/")).headers.get("location"), login).toBe(home);
    }
  });

  it("keeps where the person was going", async () => {
    expect((await signIn("producer@demo.local", "/seller/orders")).headers.get("location")).toBe("/seller/orders");
    expect((await signIn("staff@demo.local", "/products?q=gao")).headers.get("location")).toBe("/products?q=gao");
  });
});

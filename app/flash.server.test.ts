import { describe, expect, it } from "vitest";
import { flashHeader, takeFlash } from "./flash.server";

const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
const request = (cookie: string) => new Request("http://local.test/", { headers: { Cookie: cookie } });

describe("takeFlash", () => {
  it("reads the message in the visitor's language and clears the cookie", async () => {
    const cookie = cookieOf(await flashHeader("flash.collection.saved"));
    const vi = await takeFlash(request(`ocop_session=abc; ${cookie}`), "vi");
    expect(vi.flash?.text).toBe("Đã lưu bộ sưu tập.");
    expect(vi.setCookie).toMatch(/^ocop_flash=.*Max-Age=0/);
    expect((await takeFlash(request(cookie), "en")).flash?.text).toBe("Collection saved.");
  });

  it("shows nothing for a cookie naming no known message, and still clears it", async () => {
    const forged = `ocop_flash=${Buffer.from(JSON.stringify({ m: "<b>Trúng thưởng</b>", n: "x" })).toString("base64")}`;
    expect(await takeFlash(request(forged), "vi")).toEqual({ flash: null, setCookie: expect.stringMatching(/Max-Age=0/) });
    expect(await takeFlash(request("ocop_flash=%%%"), "vi")).toEqual({ flash: null, setCookie: expect.stringMatching(/Max-Age=0/) });
  });

  it("does nothing without the cookie", async () => {
    expect(await takeFlash(request("ocop_session=abc"), "vi")).toEqual({ flash: null, setCookie: null });
  });
});

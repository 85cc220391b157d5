import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, readForm, safeRedirectPath } from "./request.server";

const post = (body: BodyInit, type = "application/x-www-form-urlencoded") =>
  new Request("http://local.test/x", { method: "POST", body, headers: { "Content-Type": type } });

describe("readForm", () => {
  it("reads a form, without control characters in its text", async () => {
    const form = await readForm(post("name=B%C3%A1nh%00+p%C3%ADa&name=x"));
    expect(form?.getAll("name")).toEqual(["Bánh pía", "x"]);
  });

  it("answers null for a body that is not a form", async () => {
    expect(await readForm(post('{"a":1}', "application/json"))).toBeNull();
  });

  it("refuses a form over the cap with 413, reading it to its end so the connection stays usable", async () => {
    const thrown = await readForm(post(`name=${"a".repeat(MAX_FORM_BYTES)}`)).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(413);
    expect((thrown as Response).headers.get("Connection")).toBeNull();
  });
});

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeRedirectPath("/products?q=tra&page=2")).toBe("/products?q=tra&page=2");
    expect(safeRedirectPath("/seller/../orders")).toBe("/orders");
  });

  it("falls back for anything that would leave the site once resolved, encoded or not", () => {
    for (const value of [
      "//evil.example",
      "/.//evil.example/",
      "/x/../..//evil.example",
      "/./%2F/evil.example",
      "/%2F%2Fevil.example",
      "/%2f%2fevil.example",
      "/\\evil.example",
      "/.\\evil.example",
      "/%5C%5Cevil.example",
      "/\t/evil.example",
      "https://evil.example",
      "evil.example",
      "/%E0%A4%A",
      null,
    ]) {
      expect(safeRedirectPath(value), String(value)).toBe("/");
    }
  });
});

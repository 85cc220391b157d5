import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, readForm } from "./request.server";

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

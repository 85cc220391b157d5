import { describe, expect, it } from "vitest";
import { parseLoginId } from "./login-id";

describe("parseLoginId", () => {
  it("reads emails case-insensitively", () => {
    expect(parseLoginId(" Lan@Example.COM ")).toEqual({ kind: "email", value: "lan@example.com" });
  });
  it("reads Vietnamese mobile numbers however they are written", () => {
    for (const written of ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678"]) {
      expect(parseLoginId(written), written).toEqual({ kind: "phone", value: "0912345678" });
    }
  });
  it("refuses anything else", () => {
    for (const bad of ["", "lan", "lan@", "@x.vn", "0123456789", "091234567", "09123456789", "<script>@x.vn"]) {
      expect(parseLoginId(bad), bad).toBeNull();
    }
  });
});

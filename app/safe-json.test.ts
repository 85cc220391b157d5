import { describe, expect, it } from "vitest";
import { htmlSafeJson } from "./safe-json";

describe("htmlSafeJson", () => {
  it("leaves no markup a browser could read, and parses back to the same data", () => {
    const data = { name: "</script><svg/onload=alert(1)> & \u2028", n: 1 };
    const text = htmlSafeJson(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});

import { describe, expect, it } from "vitest";
import { methodNotAllowedLogger } from "./method-not-allowed.server";

describe("methodNotAllowedLogger", () => {
  it("writes one short line per interval, counting the requests it did not log", () => {
    const lines: string[] = [];
    const log = methodNotAllowedLogger((line) => lines.push(line), 10_000);
    for (let i = 0; i < 1000; i++) log("POST", "/products", 1_000 + i);
    expect(lines).toEqual(['405 POST "/products": no action there (1 such requests since the last line)']);
    log("PUT", `/${"x".repeat(5000)}`, 11_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^405 PUT "\/x+": no action there \(1000 such requests since the last line\)$/);
    expect(lines[1]!.length).toBeLessThan(300);
  });
});

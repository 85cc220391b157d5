import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ASSETS = "build/client/assets";

describe("the browser's JavaScript", () => {
  it("carries no Zod: forms are validated on the server, and Zod would add 13 KB gzip to a page", () => {
    const scripts = readdirSync(ASSETS).filter((name) => name.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(10);
    // A string only Zod's own source contains (its issue codes), whatever the minifier renames.
    const withZod = scripts.filter((name) => readFileSync(path.join(ASSETS, name), "utf8").includes("invalid_union_discriminator"));
    expect(withZod).toEqual([]);
  });
});

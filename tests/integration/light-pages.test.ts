import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPage, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

/** Storefront pages ship no framework, only a few KB of plain enhancement (issue 14, ADR 0022). */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

const row = <T>(sql: string, ...params: unknown[]) => server.db.prepare(sql).get(...params) as T;

/** Every script file the page makes a browser fetch (module scripts, their imports and preloads). */
function scriptFiles(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="(\/assets\/[^"]+\.js)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="(\/assets\/[^"]+\.js)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?["'](\/assets\/[^"']+\.js)["']/g)) files.add(m[1]!);
  return [...files];
}

const gzipKb = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join("build/client", file)), { level: 9 }).length, 0) / 1024;

describe("storefront pages are HTML with a few KB of script", () => {
  it("ship only the storefront's enhancement script, under 15 KB gzip, and none of the framework's data", async () => {
    const product = row<{ slug: string; producer: string }>(
      "SELECT p.slug, pr.slug AS producer FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.status = 'live' AND p.producer_verified = 1 LIMIT 1",
    );
    const campaign = row<{ slug: string }>("SELECT slug FROM campaigns ORDER BY id LIMIT 1").slug;
    for (const url of ["/", "/products", "/products?q=gao", `/products/${product.slug}`, `/products/${product.slug}/label`, `/producers/${product.producer}`, `/campaigns/${campaign}`]) {
      const page = await getPage(server.url + url);
      expect(page.status, url).toBe(200);
      const files = scriptFiles(page.html);
      expect(files, url).toHaveLength(1);
      expect(files[0], url).toMatch(/^\/assets\/storefront-[\w-]+\.js$/);
      expect(gzipKb(files), url).toBeLessThan(15);
      expect(page.html, url).not.toContain("__remixContext");
    }
  });

  it("keep the framework where the page needs it: the cart, checkout and the portals", async () => {
    const producer = await signIn(server, "producer@demo.local");
    for (const [url, cookie] of [["/cart", ""], ["/login", ""], ["/seller", producer]] as const) {
      const page = await getPage(server.url + url, { headers: { cookie } });
      expect(page.status, url).toBe(200);
      expect(page.html, url).toContain("__remixContext");
      expect(scriptFiles(page.html).some((file) => file.includes("storefront-")), url).toBe(false);
    }
  });
});

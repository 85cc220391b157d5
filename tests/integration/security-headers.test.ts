import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPage, signIn } from "../setup/http";
import { startServer, type TestServer } from "../setup/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function nonceOf(csp: string | null): string {
  const match = csp?.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/);
  if (!match) throw new Error(`no script nonce in CSP: ${csp}`);
  return match[1]!;
}

/** Every <script> in a page: its nonce, type, and the hash of its text when inline. */
function scriptsOf(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({
    nonce: attributes!.match(/nonce="([^"]*)"/)?.[1],
    type: attributes!.match(/type="([^"]*)"/)?.[1],
    hash: /\bsrc=/.test(attributes!) ? null : `'sha256-${createHash("sha256").update(body!).digest("base64")}'`,
  }));
}

function expectStrictPolicy(csp: string | null, path: string) {
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("object-src 'none'");
  expect(csp, path).toContain("base-uri 'none'");
  expect(csp, path).toMatch(/style-src 'self'(;|$)/);
  expect(csp, path).not.toContain("unsafe-inline");
}

describe("security headers", () => {
  it("pages made for one visitor carry a CSP whose nonce is on every script, and a new nonce each time", async () => {
    const { slug } = server.db.prepare("SELECT slug FROM products WHERE status = 'live' AND producer_verified = 1 LIMIT 1").get() as { slug: string };
    const shopper = await signIn(server, "shopper@demo.local");
    const nonces = new Set<string>();
    const pages: [string, string][] = [["/login", ""], ["/cart", ""], ["/khong-co-trang-nay", ""], ["/", shopper], ["/products?q=mat+ong", shopper], [`/products/${slug}`, shopper]];
    for (const [path, cookie] of pages) {
      const page = await getPage(server.url + path, { headers: { cookie } });
      const csp = page.headers.get("content-security-policy");
      expectStrictPolicy(csp, path);
      const nonce = nonceOf(csp);
      nonces.add(nonce);
      const scripts = scriptsOf(page.html);
      expect(scripts.length, path).toBeGreaterThan(0);
      // A JSON-LD block is data, never executed; every script that runs must carry this page's nonce.
      for (const script of scripts.filter((s) => s.type !== "application/ld+json")) expect(script.nonce, path).toBe(nonce);
      // Inline event handlers cannot carry a nonce, so the pages must have none.
      expect(page.html, path).not.toMatch(/<[^>]+\son[a-z]+=/i);
    }
    expect(nonces.size).toBe(pages.length);
  });

  it("pages shared between anonymous visitors allow exactly their own inline scripts by hash, and carry no nonce to replay", async () => {
    const { slug } = server.db.prepare("SELECT slug FROM products WHERE status = 'live' AND producer_verified = 1 LIMIT 1").get() as { slug: string };
    let inlineSeen = 0;
    for (const path of ["/", "/products?q=mat+ong", `/products/${slug}`]) {
      // The first answer is rendered, the second comes from the page cache: both must hold.
      for (const expected of ["miss", "hit"]) {
        const page = await getPage(server.url + path);
        expect(page.headers.get("x-page-cache"), path).toBe(expected);
        const csp = page.headers.get("content-security-policy");
        expectStrictPolicy(csp, path);
        expect(csp, path).not.toContain("nonce-");
        const allowed = csp!.match(/script-src ([^;]*)/)![1]!.split(" ");
        // Storefront pages ship no framework (ADR 0022): their inline scripts are data (JSON-LD), hashed all the same.
        const inline = scriptsOf(page.html).filter((s) => s.hash !== null);
        inlineSeen += inline.length;
        for (const script of scriptsOf(page.html)) expect(script.nonce, path).toBeUndefined();
        for (const script of inline) {
          expect(script.nonce, path).toBeUndefined();
          expect(allowed, path).toContain(script.hash);
        }
        // Nothing else is allowed: 'self' for our files and one hash per distinct inline script.
        expect(allowed.length, path).toBe(1 + new Set(inline.map((s) => s.hash)).size);
        expect(page.html, path).not.toMatch(/<[^>]+\son[a-z]+=/i);
      }
    }
    expect(inlineSeen).toBeGreaterThan(0);
  });

  it("every answer, files and errors included, forbids sniffing and framing and asks for HTTPS in production", async () => {
    const { file } = server.db.prepare("SELECT file FROM product_photos LIMIT 1").get() as { file: string };
    for (const path of ["/", "/favicon.svg", "/robots.txt", "/healthz", "/open-data/products.json", `/media/${file}`, "/khong-co-trang-nay"]) {
      const res = await fetch(server.url + path, { redirect: "manual" });
      await res.arrayBuffer();
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("strict-transport-security"), path).toMatch(/^max-age=31536000/);
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("a plain-HTTP deployment (PUBLIC_ORIGIN http://) sends no HSTS, and card payments may post on to Stripe", async () => {
    const plain = await startServer({ PUBLIC_ORIGIN: "http://192.168.1.10:3000", STRIPE_SECRET_KEY: "sk_test_x" });
    try {
      const res = await fetch(plain.url + "/login", { redirect: "manual" });
      await res.arrayBuffer();
      expect(res.headers.get("strict-transport-security")).toBeNull();
      expect(res.headers.get("content-security-policy")).toContain("form-action 'self' https://checkout.stripe.com");
    } finally {
      await plain.stop();
    }
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./csp-hashes.server";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes each inline script's exact text, once, and skips scripts loaded from a file", () => {
    const context = 'window.__remixContext = {"a":"<\\/b>"};';
    const module = 'import "/assets/manifest-1.js";\nimport * as route0 from "/assets/root-2.js";';
    const html = `<html><head><script type="module" src="/assets/x.js"></script></head><body>
      <script>${context}</script><script type="module" async="">${module}</script><script>${context}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(context), sha(module)]);
  });

  it("hashes Vietnamese text as the browser does, from its UTF-8 bytes", () => {
    const body = 'console.log("Gạo ST25 Ông Cua")';
    expect(inlineScriptHashes(`<script>${body}</script>`)).toEqual([sha(body)]);
  });

  it("finds nothing in a page without inline scripts", () => {
    expect(inlineScriptHashes('<p>x</p><script src="/assets/a.js"></script>')).toEqual([]);
  });
});

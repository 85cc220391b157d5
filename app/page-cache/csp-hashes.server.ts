import { createHash } from "node:crypto";

// React writes every script element itself, and Remix escapes "</" inside the data it inlines, so a
// script's body ends at the first "</script>".
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The CSP hash-sources ('sha256-…') of a page's inline scripts, so a page whose bytes are shared
 * between visitors can allow exactly its own scripts without a nonce (a nonce replayed to everyone
 * would allow an attacker's script too: ADR 0009, ADR 0021).
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

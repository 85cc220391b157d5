import { en } from "./i18n/en";
import { vi } from "./i18n/vi";

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RequestFacts {
  method: string;
  path: string;
  origin: string | undefined;
  /** `X-Forwarded-Host` (its first value), else `Host`: what Remix's own check compares against. */
  host: string | undefined;
  secFetchSite: string | undefined;
}

/**
 * Whether a state-changing request was sent by another site (a forged form, a `null` origin from a
 * sandboxed frame or a `data:` page). Browsers send `Origin` on every POST; `Sec-Fetch-Site` is the
 * second opinion when a client leaves it out. Webhooks come from providers' servers, carry no
 * browser headers and prove themselves by signature, so they are not judged here.
 *
 * The rule matches Remix's own document-request check (origin host = forwarded host or host), which
 * otherwise throws and answers 500 with a stack trace in the log, and extends it to `.data` requests,
 * which Remix does not check at all.
 */
export function isCrossSiteWrite({ method, path, origin, host, secFetchSite }: RequestFacts): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase()) || path.startsWith("/webhooks/")) return false;
  if (origin === undefined) return secFetchSite === "cross-site";
  if (origin === "null" || host === undefined) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The page a refused cross-site post gets: Vietnamese first, English under it, no script, our own
 * stylesheet only (the page CSP still holds). Static, so refusing costs no rendering.
 */
export function crossSitePage(stylesheets: readonly string[]): string {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${encodeURI(href)}">`).join("");
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>403 · ${vi["error.forbiddenTitle"]} | ${vi["site.name"]}</title>${links}</head><body class="bg-stone-50 text-stone-900"><main class="mx-auto max-w-lg px-4 py-12 text-center"><p class="text-5xl font-bold text-brand-700">403</p><h1 class="mt-4 text-2xl font-semibold">${vi["error.crossSiteTitle"]}</h1><p class="mt-2 text-stone-700">${vi["error.crossSiteText"]}</p><p class="mt-6 text-stone-600" lang="en">${en["error.crossSiteTitle"]}. ${en["error.crossSiteText"]}</p><a href="/" class="mt-6 inline-block rounded bg-brand-700 px-4 py-2 text-white no-underline">${vi["error.backHome"]}</a></main></body></html>`;
}

/**
 * One log line per refusal would let anyone fill the disk; one line per interval says how many were
 * refused since the last, and where the latest came from.
 */
export function refusalLogger(log: (line: string) => void, intervalMs = 10_000) {
  let lastAt = -Infinity;
  let unlogged = 0;
  return (facts: RequestFacts, now = Date.now()) => {
    unlogged++;
    if (now - lastAt < intervalMs) return;
    const origin = JSON.stringify((facts.origin ?? `sec-fetch-site ${facts.secFetchSite}`).slice(0, 100));
    log(`403 cross-site ${facts.method} ${facts.path.slice(0, 200)} from ${origin} (${unlogged} refused since the last line)`);
    lastAt = now;
    unlogged = 0;
  };
}

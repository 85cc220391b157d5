/**
 * Which answers may be shared between visitors (our page cache, nginx, a CDN) and which are one
 * person's. One rule for the whole site, so a route only says "I am a public page" and can never make a
 * personal answer shareable by mistake.
 */

/**
 * Storefront pages: a shared cache may keep them 5 s and hand out a stale copy for 30 s more while it
 * fetches a fresh one; browsers always ask again (max-age=0), cheaply when the ETag still matches.
 * `Vary: Cookie` keeps a cache that honours Vary (nginx does) from giving one visitor's variant to
 * another: a signed-in visitor's request never matches the anonymous copy.
 */
export const PUBLIC_PAGE_HEADERS = {
  "Cache-Control": "public, max-age=0, s-maxage=5, stale-while-revalidate=30",
  Vary: "Accept-Encoding, Cookie",
} as const;

/** A storefront route's `headers` export: its page is the same for every anonymous visitor. */
export const publicPage = () => PUBLIC_PAGE_HEADERS;

export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" } as const;

/**
 * The cookies a visitor may carry and still see the page everyone sees: only the chosen language,
 * which is part of the cache key. Any other cookie (a session, a cart, a flash message, a guest's
 * orders, one we add later) makes the visitor someone whose page may be personal.
 */
const SHARED_COOKIES = new Set(["lang"]);

export function isAnonymous(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return true;
  for (const pair of cookieHeader.split(";")) {
    const name = pair.split("=", 1)[0]!.trim();
    if (name && !SHARED_COOKIES.has(name)) return false;
  }
  return true;
}

export function isPublic(cacheControl: string | null | undefined): boolean {
  return /(^|[\s,])public([\s,]|$)/i.test(cacheControl ?? "");
}

/**
 * The Cache-Control a rendered page leaves with: the route's public headers only when the visitor is
 * anonymous and only reading, the page is a success or a plain "not found", and it sets no cookie; anything else is
 * private and never stored.
 */
export function pageCacheControl(facts: {
  method: string;
  anonymous: boolean;
  status: number;
  routeCacheControl: string | null;
  setsCookie: boolean;
}): string {
  const read = facts.method === "GET" || facts.method === "HEAD";
  const shareable = read && facts.anonymous && (facts.status === 200 || facts.status === 404) && !facts.setsCookie && isPublic(facts.routeCacheControl);
  return shareable ? facts.routeCacheControl! : PRIVATE_HEADERS["Cache-Control"];
}

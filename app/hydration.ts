/**
 * Storefront pages are whole HTML that works without JavaScript: they ship no framework, only the
 * small app/enhance/storefront.js (ADR 0022). A route says so with `export const handle = staticPage`.
 */
export const staticPage = { hydrate: false } as const;

/** False when any matched route asked to ship no framework. */
export function hydrates(matches: readonly { handle?: unknown }[]): boolean {
  return !matches.some((match) => typeof match.handle === "object" && match.handle !== null && "hydrate" in match.handle && match.handle.hydrate === false);
}

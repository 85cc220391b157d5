/** The storefront pages both benchmarks load, each a rotation of paths so no one cached row is measured. */
const SEARCHES = ["mat ong", "nuoc mam", "ca phe", "tra", "gao st25", "dac san", "yen sao", "banh", "muc", "hat dieu"];

export function storefrontLoad(productSlugs: readonly string[]): { name: string; paths: string[] }[] {
  return [
    { name: "home /", paths: ["/"] },
    { name: "catalog /products", paths: ["/products", "/products?page=2", "/products?page=7"] },
    { name: "catalog filtered", paths: ["/products?group=food&province=92", "/products?stars=4&sort=price_asc", "/products?province=01&inStock=1&sort=newest"] },
    { name: "search ?q=", paths: SEARCHES.map((q) => `/products?q=${encodeURIComponent(q)}`) },
    // Warm: 100 pages a visitor came to within the last seconds, as the page cache keeps them.
    { name: "product page, warm", paths: productSlugs.slice(0, 100).map((s) => `/products/${s}`) },
    // 2,000 pages in turn: each is visited about once every few seconds, around the cache's 5 s, so
    // this line is mostly renders.
    { name: "product page, 2,000 in turn", paths: productSlugs.map((s) => `/products/${s}`) },
  ];
}

/** What every browser sends and the benchmarks send too: a page is measured as phones receive it, compressed. */
export const BROWSER_HEADERS = { "accept-encoding": "br, gzip" };

/**
 * How `npm start` and `npm run serve` run the server (package.json carries the same; keep them equal),
 * so the benchmarks measure what is deployed. Workers inherit both. A heap bounded for a small machine
 * (V8 would size it to the machine's memory and let garbage pile up); a 4 MB young generation instead
 * of 16 MB, about 20 MB less per worker at the same speed; glibc's malloc kept to two arenas, where the
 * compression threads would otherwise each grow their own (about 15 MB per worker under load).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=4"];
export const SERVER_MEMORY_ENV = { MALLOC_ARENA_MAX: "2" };

/**
 * Remembers a computed value for `ttlMs`. For figures a shopper cannot tell are a minute old
 * (counts per province), so busy pages do not recount 100,000 rows on every request.
 */
export function cachedFor<T>(ttlMs: number, compute: () => T): { get(): T } {
  let value: T;
  let expiresAt = 0;
  return {
    get() {
      const now = Date.now();
      if (now >= expiresAt) {
        value = compute();
        expiresAt = now + ttlMs;
      }
      return value;
    },
  };
}

/**
 * A value built on first use and kept for the process: Drizzle statements prepared with
 * `.prepare()` and `sql.placeholder()` need the connection, which opens lazily (ADR 0015).
 *
 *   const byId = once(() => getDb().select().from(products).where(eq(products.id, sql.placeholder("id"))).prepare());
 *   byId().get({ id });
 */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

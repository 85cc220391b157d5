/**
 * JSON text in which no user-written `<`, `>` or `&` survives as such: they become `\u003c`, `\u003e`,
 * `\u0026`, which every JSON parser reads back as the same characters. Stored product names are
 * written by producers; escaped this way, a name like `</script><svg onload=…>` can neither close a
 * `<script>` it is embedded in nor be read as markup by a browser or proxy that mis-sniffs the body.
 */
export function htmlSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `Response.json`, with the body written by `htmlSafeJson`. */
export function safeJsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(htmlSafeJson(data), { ...init, headers });
}

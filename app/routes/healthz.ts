import { checkDatabase } from "~/db/health.server";
import { pageCacheStats } from "~/page-cache/page-cache.server";

export function loader() {
  const ok = checkDatabase();
  return Response.json({ status: ok ? "ok" : "error", pid: process.pid, pageCache: pageCacheStats() }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

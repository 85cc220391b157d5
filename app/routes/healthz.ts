import { checkDatabase } from "~/db/health.server";

export function loader() {
  const ok = checkDatabase();
  return Response.json({ status: ok ? "ok" : "error" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

import { timingSafeEqual } from "node:crypto";
import { prepared } from "~/db/prepared.server";
import type { SessionUser } from "../accounts/sessions.server";
import { hashAccessToken } from "./checkout.server";

/**
 * The id of the order `code` if this visitor may see it: the signed-in buyer who placed it, or
 * anyone holding its secret link's token. Null otherwise, the same answer as for a code that does
 * not exist, so codes cannot be probed.
 */
export function orderIdForViewer(code: string, user: SessionUser | null, token: string | null): number | null {
  if (!/^[A-Z0-9]{10,12}$/.test(code)) return null;
  const order = prepared("SELECT id, user_id AS userId, access_token_hash AS tokenHash FROM orders WHERE code = ?").get(code) as
    | { id: number; userId: number | null; tokenHash: string }
    | undefined;
  if (!order) return null;
  if (user && order.userId === user.id) return order.id;
  if (token && token.length <= 100) {
    const given = Buffer.from(hashAccessToken(token), "hex");
    if (timingSafeEqual(given, Buffer.from(order.tokenHash, "hex"))) return order.id;
  }
  return null;
}

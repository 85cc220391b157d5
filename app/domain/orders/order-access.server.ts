import { createCookie } from "@remix-run/node";
import { timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { once } from "~/db/prepared.server";
import { orders } from "~/db/schema";
import { settings } from "~/settings.server";
import { currentUser, type SessionUser } from "../accounts/sessions.server";
import { sha256Hex } from "../shared/hash.server";
import { isOrderCode } from "./order-code";

/**
 * The secret links of a guest's recent orders, kept in the browser that placed them: coming back
 * from Stripe, or opening the site again, the guest still reaches their orders without the link.
 */
const guestOrdersCookie = createCookie("ocop_orders", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: settings.secureCookies,
  maxAge: 90 * 86_400,
});
const REMEMBERED_ORDERS = 10;

async function rememberedTokens(request: Request): Promise<Record<string, string>> {
  const value: unknown = await guestOrdersCookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([code, token]) => isOrderCode(code) && typeof token === "string"));
}

/** The Set-Cookie header that adds a guest's new order to the ones this browser remembers. */
export async function rememberGuestOrder(request: Request, code: string, accessToken: string): Promise<string> {
  const entries = Object.entries(await rememberedTokens(request)).slice(-(REMEMBERED_ORDERS - 1));
  return guestOrdersCookie.serialize(Object.fromEntries([...entries, [code, accessToken]]));
}

function tokenMatches(token: string, tokenHash: string): boolean {
  if (token.length > 100) return false;
  return timingSafeEqual(Buffer.from(sha256Hex(token), "hex"), Buffer.from(tokenHash, "hex"));
}

// Prepared once: every order page and status poll starts here.
const orderByCode = once(() =>
  getDb()
    .select({ id: orders.id, userId: orders.userId, tokenHash: orders.accessTokenHash })
    .from(orders)
    .where(eq(orders.code, sql.placeholder("code")))
    .prepare(),
);

export interface OrderViewer {
  orderId: number;
  user: SessionUser | null;
  /** The guest's secret, to keep in the order's links; null for the signed-in buyer. */
  token: string | null;
}

/**
 * Who may see order `code`: the signed-in buyer who placed it, or anyone holding its secret token
 * (in the link, or remembered by the browser that placed it). Null otherwise — the same answer as
 * for a code that does not exist, so codes cannot be probed.
 */
export async function orderViewer(request: Request, code: string): Promise<OrderViewer | null> {
  if (!isOrderCode(code)) return null;
  const order = orderByCode().get({ code });
  if (!order) return null;
  const user = await currentUser(request);
  if (user && order.userId === user.id) return { orderId: order.id, user, token: null };
  const candidates = [new URL(request.url).searchParams.get("token"), (await rememberedTokens(request))[code]];
  const token = candidates.find((t): t is string => typeof t === "string" && tokenMatches(t, order.tokenHash));
  return token ? { orderId: order.id, user, token } : null;
}

import { redirect } from "@remix-run/node";
import { currentUser, type SessionUser } from "./sessions.server";

export type Role = SessionUser["role"];

/** The signed-in user, or a redirect to sign-in that comes back to this page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await currentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The signed-in user if their role is one of `roles`; a 403 page otherwise. */
export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

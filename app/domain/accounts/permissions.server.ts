import { redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/request.server";
import { currentUser, type SessionUser } from "./sessions.server";

export type Role = SessionUser["role"];

/** Where each kind of account works: a producer or helper in the portal, staff in the console. */
export function homeFor(role: Role): string {
  if (role === "producer" || role === "helper") return "/seller";
  if (role === "staff" || role === "central_staff") return "/staff";
  return "/";
}

/**
 * Where to go after signing in: where the person was going (a same-site path), or, when that is
 * just the home page (the header's sign-in link from it), the home of their role.
 */
export function afterSignIn(role: Role, redirectTo: string | null | undefined): string {
  const target = safeRedirectPath(redirectTo ?? null);
  return target === "/" ? homeFor(role) : target;
}

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

import { createCookie, redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { producers } from "~/db/schema";
import { settings } from "~/settings.server";
import { requireRole } from "../accounts/permissions.server";
import type { SessionUser } from "../accounts/sessions.server";
import { helperMayActFor } from "./helpers.server";
import { ownProducer, type Producer } from "./profile.server";

/**
 * Who is working in a producer's portal: the producer's own account, or a community helper acting
 * for it. Every portal change is recorded with both `user` (who acted) and `producer` (for whom).
 */
export interface PortalActor {
  user: SessionUser;
  producer: Producer;
  asHelper: boolean;
}

/** Which of their producers a helper is working for; checked against a live grant on every request. */
const actingForCookie = createCookie("acting_for", { path: "/", httpOnly: true, sameSite: "lax", secure: settings.secureCookies });

/**
 * The portal actor of a request. A producer without a profile is sent to create one; a helper who
 * has not chosen a producer, or whose access was revoked, is sent to choose.
 */
export async function requirePortalActor(request: Request): Promise<PortalActor> {
  const actor = await resolvePortalActor(request);
  // Portal forms post to "?for=<producer id>": a form opened for one producer and sent after the
  // helper switched to another (a second tab) must not land on the wrong producer.
  const intended = new URL(request.url).searchParams.get("for");
  if (request.method !== "GET" && intended !== null && Number(intended) !== actor.producer.id) {
    throw new Response("Conflict", { status: 409 });
  }
  return actor;
}

async function resolvePortalActor(request: Request): Promise<PortalActor> {
  const user = await requireRole(request, ["producer", "helper"]);
  if (user.role === "producer") {
    const producer = ownProducer(user);
    if (!producer) throw redirect("/seller/profile");
    return { user, producer, asHelper: false };
  }
  const producerId: unknown = await actingForCookie.parse(request.headers.get("Cookie"));
  if (typeof producerId !== "number" || !helperMayActFor(user.id, producerId)) throw redirect("/seller");
  const producer = getDb().select().from(producers).where(eq(producers.id, producerId)).get();
  if (!producer) throw redirect("/seller");
  return { user, producer, asHelper: true };
}

/** The Set-Cookie header that forgets which producer a helper was acting for (at sign-out). */
export function forgetActingFor(): Promise<string> {
  return actingForCookie.serialize("", { maxAge: 0 });
}

/** Starts acting for a producer the helper serves; the Set-Cookie header to send. */
export async function actFor(helper: SessionUser, producerId: number): Promise<string> {
  if (helper.role !== "helper" || !helperMayActFor(helper.id, producerId)) throw new Response("Forbidden", { status: 403 });
  return actingForCookie.serialize(producerId);
}

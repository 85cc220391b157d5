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
  const producer = await portalProducer(user, request);
  // A producer without a profile is sent to create one; a helper without a live grant, to choose.
  if (!producer) throw redirect(user.role === "producer" ? "/seller/profile" : "/seller");
  return { user, producer, asHelper: user.role === "helper" };
}

/** The producer whose portal this is: the producer's own, or the one a helper acts for under a live grant. */
async function portalProducer(user: SessionUser, request: Request): Promise<Producer | null> {
  if (user.role === "producer") return ownProducer(user);
  const producerId: unknown = await actingForCookie.parse(request.headers.get("Cookie"));
  if (typeof producerId !== "number" || !helperMayActFor(user.id, producerId)) return null;
  return getDb().select().from(producers).where(eq(producers.id, producerId)).get() ?? null;
}

/** What the portal's header and section navigation show: who is signed in and for which producer. */
export interface PortalHeader {
  role: "producer" | "helper";
  userName: string;
  /** The producer the portal works for; null for a producer without a profile or a helper who has not chosen. */
  producer: { name: string; status: Producer["verificationStatus"] } | null;
  asHelper: boolean;
}

/**
 * The portal's header for the producer or helper of a request (a 403 page for anyone else). Unlike
 * `requirePortalActor` it never redirects: the profile form and the helper's home show it too.
 * It guards only the header: every portal loader and action still calls `requirePortalActor` (or
 * `requireRole`) itself, because a layout's loader does not run before its children's (ADR 0017).
 */
export async function portalHeader(request: Request): Promise<PortalHeader> {
  const user = await requireRole(request, ["producer", "helper"]);
  const role = user.role === "producer" ? "producer" : "helper";
  const producer = await portalProducer(user, request);
  return {
    role,
    userName: user.fullName,
    producer: producer && { name: producer.name, status: producer.verificationStatus },
    asHelper: role === "helper" && producer !== null,
  };
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

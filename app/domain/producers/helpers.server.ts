import { and, eq, gt, isNull } from "drizzle-orm";
import { randomInt } from "node:crypto";
import { getDb } from "~/db/client.server";
import { helperGrants, helperInvites, producers, users } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import { addressKey, rateLimiter } from "../accounts/rate-limit.server";
import type { SessionUser } from "../accounts/sessions.server";
import { recordActivity } from "./activity.server";
import type { PortalActor } from "./portal-actor.server";
import { sha256Hex } from "~/domain/shared/hash.server";
import { enqueueHelperAccess } from "../messages/events.server";

// No 0/O or 1/I: the code is read aloud and typed by hand on a phone.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;
export const INVITE_VALID_MS = 7 * 86_400_000;

/** "abcd-efgh", "ABCD EFGH" → "ABCDEFGH". */
export const normaliseInviteCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** Only the producer's own account hands out access to its portal, never a helper. */
function requireOwner(actor: PortalActor) {
  if (actor.asHelper) throw new Response("Forbidden", { status: 403 });
}

/** A new single-use invite code (shown once, as ABCD-EFGH), valid for seven days. */
export function createInvite(actor: PortalActor): string {
  requireOwner(actor);
  const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  getDb().transaction((tx) => {
    tx.insert(helperInvites)
      .values({ producerId: actor.producer.id, codeHash: sha256Hex(code), createdByUserId: actor.user.id, expiresAt: Date.now() + INVITE_VALID_MS })
      .run();
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "helper.invite" });
  });
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Wrong invite codes, per hour: 10 for one helper account, 30 from one address (a helper making
 * accounts to guess on). Only wrong codes count, so helpers who type theirs right are never held up.
 */
const wrongCodesPerAccount = rateLimiter({ name: "helperCodes.account", limit: 10, windowMs: 60 * 60_000 });
const wrongCodesPerAddress = rateLimiter({ name: "helperCodes.address", limit: 30, windowMs: 60 * 60_000 });

export type RedeemOutcome = { ok: true; producerId: number } | { ok: false; message: MessageKey; tooMany?: true };

/**
 * A helper redeems a code: one use, before it expires, and only by a helper account. Once an
 * account or an address has used up its wrong codes, no code is even looked up until the hour passes.
 */
export function redeemInvite(user: SessionUser, typed: string, clientIp: string, now = Date.now()): RedeemOutcome {
  if (user.role !== "helper") throw new Response("Forbidden", { status: 403 });
  const account = String(user.id);
  const address = addressKey(clientIp);
  if (wrongCodesPerAccount.exhausted(account, now) || wrongCodesPerAddress.exhausted(address, now)) {
    return { ok: false, message: "helpers.error.tooMany", tooMany: true };
  }
  const wrong = (): RedeemOutcome => {
    wrongCodesPerAccount.attempt(account, now);
    wrongCodesPerAddress.attempt(address, now);
    return { ok: false, message: "helpers.error.code" };
  };
  const code = normaliseInviteCode(typed);
  if (code.length !== CODE_LENGTH) return wrong();
  const outcome = getDb().transaction((tx): RedeemOutcome => {
    const invite = tx
      .select()
      .from(helperInvites)
      .where(and(eq(helperInvites.codeHash, sha256Hex(code)), isNull(helperInvites.redeemedAt), gt(helperInvites.expiresAt, now)))
      .get();
    if (!invite) return { ok: false, message: "helpers.error.code" };
    tx.update(helperInvites).set({ redeemedByUserId: user.id, redeemedAt: now }).where(eq(helperInvites.id, invite.id)).run();
    const active = tx
      .select({ id: helperGrants.id })
      .from(helperGrants)
      .where(and(eq(helperGrants.producerId, invite.producerId), eq(helperGrants.helperUserId, user.id), isNull(helperGrants.revokedAt)))
      .get();
    if (!active) tx.insert(helperGrants).values({ producerId: invite.producerId, helperUserId: user.id, inviteId: invite.id }).run();
    enqueueHelperAccess(tx, { helperUserId: user.id, producerId: invite.producerId, key: `invite:${invite.id}` }, "joined", now);
    recordActivity(tx, { producerId: invite.producerId, actorUserId: user.id, action: "helper.join", subject: user.fullName });
    return { ok: true, producerId: invite.producerId };
  });
  return outcome.ok ? outcome : wrong();
}

/** The producer ends a helper's access; it stops at the helper's very next request. */
export function revokeHelper(actor: PortalActor, grantId: number) {
  requireOwner(actor);
  const revoked = getDb().transaction((tx) => {
    const grant = tx
      .update(helperGrants)
      .set({ revokedAt: Date.now(), revokedByUserId: actor.user.id })
      .where(and(eq(helperGrants.id, grantId), eq(helperGrants.producerId, actor.producer.id), isNull(helperGrants.revokedAt)))
      .returning({ helperUserId: helperGrants.helperUserId })
      .get();
    if (!grant) return false;
    const helper = tx.select({ name: users.fullName }).from(users).where(eq(users.id, grant.helperUserId)).get();
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "helper.revoke", subject: helper?.name ?? "" });
    enqueueHelperAccess(tx, { helperUserId: grant.helperUserId, producerId: actor.producer.id, key: `grant:${grantId}` }, "revoked", Date.now());
    return true;
  });
  if (!revoked) throw new Response("Not found", { status: 404 });
}

/** The helpers who can work in this producer's portal now. */
export function activeHelpers(actor: PortalActor) {
  requireOwner(actor);
  return getDb()
    .select({ grantId: helperGrants.id, name: users.fullName, since: helperGrants.createdAt })
    .from(helperGrants)
    .innerJoin(users, eq(users.id, helperGrants.helperUserId))
    .where(and(eq(helperGrants.producerId, actor.producer.id), isNull(helperGrants.revokedAt)))
    .all();
}

/** The producers a helper may act for now. */
export function producersServedBy(helper: SessionUser) {
  if (helper.role !== "helper") return [];
  return getDb()
    .select({ id: producers.id, name: producers.name, status: producers.verificationStatus })
    .from(helperGrants)
    .innerJoin(producers, eq(producers.id, helperGrants.producerId))
    .where(and(eq(helperGrants.helperUserId, helper.id), isNull(helperGrants.revokedAt)))
    .all();
}

/** True while the helper holds an unrevoked grant for the producer. */
export function helperMayActFor(helperUserId: number, producerId: number): boolean {
  return (
    getDb()
      .select({ id: helperGrants.id })
      .from(helperGrants)
      .where(and(eq(helperGrants.helperUserId, helperUserId), eq(helperGrants.producerId, producerId), isNull(helperGrants.revokedAt)))
      .get() !== undefined
  );
}

import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { vouchers } from "~/db/schema";
import { recordActivity } from "../producers/activity.server";
import type { PortalActor } from "../producers/portal-actor.server";
import type { VoucherInput } from "./promotion-forms";

/** A producer's own voucher codes (ADR 0019), made and turned off in its portal by the producer or a helper. */

export function vouchersOf(producerId: number) {
  return getDb().select().from(vouchers).where(eq(vouchers.producerId, producerId)).orderBy(desc(vouchers.id)).limit(200).all();
}

/** Creates a code for the actor's producer, recorded in its history with who did it; refuses a code already taken. */
export function createVoucher(actor: PortalActor, input: VoucherInput, now = Date.now()): { ok: true } | { ok: false; field: "code" } {
  return getDb().transaction(
    (tx) => {
      if (tx.select({ id: vouchers.id }).from(vouchers).where(eq(vouchers.code, input.code)).get()) return { ok: false, field: "code" } as const;
      tx.insert(vouchers)
        .values({
          producerId: actor.producer.id,
          code: input.code,
          kind: input.kind,
          percent: input.percent,
          capVnd: input.capVnd,
          amountVnd: input.amountVnd,
          minOrderVnd: input.minOrderVnd,
          totalUses: input.totalUses,
          perBuyer: input.perBuyer,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          createdByUserId: actor.user.id,
          createdAt: now,
        })
        .run();
      recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "voucher.create", subject: input.code });
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

/** Turns off one of the actor's producer's codes; false when it is not theirs (or already off). Orders that used it keep their discount. */
export function disableVoucher(actor: PortalActor, voucherId: number, now = Date.now()): boolean {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(vouchers)
      .set({ disabledAt: now })
      .where(and(eq(vouchers.id, voucherId), eq(vouchers.producerId, actor.producer.id), isNull(vouchers.disabledAt)))
      .returning({ code: vouchers.code })
      .get();
    if (!changed) return false;
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "voucher.disable", subject: changed.code });
    return true;
  });
}

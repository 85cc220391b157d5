import { and, eq, gt, inArray, isNotNull, lte, or } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificates, orderParts, orders, users } from "~/db/schema";
import { formatDate, formatDateTime } from "~/i18n/format";
import { openReports } from "../catalog/moderation.server";
import { paymentsToResolve } from "../payments/resolution.server";
import { verificationQueue } from "../producers/verification.server";
import { addDays, todayInVietnam } from "../shared/dates";
import { producerRecipient, SHIP_WITHIN_MS } from "./events.server";
import { enqueueMessage } from "./outbox.server";

/**
 * Messages no single event causes, found by looking at the data (run by the message worker every
 * hour; the idempotency keys make every run after the first add nothing):
 * - a certificate expiring in 90, 30 or 7 days: one message per threshold, and after a gap (the
 *   server was down) only the nearest threshold, not three at once;
 * - a paid part still not shipped one day before its ship-by date;
 * - each staff member's daily digest of what waits for them, when anything does.
 */
const CERTIFICATE_THRESHOLDS = [7, 30, 90] as const;
const DAY = 24 * 60 * 60 * 1000;
/** The hour (Vietnam time) from which the day's digest goes out: start of the working day. */
const DIGEST_HOUR = 7;

export function enqueueScheduledMessages(now = Date.now()): void {
  getDb().transaction(
    (tx) => {
      const today = todayInVietnam(new Date(now));
      const expiring = tx
        .select({ id: certificates.id, producerId: certificates.producerId, number: certificates.number, expiresOn: certificates.expiresOn })
        .from(certificates)
        .where(and(eq(certificates.status, "active"), gt(certificates.expiresOn, today), lte(certificates.expiresOn, addDays(today, 90))))
        .all();
      for (const certificate of expiring) {
        const daysLeft = Math.round((Date.parse(certificate.expiresOn) - Date.parse(today)) / DAY);
        const threshold = CERTIFICATE_THRESHOLDS.find((days) => daysLeft <= days)!;
        const producer = producerRecipient(tx, certificate.producerId);
        if (!producer) continue;
        enqueueMessage(
          tx,
          {
            key: `certificate:${certificate.id}:${threshold}`,
            kind: "certificate_expiring",
            path: "/seller/profile",
            values: { number: certificate.number, expires: formatDate(certificate.expiresOn, producer.locale), days: String(daysLeft) },
          },
          producer,
          now,
        );
      }

      const unshipped = tx
        .select({ partId: orderParts.id, producerId: orderParts.producerId, code: orders.code, paidAt: orders.paidAt })
        .from(orderParts)
        .innerJoin(orders, eq(orders.id, orderParts.orderId))
        // Only parts whose ship-by time is still ahead: a reminder after it helps no one, and without
        // the bound every hour would walk every unshipped part of the marketplace's history (seconds on
        // 200,000 orders, with the event loop held).
        .where(
          and(
            inArray(orderParts.status, ["paid", "confirmed"]),
            isNotNull(orders.paidAt),
            lte(orders.paidAt, now - (SHIP_WITHIN_MS - DAY)),
            gt(orders.paidAt, now - SHIP_WITHIN_MS),
          ),
        )
        .all();
      for (const part of unshipped) {
        const producer = producerRecipient(tx, part.producerId);
        if (!producer || part.paidAt === null) continue;
        enqueueMessage(
          tx,
          {
            key: `part:${part.partId}:lapsing`,
            kind: "order_lapsing",
            path: "/seller/orders",
            values: { code: part.code, shipBy: formatDateTime(part.paidAt + SHIP_WITHIN_MS, producer.locale, { day: true }) },
          },
          producer,
          now,
        );
      }
    },
    { behavior: "immediate" },
  );
  enqueueStaffDigests(now);
}

/** One digest per staff member per day, from the start of the working day, only when work waits. */
export function enqueueStaffDigests(now = Date.now()): void {
  const vietnamHour = new Date(now + 7 * 60 * 60 * 1000).getUTCHours();
  if (vietnamHour < DIGEST_HOUR) return;
  const today = todayInVietnam(new Date(now));
  const staff = getDb()
    .select({ id: users.id, fullName: users.fullName, role: users.role, provinceCode: users.provinceCode, email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(or(eq(users.role, "staff"), eq(users.role, "central_staff")))
    .all();
  for (const member of staff) {
    const counts = { producers: verificationQueue(member).length, reports: openReports(member).length, transfers: paymentsToResolve(member).length };
    if (counts.producers + counts.reports + counts.transfers === 0) continue;
    getDb().transaction(
      (tx) =>
        enqueueMessage(
          tx,
          {
            key: `digest:${today}`,
            kind: "staff_digest",
            path: "/staff",
            values: { producers: String(counts.producers), reports: String(counts.reports), transfers: String(counts.transfers) },
          },
          // Staff read the digest at their desk: e-mail first, their phone only without one.
          { userId: member.id, name: member.fullName, email: member.email, phone: member.email ? null : member.phone, locale: member.locale, provinceCode: member.provinceCode },
          now,
        ),
      { behavior: "immediate" },
    );
  }
}

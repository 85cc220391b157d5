import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificateEvidence, producers } from "~/db/schema";
import type { SessionUser } from "../accounts/sessions.server";
import { staffMayActIn } from "../accounts/staff.server";
import { readStoredFile } from "../shared/uploads.server";
import { helperMayActFor } from "./helpers.server";

/**
 * A certificate scan, for the producer who sent it (or a helper acting for it) and staff of its
 * province; null for anyone else, the same answer as for a scan that does not exist.
 */
export async function evidenceFileFor(user: SessionUser | null, evidenceId: number) {
  if (!user) return null;
  const evidence = getDb()
    .select({
      file: certificateEvidence.file,
      producerId: producers.id,
      ownerUserId: producers.ownerUserId,
      provinceCode: producers.provinceCode,
    })
    .from(certificateEvidence)
    .innerJoin(producers, eq(producers.id, certificateEvidence.producerId))
    .where(eq(certificateEvidence.id, evidenceId))
    .get();
  if (!evidence) return null;
  const allowed =
    ((user.role === "staff" || user.role === "central_staff") && staffMayActIn(user, evidence.provinceCode)) ||
    (user.role === "producer" && evidence.ownerUserId === user.id) ||
    (user.role === "helper" && helperMayActFor(user.id, evidence.producerId));
  return allowed ? readStoredFile(evidence.file) : null;
}

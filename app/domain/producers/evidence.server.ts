import { prepared } from "~/db/prepared.server";
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
  const evidence = prepared(
    `SELECT e.file, p.id AS producerId, p.owner_user_id AS ownerUserId, p.province_code AS provinceCode
     FROM certificate_evidence e JOIN producers p ON p.id = e.producer_id WHERE e.id = ?`,
  ).get(evidenceId) as { file: string; producerId: number; ownerUserId: number | null; provinceCode: string } | undefined;
  if (!evidence) return null;
  const allowed =
    ((user.role === "staff" || user.role === "central_staff") && staffMayActIn(user, evidence.provinceCode)) ||
    (user.role === "producer" && evidence.ownerUserId === user.id) ||
    (user.role === "helper" && helperMayActFor(user.id, evidence.producerId));
  return allowed ? readStoredFile(evidence.file) : null;
}

import { parseWithZod } from "@conform-to/zod";
import { desc, eq, max } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificateEvidence, producerPhotos } from "~/db/schema";
import type { MessageKey } from "~/i18n/vi";
import { savingPhoto, storePhoto, type StoredPhoto } from "../shared/photos.server";
import type { ReadUpload } from "../shared/uploaded-form";
import { recordActivity } from "./activity.server";
import { MAX_EVIDENCE_NOTE } from "./evidence-note";
import { mediaFormSchema } from "./media-form";
import type { PortalActor } from "./portal-actor.server";

export type MediaFormOutcome = { ok: true } | { ok: false; intent: "photo" | "evidence"; field: "photo" | "note"; error: MessageKey };

/**
 * Handles the media page's two forms: a photo of the producer (`intent=photo`, public) or a scan of
 * its OCOP certificate (`intent=evidence`, private). Every text field is checked before any file is
 * written; a scan is written straight to the private folder; and a save that fails after the file
 * was written deletes it. A refused upload leaves nothing behind.
 */
export async function submitMediaForm(actor: PortalActor, readBody: ReadUpload): Promise<MediaFormOutcome> {
  const upload = await readBody();
  if ("tooLarge" in upload) return { ok: false, intent: "photo", field: "photo", error: "photo.error.tooLarge" };
  const submission = parseWithZod(upload.form, { schema: mediaFormSchema });
  const intent = upload.form.get("intent") === "evidence" ? "evidence" : "photo";
  if (submission.status !== "success") {
    const [field, messages] = Object.entries(submission.error ?? {}).find(([, m]) => m && m.length > 0) ?? ["note", ["form.invalid"]];
    return { ok: false, intent, field: field === "note" ? "note" : "photo", error: (messages?.[0] ?? "form.invalid") as MessageKey };
  }
  if (!upload.file) return { ok: false, intent, field: "photo", error: "form.required" };
  const stored = await storePhoto(upload.file, intent === "evidence" ? "evidence" : "producers");
  if ("error" in stored) return { ok: false, intent, field: "photo", error: stored.error };
  await savingPhoto(stored, () =>
    intent === "evidence" ? addCertificateEvidence(actor, stored, submission.value.note ?? "") : addProducerPhoto(actor, stored),
  );
  return { ok: true };
}

/** Photos of the producer's place and people, for its public page. */
function addProducerPhoto(actor: PortalActor, photo: StoredPhoto) {
  getDb().transaction((tx) => {
    const last = tx.select({ position: max(producerPhotos.position) }).from(producerPhotos).where(eq(producerPhotos.producerId, actor.producer.id)).get();
    tx.insert(producerPhotos).values({ producerId: actor.producer.id, position: (last?.position ?? -1) + 1, ...photo }).run();
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "profile.photo" });
  });
}

export function photosOf(actor: PortalActor) {
  return getDb().select().from(producerPhotos).where(eq(producerPhotos.producerId, actor.producer.id)).orderBy(producerPhotos.position).all();
}

/** A certificate scan for staff to review; it proves nothing by itself, only staff record certificates. */
function addCertificateEvidence(actor: PortalActor, photo: StoredPhoto, note: string) {
  getDb().transaction((tx) => {
    tx.insert(certificateEvidence)
      .values({ producerId: actor.producer.id, uploadedByUserId: actor.user.id, note: note.slice(0, MAX_EVIDENCE_NOTE), ...photo })
      .run();
    recordActivity(tx, { producerId: actor.producer.id, actorUserId: actor.user.id, action: "evidence.upload", subject: note.slice(0, 80) });
  });
}

export function evidenceOf(actor: PortalActor) {
  return getDb()
    .select()
    .from(certificateEvidence)
    .where(eq(certificateEvidence.producerId, actor.producer.id))
    .orderBy(desc(certificateEvidence.id))
    .all();
}

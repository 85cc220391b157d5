import { desc, eq, max } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { certificateEvidence, producerPhotos } from "~/db/schema";
import type { StoredPhoto } from "../shared/photos.server";
import { recordActivity } from "./activity.server";
import { MAX_EVIDENCE_NOTE } from "./evidence-note";
import type { PortalActor } from "./portal-actor.server";

/** Photos of the producer's place and people, for its public page. */
export function addProducerPhoto(actor: PortalActor, photo: StoredPhoto) {
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
export function addCertificateEvidence(actor: PortalActor, photo: StoredPhoto, note: string) {
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

import { deliverDueMessages, wakeWorkerOnEnqueue } from "./outbox.server";
import { enqueueScheduledMessages } from "./scheduled.server";

const deliver = () => void deliverDueMessages().catch((error) => console.error("Message delivery failed", error));

/**
 * The outbox's delivery (app/startup.server.ts): what is due every `everyMs`, and at once after a
 * commit that enqueued something. Safe in every worker process at once: each claims its own rows.
 */
export function startMessageWorker(everyMs = 15_000): void {
  wakeWorkerOnEnqueue();
  setInterval(deliver, everyMs).unref();
  deliver();
}

/**
 * Scheduled messages (expiring certificates, unshipped parts, staff digests): part of the hourly
 * upkeep, which runs in the one process holding the upkeep lease (ADR 0021); idempotent anyway.
 */
export function scheduleMessages(): void {
  try {
    enqueueScheduledMessages();
  } catch (error) {
    console.error("Scheduled messages failed", error);
  }
  deliver();
}

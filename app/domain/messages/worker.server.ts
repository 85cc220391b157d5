import { deliverDueMessages, wakeWorkerOnEnqueue } from "./outbox.server";
import { enqueueScheduledMessages } from "./scheduled.server";

const HOURLY = 60 * 60 * 1000;

/**
 * The outbox's periodic work (app/startup.server.ts): deliver what is due every `everyMs`, look for
 * scheduled messages (expiring certificates, unshipped parts, staff digests) every hour. Safe in every
 * worker process at once: each claims its own rows, and scheduled messages are idempotent.
 */
export function startMessageWorker(everyMs = 15_000): void {
  wakeWorkerOnEnqueue();
  const deliver = () => void deliverDueMessages().catch((error) => console.error("Message delivery failed", error));
  const schedule = () => {
    try {
      enqueueScheduledMessages();
    } catch (error) {
      console.error("Scheduled messages failed", error);
    }
    deliver();
  };
  setInterval(deliver, everyMs).unref();
  setInterval(schedule, HOURLY).unref();
  schedule();
}

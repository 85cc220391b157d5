import type { MessageKey } from "~/i18n/vi";

/** What a refused complaint move tells the person, and the HTTP status of the answer. */
export function moveRefusal(outcome: "illegal" | "stale" | "refund_failed"): { key: MessageKey; status: 409 | 502 } {
  // An illegal move here means someone moved the complaint since the page was loaded.
  if (outcome === "refund_failed") return { key: "complaint.error.refund", status: 502 };
  return { key: "complaint.error.stale", status: 409 };
}

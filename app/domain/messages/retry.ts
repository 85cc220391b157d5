/**
 * When a message that failed for a passing reason (timeout, 5xx, rate limit) is tried again: after
 * 1 min, 5 min, 30 min, 2 h, then 12 h; after MAX_ATTEMPTS it is failed for good and staff see why.
 */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000, 12 * 60 * 60_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

/** Null when `attempts` tries are all a message gets. */
export function nextAttemptAfter(attempts: number, now: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
  return now + delay;
}

/**
 * How long a claimed message belongs to the process that claimed it. A process that dies mid-send
 * leaves the row `sending`; after this lease another process sends it again, with the same provider
 * id, so the provider drops the copy if the first send did get through.
 */
export const LEASE_MS = 2 * 60_000;

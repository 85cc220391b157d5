/**
 * Quiet hours: nothing that can wait reaches a phone between 21:00 and 07:00 Vietnam time (UTC+7, no
 * daylight saving). Farmers rise early and sleep early; a "new review" at 23:00 is a nuisance, a
 * payment or a sign-in code is not (KIND_RULES' `urgent`).
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 7;

/** When a non-urgent message enqueued at `now` may go out: `now`, or the end of the night it falls in. */
export function afterQuietHours(now: number): number {
  const local = now + VIETNAM_OFFSET_MS;
  const dayStart = local - (((local % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR));
  const hour = (local - dayStart) / HOUR;
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const morning = dayStart + QUIET_UNTIL_HOUR * HOUR + (hour >= QUIET_FROM_HOUR ? 24 * HOUR : 0);
  return morning - VIETNAM_OFFSET_MS;
}

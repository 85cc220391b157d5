import { createHash } from "node:crypto";

/**
 * SHA-256 of a secret (session, cart or order token, invite code), as stored: a leaked database
 * then hands out no working secret.
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

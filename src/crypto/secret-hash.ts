// SECRET_HASH of app clients that have a client secret (docs/cognito.md §3.7).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Base64(HMAC-SHA256(key = clientSecret, message = username + clientId)), all UTF-8 (§3.7). */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac("sha256", Buffer.from(clientSecret, "utf8"))
    .update(`${username}${clientId}`, "utf8")
    .digest("base64");
}

/**
 * Constant-time comparison of the expected and the supplied SECRET_HASH. The supplied value is
 * attacker-controlled and of any length: hashing both sides first gives timingSafeEqual the equal
 * lengths it requires, so a wrong length is just `false` (no throw, no length timing).
 */
export function secretHashMatches(expected: string, given: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(expected), digest(given));
}

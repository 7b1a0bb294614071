import { createHmac } from "node:crypto";

/**
 * Cognito's SECRET_HASH for an app client that has a secret (docs/cognito.md §3.7):
 * Base64(HMAC-SHA256(key = clientSecret, message = username + clientId)), all UTF-8.
 * In RespondToAuthChallenge, `username` must be the internal USERNAME the challenge returned.
 */
export function secretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac("sha256", Buffer.from(clientSecret, "utf8"))
    .update(Buffer.from(username + clientId, "utf8"))
    .digest("base64");
}

import type { UserRecord } from "./records.js";

/**
 * The one stand-in user record. The store reads and returns it when a lookup finds no user (so a
 * miss costs what a hit does, find-user.lua), and the flows plan an unknown name's steps on it
 * (planning a delivery, say) so those steps cost what they cost for a user: an enabled, confirmed
 * user with a verified email and a password of real length. Its username ("") is one no user can
 * have, which is how the store tells it from a user.
 */
export const STAND_IN_USER: UserRecord = Object.freeze({
  username: "", sub: "00000000-0000-4000-8000-000000000000", status: "CONFIRMED", enabled: true,
  attributes: Object.freeze({ email: "stand-in@example.com", email_verified: "true" }),
  salt: "0".repeat(32), verifier: "0".repeat(768), credentialsOverCanonicalName: true, passwordSetAt: 0, createdAt: 0, updatedAt: 0, version: 1,
} as const);

import { createHmac, randomInt } from "node:crypto";

/** A 6-digit code from the CSPRNG (docs/cognito.md §6.2). */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Codes are stored as keyed digests bound to their pool, purpose and subject. */
export function codeDigest(key: Buffer, poolId: string, purpose: string, subject: string, code: string): string {
  return createHmac("sha256", key).update(`${poolId}\u0000${purpose}\u0000${subject}\u0000${code}`).digest("base64url");
}

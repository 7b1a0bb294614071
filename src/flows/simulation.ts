import { createHash } from "node:crypto";
import { keyedDigest } from "../crypto/derived-keys.js";
import type { Deps } from "./deps.js";

/**
 * Values for users that do not exist, derived from the server's simulation key and the normalised
 * username (RFC 5054 §2.5.1.3): the same name gets the same answer on every call, every replica and
 * after restarts, and nobody without the master key can tell them from real ones.
 */
export function simulatedSalt(deps: Deps, poolId: string, normalizedName: string): string {
  const bytes = keyedDigest(deps.keys.simulation, "salt", poolId, normalizedName).subarray(0, 16);
  // A first byte of 0 would make the hex form ambiguous between clients (spec §4.2 SALT subtlety).
  if (bytes[0] === 0) bytes[0] = 1;
  return bytes.toString("hex");
}

/**
 * A stand-in for a stored verifier: it has a verifier's length (3072 bits) and never matches a
 * password. One keyed digest seeds SHAKE256 for the 384 bytes: deriving it costs about what a real
 * user's lookup costs over an unknown name's (a few microseconds), so it tips neither path.
 */
export function simulatedVerifier(deps: Deps, poolId: string, normalizedName: string): string {
  const seed = keyedDigest(deps.keys.simulation, "verifier", poolId, normalizedName);
  return createHash("shake256", { outputLength: 384 }).update(seed).digest("hex");
}

/** A v4-shaped UUID for the name: simulated internal usernames in pools whose usernames are UUIDs. */
export function simulatedUuid(deps: Deps, poolId: string, normalizedName: string): string {
  const b = keyedDigest(deps.keys.simulation, "uuid", poolId, normalizedName).subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Deterministic bytes for any other simulated value (destinations, challenge parameters). */
export function simulatedBytes(deps: Deps, label: string, poolId: string, normalizedName: string): Buffer {
  return keyedDigest(deps.keys.simulation, label, poolId, normalizedName);
}

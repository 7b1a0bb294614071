import { createHash } from "node:crypto";
import type { Deps } from "../deps.js";

/**
 * Values for users that do not exist, derived from the server's simulation key and the normalised
 * username (RFC 5054 §2.5.1.3): the same name gets the same answer on every call, every replica and
 * after restarts, and nobody without the master key can tell them from real ones.
 *
 * The derivation is keyed SHAKE256 — the 32-byte key absorbed first, then length-prefixed parts —
 * a PRF as KMAC is (a sponge has no length extension). It is one hash call: these values are work
 * only an unknown name's request does, so they must cost next to nothing beside what every request
 * does (the bench `enumeration timing` measures it).
 */
function derive(deps: Deps, length: number, ...parts: string[]): Buffer {
  const hash = createHash("shake256", { outputLength: length }).update(deps.keys.simulation);
  for (const part of parts) {
    const bytes = Buffer.from(part, "utf8");
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32BE(bytes.length);
    hash.update(prefix).update(bytes);
  }
  return hash.digest();
}

/**
 * The salt and the verifier of a name come from one derivation: a sign-in asks for both, one right
 * after the other (sign-in/password-check.ts), and each hash call is time only an unknown name's
 * request spends. The salt call keeps the verifier for the verifier call that follows it; nothing
 * runs in between (both are synchronous), and the verifier is the same whether or not it was kept.
 */
let kept: { readonly deps: Deps; readonly poolId: string; readonly name: string; readonly verifier: string } | undefined;

function passwordMaterial(deps: Deps, poolId: string, normalizedName: string): Buffer {
  return derive(deps, 16 + 384, "password", poolId, normalizedName);
}

export function simulatedSalt(deps: Deps, poolId: string, normalizedName: string): string {
  const material = passwordMaterial(deps, poolId, normalizedName);
  kept = { deps, poolId, name: normalizedName, verifier: material.subarray(16).toString("hex") };
  const salt = material.subarray(0, 16);
  // A first byte of 0 would make the hex form ambiguous between clients (docs/cognito.md §4.2 SALT subtlety).
  if (salt[0] === 0) salt[0] = 1;
  return salt.toString("hex");
}

/** A stand-in for a stored verifier: a verifier's length (3072 bits); it never matches a password. */
export function simulatedVerifier(deps: Deps, poolId: string, normalizedName: string): string {
  const mine = kept !== undefined && kept.deps === deps && kept.poolId === poolId && kept.name === normalizedName ? kept.verifier : undefined;
  kept = undefined;
  return mine ?? passwordMaterial(deps, poolId, normalizedName).subarray(16).toString("hex");
}

/** A v4-shaped UUID for the name: simulated internal usernames in pools whose usernames are UUIDs. */
export function simulatedUuid(deps: Deps, poolId: string, normalizedName: string): string {
  const b = derive(deps, 16, "uuid", poolId, normalizedName);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Deterministic bytes for any other simulated value (destinations, challenge parameters). */
export function simulatedBytes(deps: Deps, label: string, poolId: string, normalizedName: string): Buffer {
  return derive(deps, 32, label, poolId, normalizedName);
}

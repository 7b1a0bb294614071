import { createHmac, hkdfSync } from "node:crypto";
import { masterKey, masterKeyRing, type MasterKeyRing } from "./master-keys.js";
import { Sealer } from "./sealer.js";

/**
 * Every server secret comes from two roots (docs/security.md "Keys"):
 * - the master key ring (`IDP_MASTER_KEYS`): at-rest sealing; rotating it re-seals, nothing else changes;
 * - the stable seed, a 32-byte secret of its own identity that never rotates with the master key, kept
 *   in Redis sealed under the ring (store/stable-seed.ts): simulated values, code digests and
 *   SECRET_BLOCKs come from it, so a rotation changes no answer about an unknown name (a rotation
 *   that changed them would be an existence oracle) and breaks no code or sign-in in flight.
 * Labels are distinct per purpose (HKDF-SHA256, RFC 5869).
 */
export interface DerivedKeys {
  /** AES-256-GCM key of the newest master key for data at rest (legacy form; prefer `atRest`). */
  readonly sealing: Buffer;
  /** Seals data at rest under the ring: credentials, sessions, signing keys, client secrets. */
  readonly atRest: Sealer;
  /** AES-256-GCM key for SECRET_BLOCK and other state handed to clients. */
  readonly clientState: Buffer;
  /** Seeds simulated salts, verifiers, usernames and deliveries (RFC 5054 §2.5.1.3 "seed key"). */
  readonly simulation: Buffer;
  /** HMAC key for one-time code digests: a Redis dump alone does not reveal codes. */
  readonly codes: Buffer;
}

const derive = (secret: Buffer, label: string) => Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `identity.v1 ${label}`, 32));

/** The stable seed a deployment starts with when none is stored yet: the single-key derivation of old. */
export function initialStableSeed(ring: MasterKeyRing): Buffer {
  return derive(ring.newest.key, "simulation");
}

export function deriveKeys(master: MasterKeyRing | Buffer, stableSeed?: Buffer): DerivedKeys {
  const ring = Buffer.isBuffer(master) ? masterKeyRing([masterKey("default", master)]) : master;
  const seed = stableSeed ?? initialStableSeed(ring);
  return Object.freeze({
    sealing: derive(ring.newest.key, "sealing"),
    atRest: new Sealer(ring, "sealing"),
    clientState: derive(seed, "client-state"),
    simulation: seed,
    codes: derive(seed, "codes"),
  });
}

/** HMAC-SHA256 over length-prefixed parts, so ("ab","c") and ("a","bc") never collide. */
export function keyedDigest(key: Buffer, ...parts: string[]): Buffer {
  const hmac = createHmac("sha256", key);
  for (const part of parts) {
    const bytes = Buffer.from(part, "utf8");
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hmac.update(length).update(bytes);
  }
  return hmac.digest();
}

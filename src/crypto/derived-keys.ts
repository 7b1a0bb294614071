import { createHmac, hkdfSync } from "node:crypto";

/**
 * Every server secret is derived from the one master key (HKDF-SHA256, RFC 5869) with a distinct
 * label, so replicas sharing the master key agree on every simulated value and sealing key.
 */
export interface DerivedKeys {
  /** AES-256-GCM key for data at rest (signing keys, client secrets). */
  readonly sealing: Buffer;
  /** AES-256-GCM key for SECRET_BLOCK and other state handed to clients. */
  readonly clientState: Buffer;
  /** Seeds simulated salts, verifiers, usernames and deliveries (RFC 5054 §2.5.1.3 "seed key"). */
  readonly simulation: Buffer;
  /** HMAC key for one-time code digests: a Redis dump alone does not reveal codes. */
  readonly codes: Buffer;
}

export function deriveKeys(masterKey: Buffer): DerivedKeys {
  const derive = (label: string) => Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), `identity.v1 ${label}`, 32));
  return Object.freeze({
    sealing: derive("sealing"),
    clientState: derive("client-state"),
    simulation: derive("simulation"),
    codes: derive("codes"),
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

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { FINGERPRINT_BYTES, type MasterKeyRing } from "./master-keys.js";
import { unseal } from "./seal.js";

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes a sealed value adds to its plaintext: key fingerprint, IV and GCM tag. */
export const SEAL_OVERHEAD = FINGERPRINT_BYTES + IV_BYTES + TAG_BYTES;

interface SubKey {
  readonly fingerprint: Buffer;
  readonly key: Buffer;
  readonly id: string;
}

/**
 * AES-256-GCM under a key derived from each master key of the ring for one purpose (HKDF-SHA256,
 * RFC 5869). A sealed value is `fingerprint(2) || iv(12) || ciphertext || tag(16)`; the newest key
 * seals, any key of the ring opens. The associated data names what the value is and whose (pool,
 * user, record version…), so a sealed value moved to another record does not open.
 *
 * Values sealed before the ring existed (`iv || ciphertext || tag` under the purpose's key of a
 * single master key) still open: when no fingerprint matches, each key is tried without one.
 */
export class Sealer {
  private readonly subKeys: readonly SubKey[];

  constructor(ring: MasterKeyRing, private readonly purpose: string) {
    this.subKeys = ring.keys.map((k) => ({ id: k.id, fingerprint: k.fingerprint, key: Buffer.from(hkdfSync("sha256", k.key, Buffer.alloc(0), `identity.v1 ${purpose}`, 32)) }));
  }

  seal(plaintext: Buffer, associatedData: string | Buffer): Buffer {
    const newest = this.subKeys[0]!;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", newest.key, iv);
    cipher.setAAD(aad(associatedData));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([newest.fingerprint, iv, body, cipher.getAuthTag()]);
  }

  /** The plaintext, or undefined when no key of the ring opens it for this associated data. */
  open(box: Buffer, associatedData: string | Buffer): Buffer | undefined {
    const data = aad(associatedData);
    if (box.length >= SEAL_OVERHEAD) {
      const fingerprint = box.subarray(0, FINGERPRINT_BYTES);
      for (const sub of this.subKeys) {
        if (!sub.fingerprint.equals(fingerprint)) continue;
        const plain = openWith(sub.key, box.subarray(FINGERPRINT_BYTES), data);
        if (plain) return plain;
      }
    }
    for (const sub of this.subKeys) {
      const legacy = unseal(sub.key, box, data.toString("utf8"));
      if (legacy) return legacy;
    }
    return undefined;
  }

  /** The id of the master key that sealed `box` (by fingerprint), or undefined. */
  sealedBy(box: Buffer): string | undefined {
    const fingerprint = box.subarray(0, FINGERPRINT_BYTES);
    return this.subKeys.find((s) => s.fingerprint.equals(fingerprint))?.id;
  }

  /** True when the newest key sealed `box`: what `make reseal` leaves alone. */
  isCurrent(box: Buffer): boolean {
    return box.length >= SEAL_OVERHEAD && box.subarray(0, FINGERPRINT_BYTES).equals(this.subKeys[0]!.fingerprint);
  }

  toString(): string {
    return `Sealer(${this.purpose})`;
  }
}

function aad(data: string | Buffer): Buffer {
  return typeof data === "string" ? Buffer.from(data, "utf8") : data;
}

function openWith(key: Buffer, rest: Buffer, data: Buffer): Buffer | undefined {
  if (rest.length < IV_BYTES + TAG_BYTES) return undefined;
  const decipher = createDecipheriv("aes-256-gcm", key, rest.subarray(0, IV_BYTES));
  decipher.setAAD(data);
  decipher.setAuthTag(rest.subarray(rest.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(rest.subarray(IV_BYTES, rest.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

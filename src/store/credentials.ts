import type { Sealer } from "../crypto/sealer.js";

/**
 * Sealing for credential material kept in Redis (docs/security.md "What a dump holds"): SRP salts
 * and verifiers, and whatever else lets someone test a password or a code offline. AES-256-GCM under
 * the master key ring (crypto/sealer.ts) with the pool, the owner (internal username), the record
 * version it was sealed at and the kind of material as associated data, so a sealed value copied to
 * another user, another pool, another version or another slot does not open.
 *
 * Use one `kind` per kind of material ("srp" is the user's own salt and verifier; add e.g.
 * "srp:alias:email" for a per-identifier verifier). `make reseal` re-seals what the store registers.
 */
export class CredentialSealer {
  constructor(private readonly sealer: Sealer) {}

  seal(scope: CredentialScope, plaintext: Buffer): Buffer {
    return this.sealer.seal(plaintext, associatedData(scope));
  }

  /** The plaintext, or undefined when the value was sealed for another scope or by no key of the ring. */
  open(scope: CredentialScope, box: Buffer): Buffer | undefined {
    return this.sealer.open(box, associatedData(scope));
  }

  /** True when the newest master key sealed it. */
  isCurrent(box: Buffer): boolean {
    return this.sealer.isCurrent(box);
  }
}

export interface CredentialScope {
  readonly kind: string;
  readonly poolId: string;
  /** The internal username of the user the material belongs to. */
  readonly owner: string;
  /** The owning record's version when sealed. */
  readonly version: number;
}

function associatedData(scope: CredentialScope): Buffer {
  const parts = ["identity.v1 credential", scope.kind, scope.poolId, scope.owner, String(scope.version)].map((p) => Buffer.from(p, "utf8"));
  return Buffer.concat(parts.flatMap((p) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(p.length);
    return [length, p];
  }));
}

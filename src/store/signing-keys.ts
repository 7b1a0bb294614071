import type { SigningKeyMaterial } from "../crypto/signing-keys.js";
import type { Sealer } from "../crypto/sealer.js";
import { keys } from "./keys.js";
import { runScript, type RedisClient } from "./redis.js";

/**
 * A pool's signing keys (README "Signing keys"): the current one signs; previous ones still verify
 * (and the JWKS still publishes them) until `retireAt`, when the last token they signed has expired.
 */
export interface SigningKeySet {
  readonly current: SigningKeyMaterial & { readonly createdAt: number };
  readonly previous: readonly (SigningKeyMaterial & { readonly retireAt: number })[];
}

/**
 * The key set of each pool, sealed under the master key ring as one value, so every replica signs
 * with the same key and sees a rotation at once. A set stored before rotation existed (one key
 * material) reads as a set without previous keys.
 */
export class SigningKeyStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly sealer: Sealer,
  ) {}

  async get(poolId: string): Promise<SigningKeySet | undefined> {
    const box = await this.redis.getBuffer(keys.signingKey(poolId));
    return box === null ? undefined : this.open(poolId, box);
  }

  /** Stores the set unless another replica was first; returns the set that won. */
  async putIfAbsent(poolId: string, set: SigningKeySet): Promise<SigningKeySet> {
    const created = await this.redis.set(keys.signingKey(poolId), this.seal(poolId, set), "NX");
    if (created !== null) return set;
    const winner = await this.get(poolId);
    if (!winner) throw new Error(`signing key of pool ${poolId} vanished`);
    return winner;
  }

  /**
   * Replaces the set `change` derives from the stored one, by compare-and-set (two replicas rotating
   * at once: one wins, the other's change is applied to the winner's set or dropped). Undefined when
   * the pool has no key yet.
   */
  async update(poolId: string, change: (set: SigningKeySet) => SigningKeySet | undefined): Promise<SigningKeySet | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const box = await this.redis.getBuffer(keys.signingKey(poolId));
      if (box === null) return undefined;
      const current = this.open(poolId, box);
      const next = change(current);
      if (!next) return current;
      if ((await runScript(this.redis, "swapSealed", [keys.signingKey(poolId)], ["", box, this.seal(poolId, next)])) === 1) return next;
    }
    throw new Error(`the signing keys of pool ${poolId} kept changing`);
  }

  private seal(poolId: string, set: SigningKeySet): Buffer {
    return this.sealer.seal(Buffer.from(JSON.stringify(set), "utf8"), `signing-key:${poolId}`);
  }

  private open(poolId: string, box: Buffer): SigningKeySet {
    const plain = this.sealer.open(box, `signing-key:${poolId}`);
    if (!plain) throw new Error(`the signing key of pool ${poolId} cannot be opened: wrong master key ring?`);
    const stored = JSON.parse(plain.toString("utf8")) as SigningKeySet | SigningKeyMaterial;
    return "current" in stored ? stored : { current: { ...stored, createdAt: 0 }, previous: [] };
  }
}

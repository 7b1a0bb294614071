import type { SigningKeyMaterial } from "../crypto/signing-keys.js";
import type { Sealer } from "../crypto/sealer.js";
import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";

/** A pool's signing key, sealed with the master key so every replica signs with the same key. */
export class SigningKeyStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly sealer: Sealer,
  ) {}

  async get(poolId: string): Promise<SigningKeyMaterial | undefined> {
    const box = await this.redis.getBuffer(keys.signingKey(poolId));
    if (box === null) return undefined;
    const plain = this.sealer.open(box, `signing-key:${poolId}`);
    if (!plain) throw new Error(`the signing key of pool ${poolId} cannot be opened: wrong master key?`);
    return JSON.parse(plain.toString("utf8")) as SigningKeyMaterial;
  }

  /** Stores the key unless another replica was first; returns the key that won. */
  async putIfAbsent(poolId: string, material: SigningKeyMaterial): Promise<SigningKeyMaterial> {
    const box = this.sealer.seal(Buffer.from(JSON.stringify(material), "utf8"), `signing-key:${poolId}`);
    const created = await this.redis.set(keys.signingKey(poolId), box, "NX");
    if (created !== null) return material;
    const winner = await this.get(poolId);
    if (!winner) throw new Error(`signing key of pool ${poolId} vanished`);
    return winner;
  }
}

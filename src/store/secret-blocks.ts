import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";

/**
 * SECRET_BLOCKs already answered (docs/cognito.md §4.4): each block proves a password once. The claim
 * is one SET NX PX, atomic across every replica; the key outlives the block's own expiry, after
 * which the block is refused anyway.
 */
export class UsedSecretBlockStore {
  constructor(private readonly redis: RedisClient) {}

  /** True the first time a block digest is claimed, false on every replay. */
  async claim(poolId: string, digest: string, ttlMs: number): Promise<boolean> {
    const reply = await this.redis.set(keys.usedSecretBlock(poolId, digest), "1", "PX", Math.max(1, Math.ceil(ttlMs)), "NX");
    return reply === "OK";
  }
}

import { Cluster } from "ioredis";
import { filterEntry, keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import type { PoolRecord } from "./records.js";

export class PoolStore {
  constructor(
    private readonly redis: RedisClient,
    /**
     * The client without the calling RPC's deadline (store/deadline-bound.ts): a pool's deletion, once
     * begun, runs to its end even when the caller stops waiting, rather than leave keys no pool owns.
     */
    private readonly unbound: RedisClient = redis,
  ) {}

  async get(poolId: string): Promise<PoolRecord | undefined> {
    const json = await this.redis.get(keys.pool(poolId));
    return json === null ? undefined : (JSON.parse(json) as PoolRecord);
  }

  /** False when a pool with this id exists already. */
  async create(pool: PoolRecord): Promise<boolean> {
    const created = await this.redis.set(keys.pool(pool.id), JSON.stringify(pool), "NX");
    if (created === null) return false;
    // The id of a pool still being deleted stays taken until its last key is gone (delete() marks it
    // before removing the record, and this checks after writing it: one of the two sees the other).
    if (await this.redis.sismember(keys.deletingPools(), pool.id)) {
      await this.redis.unlink(keys.pool(pool.id));
      return false;
    }
    // A new pool's filter index holds every user from the first (docs/storage.md "The filter index").
    await this.redis.zadd(keys.filterIndex(pool.id), 0, filterEntry.complete);
    await this.redis.zadd(keys.poolIndex(), 0, pool.id);
    return true;
  }

  /** How many pools exist. */
  async count(): Promise<number> {
    return this.redis.zcard(keys.poolIndex());
  }

  async put(pool: PoolRecord): Promise<void> {
    await this.redis.set(keys.pool(pool.id), JSON.stringify(pool), "XX");
  }

  async page(after: string | undefined, count: number): Promise<PoolRecord[]> {
    const ids = await this.redis.zrangebylex(keys.poolIndex(), after === undefined ? "-" : `(${after}`, "+", "LIMIT", 0, count);
    if (ids.length === 0) return [];
    const pools = await Promise.all(ids.map((id) => this.get(id)));
    return pools.filter((p): p is PoolRecord => p !== undefined);
  }

  /**
   * Deletes every key of the pool (users, indexes, codes, tokens, keys) and its clients' lookup
   * records, in bounded steps so other pools keep being served (docs/storage.md "Deleting a pool"):
   * the pool is marked as being deleted, its record goes (from then on no call loads the pool), then
   * SCAN batches of DELETE_BATCH keys, each one UNLINK. UNLINK frees a large value (the pool's user
   * list and indexes: a million members at 1M users) off the main thread, so no command is long.
   * Calls that loaded the pool before may still write for `settleMs` (a replica's cached copy): a
   * second pass, once that time has passed, removes what they wrote. A deletion cut short (a
   * restart) is finished by finishDeletions.
   */
  async delete(poolId: string, clientIds: readonly string[], settleMs = 0): Promise<void> {
    const redis = this.unbound;
    await redis.sadd(keys.deletingPools(), poolId);
    await redis.unlink(keys.pool(poolId));
    const settled = Date.now() + settleMs;
    await redis.zrem(keys.poolIndex(), poolId);
    if (clientIds.length > 0) await Promise.all(clientIds.map((id) => redis.unlink(keys.client(id))));
    await this.removeKeys(poolId);
    if (settleMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, settled - Date.now())));
      await this.removeKeys(poolId);
    }
    await redis.srem(keys.deletingPools(), poolId);
  }

  /** Finishes the deletions a stopped process left under way; at start, before any pool is created. Returns how many. */
  async finishDeletions(): Promise<number> {
    const pending = await this.unbound.smembers(keys.deletingPools());
    for (const poolId of pending) {
      await this.removeKeys(poolId);
      await this.unbound.srem(keys.deletingPools(), poolId);
    }
    return pending.length;
  }

  private async removeKeys(poolId: string): Promise<void> {
    const nodes = this.unbound instanceof Cluster ? this.unbound.nodes("master") : [this.unbound];
    for (const node of nodes) {
      let cursor = "0";
      do {
        const [next, found] = await node.scan(cursor, "MATCH", `${escapeGlob(keys.poolPrefix(poolId))}*`, "COUNT", DELETE_BATCH);
        cursor = next;
        // Keys of one pool share a hash tag, so one UNLINK of a batch stays in one slot.
        if (found.length > 0) await node.unlink(...found);
      } while (cursor !== "0");
    }
  }
}

/** Keys a SCAN step looks at (and at most unlinks) while deleting a pool: about half a millisecond of Redis each. */
const DELETE_BATCH = 250;

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

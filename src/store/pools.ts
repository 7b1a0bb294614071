import { Cluster } from "ioredis";
import { filterEntry, keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import type { PoolRecord } from "./records.js";

export class PoolStore {
  constructor(private readonly redis: RedisClient) {}

  async get(poolId: string): Promise<PoolRecord | undefined> {
    const json = await this.redis.get(keys.pool(poolId));
    return json === null ? undefined : (JSON.parse(json) as PoolRecord);
  }

  /** False when a pool with this id exists already. */
  async create(pool: PoolRecord): Promise<boolean> {
    const created = await this.redis.set(keys.pool(pool.id), JSON.stringify(pool), "NX");
    if (created === null) return false;
    // A new pool's filter index holds every user from the first (README "Redis": filter index).
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
   * the pool record first (from then on no call loads the pool, so none writes to it), then SCAN
   * batches of DELETE_BATCH keys, each one UNLINK. UNLINK frees a large value (the pool's user list
   * and indexes, a million members at 1M users) off the main thread, so no command is long.
   */
  async delete(poolId: string, clientIds: readonly string[]): Promise<void> {
    await this.redis.unlink(keys.pool(poolId));
    await this.redis.zrem(keys.poolIndex(), poolId);
    if (clientIds.length > 0) await Promise.all(clientIds.map((id) => this.redis.unlink(keys.client(id))));
    const nodes = this.redis instanceof Cluster ? this.redis.nodes("master") : [this.redis];
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

/** Keys a SCAN step looks at (and at most unlinks) while deleting a pool: well under a millisecond each. */
const DELETE_BATCH = 1000;

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

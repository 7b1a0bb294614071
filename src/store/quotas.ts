import { keys } from "./keys.js";
import { runScript, type RedisClient } from "./redis.js";

/** Request-rate quotas shared by every process: one script call per admitted request. */
export class QuotaStore {
  constructor(private readonly redis: RedisClient) {}

  /** Takes one request from (pool, category) at `ratePerSecond`; false when the quota is used up. */
  async take(poolId: string | undefined, category: string, ratePerSecond: number, now: number): Promise<boolean> {
    const taken = await runScript(this.redis, "takeQuota", [keys.quota(poolId, category)], [now, ratePerSecond]);
    return taken === 1;
  }
}

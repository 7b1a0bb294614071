import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript } from "./redis.js";

/**
 * Per-subject call counters over a fixed window (docs/cognito.md §6.2), one atomic script per call. Subjects
 * are `u:<username>` for users and `n:<normalised name>` for names no user holds, so unknown names
 * are counted exactly as real users are.
 */
export class RateLimitStore {
  constructor(private readonly redis: RedisClient) {}

  /** True when this call is within `limit` calls per `windowMs`; refused calls are not counted. */
  async take(poolId: string, operation: string, subject: string, limit: number, windowMs: number, now: number): Promise<boolean> {
    const allowed = await runScript(this.redis, "takeWindowSlot", [keys.rateLimit(poolId, operation, subject)], [now, windowMs, limit]);
    return Number(allowed) === 1;
  }
}

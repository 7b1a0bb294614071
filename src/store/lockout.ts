import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript } from "./redis.js";

export type AttemptDecision = "ok" | "failed" | "locked";

/** Failed sign-in counters (docs/cognito.md §6.4), kept for unknown usernames exactly as for real ones. */
export class LockoutStore {
  constructor(private readonly redis: RedisClient) {}

  async record(poolId: string, subject: string, passwordOk: boolean, now: number): Promise<AttemptDecision> {
    const result = await runScript(this.redis, "recordAttempt", [keys.lockout(poolId, subject)], [now, passwordOk ? "1" : "0"]);
    return result === "OK" ? "ok" : result === "LOCKED" ? "locked" : "failed";
  }

  /**
   * Whether the subject is locked out now, without recording an attempt: a read for callers that
   * must not start work a locked-out attempt may not do (record-attempt.lua keeps `until`).
   */
  async isLocked(poolId: string, subject: string, now: number): Promise<boolean> {
    const until = await this.redis.hget(keys.lockout(poolId, subject), "until");
    return until !== null && now < Number(until);
  }
}

import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript } from "./redis.js";

export type ConsumedSession = { readonly ok: true; readonly state: string } | { readonly ok: false; readonly reason: "missing" | "used" | "expired" };

/** Challenge sessions: stored by digest, single use, with an expiry checked against the injected clock. */
export class SessionStore {
  constructor(private readonly redis: RedisClient) {}

  async put(poolId: string, digest: string, state: string, expiresAt: number, now: number): Promise<void> {
    const key = keys.session(poolId, digest);
    // Kept an hour past expiry so a late answer gets "expired" or "used", not "invalid".
    await this.redis.multi().hset(key, "state", state, "expiresAt", expiresAt, "used", "0").pexpire(key, expiresAt - now + 3_600_000).exec();
  }

  async consume(poolId: string, digest: string, now: number): Promise<ConsumedSession> {
    const result = (await runScript(this.redis, "consumeSession", [keys.session(poolId, digest)], [now])) as string[];
    if (result[0] === "OK" && result[1] !== undefined) return { ok: true, state: result[1] };
    return { ok: false, reason: result[0] === "USED" ? "used" : result[0] === "EXPIRED" ? "expired" : "missing" };
  }
}

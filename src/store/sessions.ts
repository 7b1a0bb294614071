import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript } from "./redis.js";
import type { Sealer } from "../crypto/sealer.js";

export type ConsumedSession = { readonly ok: true; readonly state: string } | { readonly ok: false; readonly reason: "missing" | "used" | "expired" };

/**
 * Challenge sessions: stored by digest, single use, with an expiry checked against the injected clock.
 * The state is sealed at rest (it may hold a custom challenge's private answer), bound to the pool
 * and the session's digest.
 */
export class SessionStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly sealer: Sealer,
  ) {}

  async put(poolId: string, digest: string, state: string, expiresAt: number, now: number): Promise<void> {
    const key = keys.session(poolId, digest);
    // Kept an hour past expiry so a late answer gets "expired" or "used", not "invalid".
    const sealed = this.sealer.seal(Buffer.from(state, "utf8"), sessionContext(poolId, digest)).toString("base64");
    await this.redis.multi().hset(key, "state", sealed, "expiresAt", expiresAt, "used", "0").pexpire(key, expiresAt - now + 3_600_000).exec();
  }

  async consume(poolId: string, digest: string, now: number): Promise<ConsumedSession> {
    const result = (await runScript(this.redis, "consumeSession", [keys.session(poolId, digest)], [now])) as string[];
    if (result[0] === "OK" && result[1] !== undefined) {
      const state = this.sealer.open(Buffer.from(result[1], "base64"), sessionContext(poolId, digest));
      return state ? { ok: true, state: state.toString("utf8") } : { ok: false, reason: "missing" };
    }
    return { ok: false, reason: result[0] === "USED" ? "used" : result[0] === "EXPIRED" ? "expired" : "missing" };
  }
}

export function sessionContext(poolId: string, digest: string): string {
  return `session\0${poolId}\0${digest}`;
}

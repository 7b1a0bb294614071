import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript, runScriptBuffer } from "./redis.js";

/** One sign-in (origin_jti): the tokens issued from it live while it does. */
export interface AuthEvent {
  readonly originJti: string;
  readonly username: string;
  readonly clientId: string;
  readonly authTime: number;
  readonly expiresAt: number;
}

export class AuthEventStore {
  constructor(private readonly redis: RedisClient) {}

  async put(poolId: string, event: AuthEvent, refreshDigest: string, now: number): Promise<void> {
    await runScript(
      this.redis,
      "storeAuthEvent",
      [keys.authEvent(poolId, event.originJti), keys.refreshToken(poolId, refreshDigest), keys.userAuthEvents(poolId, event.username)],
      [event.originJti, JSON.stringify(event), event.expiresAt - now, event.expiresAt, now],
    );
  }

  async get(poolId: string, originJti: string): Promise<AuthEvent | undefined> {
    const json = await this.redis.get(keys.authEvent(poolId, originJti));
    return json === null ? undefined : (JSON.parse(json) as AuthEvent);
  }

  /** The refresh token's record stays (until its own expiry) so a later use reads "revoked". */
  async revoke(poolId: string, event: AuthEvent): Promise<void> {
    await this.redis.del(keys.authEvent(poolId, event.originJti));
    await this.redis.zrem(keys.userAuthEvents(poolId, event.username), event.originJti);
  }

  /**
   * A refresh token's sign-in and the stored record of its user, in one round trip
   * (resolve-refresh-token.lua); the record is undefined when the user is gone. undefined: no such
   * token; "revoked": the token existed but its sign-in was revoked.
   */
  async grantOf(poolId: string, refreshDigest: string): Promise<{ readonly event: AuthEvent; readonly userRecord: Buffer | undefined } | "revoked" | undefined> {
    const found = await runScriptBuffer(this.redis, "resolveRefreshToken", [keys.refreshToken(poolId, refreshDigest)], [keys.authEvent(poolId, ""), keys.userPrefix(poolId)]);
    if (!Array.isArray(found)) return undefined;
    if (found.length === 1) return "revoked";
    const [event, record] = found as [Buffer, Buffer | null];
    return { event: JSON.parse(event.toString("utf8")) as AuthEvent, userRecord: record ?? undefined };
  }

  async revokeAllOf(poolId: string, username: string): Promise<number> {
    return Number(await runScript(this.redis, "revokeAuthEvents", [keys.userAuthEvents(poolId, username)], [keys.authEvent(poolId, "")]));
  }
}

import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript } from "./redis.js";

export type CodePurpose = "sign-up" | "forgot-password";
export type CodeCheck = "ok" | "mismatch" | "expired" | "missing";

/**
 * One-time codes, stored as digests (never in clear), one per purpose and subject: a new code
 * replaces the old one. Kept an hour past expiry so a late answer is told "expired", not "missing".
 */
export class CodeStore {
  constructor(private readonly redis: RedisClient) {}

  async put(poolId: string, purpose: CodePurpose, subject: string, digest: string, expiresAt: number, now: number): Promise<void> {
    const key = keys.code(poolId, purpose, subject);
    await this.redis.multi().del(key).hset(key, "digest", digest, "expiresAt", expiresAt).pexpire(key, expiresAt - now + 3_600_000).exec();
  }

  async consume(poolId: string, purpose: CodePurpose, subject: string, digest: string, now: number): Promise<CodeCheck> {
    const result = await runScript(this.redis, "consumeCode", [keys.code(poolId, purpose, subject)], [digest, now]);
    return result === "OK" ? "ok" : result === "MISMATCH" ? "mismatch" : result === "EXPIRED" ? "expired" : "missing";
  }

  async discard(poolId: string, purpose: CodePurpose, subject: string): Promise<void> {
    await this.redis.del(keys.code(poolId, purpose, subject));
  }
}

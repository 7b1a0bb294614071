import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";
import { runScript } from "./redis.js";

export type CodePurpose = "sign-up" | "forgot-password";

/**
 * Whose code slot: a user's (by internal username), or the phantom slot of a name no user can be
 * sent a code under (docs/cognito.md §6.3). The two never share a key, whatever the username looks like.
 */
export type CodeSubject = { readonly username: string } | { readonly phantom: string };

/**
 * "ok" carries the attribute the code was sent to ("" for a phantom code); "missing": none was
 * requested; "exhausted": the slot took its WRONG_ANSWERS_PER_CODE and is closed until a new code.
 */
export type CodeCheck = { readonly result: "ok"; readonly attribute: string } | { readonly result: "mismatch" | "expired" | "missing" | "exhausted" };

/**
 * Wrong answers one code slot takes (docs/quotas.md): beyond the per-user hourly limits, this bounds
 * the guesses at one code over its whole life (a sign-up code lives 24 hours) to 20 in a million.
 */
export const WRONG_ANSWERS_PER_CODE = 20;
/** How long an empty slot remembers its wrong answers: the longest a code lives, plus the hour after. */
const EMPTY_SLOT_MEMORY_MS = 25 * 3_600_000;

/** The slot name of a subject: `u:<username>` or `n:<normalised name>`. */
export function codeSlot(subject: CodeSubject): string {
  return "username" in subject ? `u:${subject.username}` : `n:${subject.phantom}`;
}

const REPLIES: Record<string, "mismatch" | "expired" | "missing" | "exhausted"> = { MISMATCH: "mismatch", EXPIRED: "expired", MISSING: "missing", EXHAUSTED: "exhausted" };

/**
 * One-time codes, stored as digests (never in clear), one per purpose and subject: a new code
 * replaces the old one. Kept an hour past expiry so a late answer is told "expired", not "missing".
 */
export class CodeStore {
  constructor(private readonly redis: RedisClient) {}

  async put(poolId: string, purpose: CodePurpose, subject: CodeSubject, code: { digest: string; attribute: string; expiresAt: number }, now: number): Promise<void> {
    const key = keys.code(poolId, purpose, codeSlot(subject));
    await this.redis.multi().del(key).hset(key, "digest", code.digest, "expiresAt", code.expiresAt, "attribute", code.attribute).pexpire(key, code.expiresAt - now + 3_600_000).exec();
  }

  /** Compares the digest; on a match the code is used up unless `consume` is false. */
  async check(poolId: string, purpose: CodePurpose, subject: CodeSubject, digest: string, now: number, consume = true): Promise<CodeCheck> {
    const reply = (await runScript(this.redis, "consumeCode", [keys.code(poolId, purpose, codeSlot(subject))], [digest, now, consume ? "1" : "0", WRONG_ANSWERS_PER_CODE, EMPTY_SLOT_MEMORY_MS])) as string[];
    if (reply[0] === "OK") return { result: "ok", attribute: reply[1] ?? "" };
    return { result: REPLIES[reply[0] ?? ""] ?? "missing" };
  }

  /** Drops a user's code (a deleted user's name may be taken again). */
  async discard(poolId: string, purpose: CodePurpose, username: string): Promise<void> {
    await this.redis.del(keys.code(poolId, purpose, codeSlot({ username })));
  }
}

import { Redis } from "ioredis";
import { openOutboxSecret } from "../../src/delivery/outbox-seal.js";
import { keys } from "../../src/store/keys.js";
import type { BenchStack } from "./stack.js";

/** How long the codes of a batch of sign-ups may take to reach the outbox (they leave after the answers). */
const CODES_WITHIN_MS = 30_000;

/**
 * Signs up and confirms `count` users (`<prefix>0` …) through the public API, `concurrency` calls at
 * a time, reading each confirmation code from the pool's outbox stream as a real notification
 * consumer would.
 */
export async function createConfirmedUsers(stack: BenchStack, poolId: string, clientId: string, prefix: string, count: number, password: string, concurrency = 8): Promise<string[]> {
  const redis = new Redis(stack.redisUrl);
  try {
    const names = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    const stream = keys.outbox(poolId);
    const after = (await redis.xrevrange(stream, "+", "-", "COUNT", 1))[0]?.[0] ?? "0-0";
    await forEach(names, concurrency, async (username) => {
      const up = await stack.auth.signUp({ clientId, secretHash: "", username, password, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });
      if (up.result?.$case !== "success") throw new Error(`sign-up of ${username} failed: ${up.result?.$case}`);
    });
    const codes = await signUpCodes(redis, stream, after, new Set(names), stack.outboxKey);
    await forEach(names, concurrency, async (username) => {
      const confirmed = await stack.auth.confirmSignUp({ clientId, secretHash: "", username, confirmationCode: codes.get(username)!, forceAliasCreation: false, clientMetadata: {} });
      if (confirmed.result?.$case !== "success") throw new Error(`confirmation of ${username} failed: ${confirmed.result?.$case}`);
    });
    return names;
  } finally {
    redis.disconnect();
  }
}

/** Runs `work` on every item, at most `concurrency` at once. */
export async function forEach<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** The SignUp codes for `names` in the stream after entry `after`, opened with the outbox key (README "Outbox"). */
async function signUpCodes(redis: Redis, stream: string, after: string, names: ReadonlySet<string>, outboxKey: Buffer): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const deadline = Date.now() + CODES_WITHIN_MS;
  let last = after;
  while (codes.size < names.size) {
    if (Date.now() > deadline) throw new Error(`${names.size - codes.size} sign-up codes were not delivered within ${CODES_WITHIN_MS / 1000} s`);
    const reply = (await redis.xread("COUNT", 1000, "BLOCK", 1000, "STREAMS", stream, last)) as [string, [string, string[]][]][] | null;
    for (const [id, list] of reply?.[0]?.[1] ?? []) {
      last = id;
      const fields = Object.fromEntries(Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i]!, list[2 * i + 1]!]));
      if (fields.event !== "SignUp" || !names.has(fields.username ?? "") || fields.sealed === undefined) continue;
      const secret = openOutboxSecret(outboxKey, { pool: fields.pool ?? "", event: fields.event, username: fields.username ?? "", destination: fields.destination ?? "" }, fields.sealed);
      if (secret?.code) codes.set(fields.username!, secret.code);
    }
  }
  return codes;
}

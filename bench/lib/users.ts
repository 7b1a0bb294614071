import { Redis } from "ioredis";
import { openOutboxSecret } from "../../src/delivery/outbox-seal.js";
import { keys } from "../../src/store/keys.js";
import type { BenchStack } from "./stack.js";

/**
 * Signs up and confirms `count` users through the public API, reading each confirmation code from
 * the pool's outbox stream, as a real notification consumer would.
 */
export async function createConfirmedUsers(stack: BenchStack, poolId: string, clientId: string, prefix: string, count: number, password: string): Promise<string[]> {
  const redis = new Redis(stack.redisUrl);
  try {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const username = `${prefix}${i}`;
      const last = (await redis.xrevrange(keys.outbox(poolId), "+", "-", "COUNT", 1))[0]?.[0] ?? "0-0";
      const up = await stack.auth.signUp({ clientId, secretHash: "", username, password, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });
      if (up.result?.$case !== "success") throw new Error(`sign-up of ${username} failed: ${up.result?.$case}`);
      const code = await nextCode(redis, keys.outbox(poolId), last, stack.outboxKey);
      const confirmed = await stack.auth.confirmSignUp({ clientId, secretHash: "", username, confirmationCode: code, forceAliasCreation: false, clientMetadata: {} });
      if (confirmed.result?.$case !== "success") throw new Error(`confirmation of ${username} failed: ${confirmed.result?.$case}`);
      names.push(username);
    }
    return names;
  } finally {
    redis.disconnect();
  }
}

/** The next entry's code, opened with the outbox key (entries are sealed, README "Outbox"). */
async function nextCode(redis: Redis, stream: string, after: string, outboxKey: Buffer): Promise<string> {
  const reply = (await redis.xread("COUNT", 1, "BLOCK", 5000, "STREAMS", stream, after)) as [string, [string, string[]][]][] | null;
  const list = reply?.[0]?.[1]?.[0]?.[1] ?? [];
  const fields = Object.fromEntries(Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i]!, list[2 * i + 1]!]));
  const secret = fields.sealed === undefined ? undefined : openOutboxSecret(outboxKey, { pool: fields.pool ?? "", event: fields.event ?? "", username: fields.username ?? "", destination: fields.destination ?? "" }, fields.sealed);
  if (!secret?.code) throw new Error("no code was delivered within 5 s");
  return secret.code;
}

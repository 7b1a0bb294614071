import { Redis } from "ioredis";
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
      const code = await nextCode(redis, keys.outbox(poolId), last);
      const confirmed = await stack.auth.confirmSignUp({ clientId, secretHash: "", username, confirmationCode: code, forceAliasCreation: false, clientMetadata: {} });
      if (confirmed.result?.$case !== "success") throw new Error(`confirmation of ${username} failed: ${confirmed.result?.$case}`);
      names.push(username);
    }
    return names;
  } finally {
    redis.disconnect();
  }
}

async function nextCode(redis: Redis, stream: string, after: string): Promise<string> {
  const reply = (await redis.xread("COUNT", 1, "BLOCK", 5000, "STREAMS", stream, after)) as [string, [string, string[]][]][] | null;
  const fields = reply?.[0]?.[1]?.[0]?.[1] ?? [];
  const index = fields.indexOf("code");
  if (index < 0) throw new Error("no code was delivered within 5 s");
  return fields[index + 1]!;
}

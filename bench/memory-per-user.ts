import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { startApp } from "../src/app.js";
import type { ConfigFile } from "../src/config/config-file.js";
import { computeVerifier } from "../src/crypto/srp.js";
import type { Deps } from "../src/flows/deps.js";
import { keys } from "../src/store/keys.js";
import { decodeUser, encodeUser } from "../src/store/user-codec.js";
import type { PoolRecord, UserRecord } from "../src/store/records.js";
import { testConfig } from "../test/helpers/test-app.js";
import { startRedis } from "../test/helpers/redis-server.js";
import { usedMemory } from "./lib/redis-probe.js";
import { storeIdentityVerifiers, storeUsersWithPasswords } from "./lib/stored-users.js";

const USERS = 10_000;
const POOLS: NonNullable<ConfigFile["pools"]> = [
  { id: "us-east-1_BenchMem01", name: "usernames", settings: { autoVerifiedAttributes: ["email"] }, clients: [] },
  { id: "us-east-1_BenchMem02", name: "email alias", settings: { aliasAttributes: ["email"], autoVerifiedAttributes: ["email"] }, clients: [] },
  { id: "us-east-1_BenchMem03", name: "email as username", settings: { usernameAttributes: ["email"], autoVerifiedAttributes: ["email"] }, clients: [] },
];

/**
 * Redis memory per user (issue #13, target ≤ 1 KiB including every lookup key): 10,000 users with a
 * password stored through the service's own path (newUserRecord + storeNewUser: the record with its
 * verifier, its index keys, its filter index members, the pool's user list) in a pool of each
 * username design, measured as the growth of `used_memory`.
 * Verifiers are 384 random bytes, the size of a real one (computing 10,000 real ones measures
 * nothing more). Then the cost the sealing adds to a sign-in (one record decoded with its
 * credentials opened) and to a password change (one sealed), beside one 3072-bit exponentiation.
 */
export async function memoryPerUserBench(): Promise<string[]> {
  const redisServer = await startRedis();
  const app = await startApp(testConfig(redisServer.url, { http: undefined }), { configFile: { pools: POOLS }, log: { info() {}, warn() {}, error() {} } });
  const redis = new Redis(redisServer.url);
  const lines: string[] = [];
  try {
    for (const entry of POOLS) {
      const pool = (await app.deps.stores.pools.get(entry.id))!;
      await app.deps.stores.users.find(pool.id, [{ kind: "name", value: "warm-up" }]); // the pool's stand-in record
      const keysBefore = await redis.dbsize();
      const entriesBefore = await redis.hlen(keys.userIndex(pool.id));
      const listedBefore = await redis.zcard(keys.filterIndex(pool.id));
      const before = await usedMemory(redis);
      await storeUsersWithPasswords(app.deps, pool, USERS);
      const perUser = ((await usedMemory(redis)) - before) / USERS;
      const keyCount = ((await redis.dbsize()) - keysBefore) / USERS;
      const entries = ((await redis.hlen(keys.userIndex(pool.id))) - entriesBefore) / USERS;
      const listed = ((await redis.zcard(keys.filterIndex(pool.id))) - listedBefore) / USERS;
      lines.push(`memory per user, ${entry.name} (${USERS.toLocaleString("en")} users): ${perUser.toFixed(0)} bytes of used_memory (target ≤ 1024): ${keyCount.toFixed(0)} key (the record), ${entries.toFixed(0)} index entries, ${listed.toFixed(0)} filter index members, 1 member of the pool's user list`);
      lines.push(await identityVerifierCost(app.deps, pool, redis));
    }
    lines.push(sealingCost(app.deps.stores.users.credentials));
  } finally {
    redis.disconnect();
    await app.stop();
    await redisServer.stop();
  }
  return lines;
}

/**
 * What a user with a password adds beside its record in a pool with a STRICT client: the verifiers
 * of its other sign-in identifiers (docs/existence.md §4; the username's is the record's own, in the
 * figure above). Pools without a STRICT client keep none.
 */
async function identityVerifierCost(deps: Deps, pool: PoolRecord, redis: Redis): Promise<string> {
  const before = await usedMemory(redis);
  const identifiers = await storeIdentityVerifiers(deps, pool);
  const users = await redis.zcard(keys.users(pool.id));
  return `  + with a STRICT client, the SRP verifiers of the other sign-in identifiers (docs/existence.md §4; none otherwise): ${(((await usedMemory(redis)) - before) / users).toFixed(0)} bytes per user (${(identifiers / users).toFixed(1)} identifiers each)`;
}

function sealingCost(sealer: Parameters<typeof encodeUser>[0]): string {
  const user: UserRecord = {
    username: "user000001", sub: randomUUID(), status: "CONFIRMED", enabled: true, attributes: { email: "user000001@example.com", email_verified: "true" },
    salt: "c4a1b2d3e4f5061728394a5b6c7d8e9f", verifier: randomBytes(384).toString("hex").replace(/^0+/, ""), passwordSetAt: 1, createdAt: 1, updatedAt: 1, version: 3,
  };
  const bytes = encodeUser(sealer, "us-east-1_BenchMem01", user);
  const clear = Buffer.from(JSON.stringify(user));
  const time = (n: number, run: () => void) => {
    for (let i = 0; i < 500; i++) run();
    const start = performance.now();
    for (let i = 0; i < n; i++) run();
    return ((performance.now() - start) * 1000) / n;
  };
  const decode = time(20_000, () => decodeUser(sealer, "us-east-1_BenchMem01", "user000001", bytes));
  const decodeClear = time(20_000, () => JSON.parse(clear.toString("utf8")));
  const encode = time(20_000, () => encodeUser(sealer, "us-east-1_BenchMem01", user));
  const exponentiation = time(200, () => computeVerifier(BigInt(`0x${randomBytes(32).toString("hex")}`)));
  return `sealing per sign-in: ${decode.toFixed(1)} µs to decode a record and open its credentials (the JSON record of before: ${decodeClear.toFixed(1)} µs), `
    + `${encode.toFixed(1)} µs to seal one (password change); one 3072-bit exponentiation: ${exponentiation.toFixed(0)} µs → ${(((decode - decodeClear) / exponentiation) * 100).toFixed(2)} % added per sign-in; record ${bytes.length} bytes`;
}

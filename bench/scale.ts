import * as grpc from "@grpc/grpc-js";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import type { ConfigFile } from "../src/config/config-file.js";
import { AdminServiceClient, ListUsersRequest } from "../src/gen/identity/v1/admin_service.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { AuthFlow } from "../src/gen/identity/v1/common.js";
import { keys } from "../src/store/keys.js";
import { bearer, promiseClient } from "../test/helpers/clients.js";
import { startRedis } from "../test/helpers/redis-server.js";
import { sha256, testConfig } from "../test/helpers/test-app.js";
import { startApp } from "../src/app.js";
import { runLoad } from "./lib/load.js";
import { cpuSince, descendantCpuMs } from "./lib/process-cpu.js";
import { commandCalls, pingProbe, recordSlowCommands, slowestCommands, usedMemory } from "./lib/redis-probe.js";
import { percentile } from "./lib/stats.js";
import { startStack, type BenchStack } from "./lib/stack.js";
import { storeIdentityVerifiers, storeUsersWithPasswords } from "./lib/stored-users.js";
import { createConfirmedUsers } from "./lib/users.js";

/** Users imported into the big pool (BENCH_SCALE_USERS to try smaller runs). */
const USERS = Number(process.env.BENCH_SCALE_USERS ?? 1_000_000);
/** Users with passwords stored for the memory measurement (BENCH_SCALE_PASSWORD_USERS; 0 skips it). */
const PASSWORD_USERS = Number(process.env.BENCH_SCALE_PASSWORD_USERS ?? USERS);
/** Sign-ins per measured round (BENCH_SCALE_SIGN_INS). */
const SIGN_INS = Number(process.env.BENCH_SCALE_SIGN_INS ?? 2_000);
const SMALL_USERS = 1_000;
const SIGN_IN_USERS = 64;
const BIG = { pool: "us-east-1_BenchScaleBig", client: "benchscalebigclient0000000" };
const SMALL = { pool: "us-east-1_BenchScaleSmall", client: "benchscalesmallclient00000" };
const PASSWORD = "Bench-Password-1";
const ADMIN = "bench-scale-admin-token-0123456789";
const ROWS_PER_CALL = 500;
const IMPORTS_IN_FLIGHT = 4;

const pool = (p: { pool: string; client: string }, name: string) => ({
  id: p.pool, name, settings: { autoVerifiedAttributes: ["email" as const] },
  clients: [{ clientId: p.client, name, explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH" as const] }],
});
const CONFIG: ConfigFile = { adminCredentials: [{ tokenSha256: sha256(ADMIN), pools: "*" }], pools: [pool(BIG, "big"), pool(SMALL, "small")] };
const name = (prefix: string, i: number) => `${prefix}${String(i).padStart(7, "0")}`;
const progress = (text: string) => process.stderr.write(`  [scale] ${text}\n`);

/**
 * `make bench-scale` (issue #13, not part of make test): a pool of USERS users imported through
 * ImportUsers, then at that size: sign-in CPU against a 1,000-user pool, ListUsers latency with and
 * without a filter, Redis memory, and the pool's deletion while another pool is served, with the
 * longest Redis stall it caused; then the memory of 1M users with passwords (without, then with the
 * verifiers a STRICT client needs besides the record's). Every loop is bounded; Redis peaks at about
 * 2 GB (the password phase, with those verifiers).
 */
export async function scaleBench(workers: number): Promise<string[]> {
  const lines: string[] = [];
  const stack = await startStack(CONFIG, workers);
  const redis = new Redis(stack.redisUrl);
  const admin = bearer(ADMIN);
  try {
    const empty = await usedMemory(redis);
    lines.push(await importPhase(stack, admin));
    for (let from = 0; from < SMALL_USERS - SIGN_IN_USERS; from += ROWS_PER_CALL) await importRows(stack, admin, SMALL.pool, "s", Math.min(ROWS_PER_CALL, SMALL_USERS - SIGN_IN_USERS - from), from);
    const imported = await usedMemory(redis);
    lines.push(`Redis memory with ${USERS.toLocaleString("en")} + ${SMALL_USERS.toLocaleString("en")} imported users (no password yet): ${mib(imported)} used_memory, ${((imported - empty) / (USERS + SMALL_USERS)).toFixed(0)} bytes per user`);
    progress("signing up the users who sign in");
    const bigNames = await createConfirmedUsers(stack, BIG.pool, BIG.client, "signin-", SIGN_IN_USERS, PASSWORD);
    const smallNames = await createConfirmedUsers(stack, SMALL.pool, SMALL.client, "signin-", SIGN_IN_USERS, PASSWORD);
    lines.push(...(await signInPhase(stack, bigNames, smallNames)));
    lines.push(...(await listPhase(stack, admin)));
    lines.push(...(await deletionPhase(stack, admin, redis, smallNames)));
  } finally {
    redis.disconnect();
    await stack.stop();
  }
  if (PASSWORD_USERS > 0) lines.push(...(await passwordMemoryPhase(PASSWORD_USERS)));
  return lines;
}

async function importRows(stack: BenchStack, admin: grpc.Metadata, poolId: string, prefix: string, count: number, from = 0): Promise<void> {
  const users = Array.from({ length: count }, (_, i) => {
    const username = name(prefix, from + i);
    return { username, attributes: [{ name: "email", value: `${username}@example.com` }, { name: "email_verified", value: "true" }] };
  });
  const response = await stack.admin.importUsers({ userPoolId: poolId, users }, admin);
  if (response.result?.$case !== "success" || response.result.value.importedCount !== count) throw new Error(`import into ${poolId} failed: ${JSON.stringify(response.result).slice(0, 200)}`);
}

async function importPhase(stack: BenchStack, admin: grpc.Metadata): Promise<string> {
  const calls = Math.ceil(USERS / ROWS_PER_CALL);
  const cpu0 = descendantCpuMs();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let call = next++; call < calls; call = next++) {
      await importRows(stack, admin, BIG.pool, "u", Math.min(ROWS_PER_CALL, USERS - call * ROWS_PER_CALL), call * ROWS_PER_CALL);
      if ((call + 1) % 200 === 0) progress(`imported ${((call + 1) * ROWS_PER_CALL).toLocaleString("en")} users`);
    }
  };
  await Promise.all(Array.from({ length: IMPORTS_IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpu0, descendantCpuMs());
  const perThousand = (ms: number | undefined) => ((ms ?? NaN) / (USERS / 1000)).toFixed(0);
  return `ImportUsers: ${USERS.toLocaleString("en")} users in ${seconds.toFixed(1)} s → ${(USERS / seconds).toFixed(0)} users/s (${ROWS_PER_CALL} rows a call, ${IMPORTS_IN_FLIGHT} calls in flight); CPU per 1,000 users: server ${perThousand(cpu.get("node"))} ms, redis ${perThousand(cpu.get("redis-server"))} ms`;
}

/**
 * USER_PASSWORD_AUTH server CPU per sign-in against the small and the big pool: both warmed up, then
 * ROUNDS rounds each, alternating which goes first, so drift on a shared machine hits both alike.
 */
async function signInPhase(stack: BenchStack, bigNames: string[], smallNames: string[]): Promise<string[]> {
  progress("sign-ins");
  const ROUNDS = 4;
  const channels = Array.from({ length: 4 }, () => promiseClient(new AuthServiceClient(stack.address, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 })));
  const perSignIn: Record<"small" | "big", number[]> = { small: [], big: [] };
  const targets = { small: { ...SMALL, names: smallNames }, big: { ...BIG, names: bigNames } };
  const measure = async (kind: "small" | "big", total: number) => {
    const { client, names } = targets[kind];
    const call = (i: number) => channels[i % channels.length]!.initiateAuth({ clientId: client, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: names[i % names.length]!, PASSWORD }, clientMetadata: {} })
      .then((r) => { if (r.result?.$case !== "authenticationResult") throw new Error(r.result?.$case); });
    const cpu0 = descendantCpuMs();
    const run = await runLoad({ total, concurrency: 32, maxSeconds: 60, call });
    if (run.errors > 0) throw new Error(`${run.errors} sign-ins failed`);
    return (cpuSince(cpu0, descendantCpuMs()).get("node") ?? NaN) / run.latencies.length;
  };
  try {
    await measure("small", Math.min(500, SIGN_INS));
    await measure("big", Math.min(500, SIGN_INS));
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of round % 2 === 0 ? (["small", "big"] as const) : (["big", "small"] as const)) perSignIn[kind].push(await measure(kind, SIGN_INS));
    }
  } finally {
    for (const c of channels) (c as unknown as { close(): void }).close();
  }
  const median = (v: number[]) => { const sorted = [...v].sort((a, b) => a - b); return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2; };
  const [small, big] = [median(perSignIn.small), median(perSignIn.big)];
  return [
    `USER_PASSWORD_AUTH server CPU per sign-in (median of ${ROUNDS} rounds of ${SIGN_INS.toLocaleString("en")}, concurrency 32, after a warm-up of each): ${SMALL_USERS.toLocaleString("en")}-user pool ${small.toFixed(3)} ms, ${(USERS + SIGN_IN_USERS).toLocaleString("en")}-user pool ${big.toFixed(3)} ms → ${(((big - small) / small) * 100).toFixed(1)} % (target: within 10 %)`,
    `  rounds: small ${perSignIn.small.map((v) => v.toFixed(3)).join(", ")}; big ${perSignIn.big.map((v) => v.toFixed(3)).join(", ")}`,
  ];
}

/** ListUsers latency at full size, one call at a time: first page, indexed filters, and a filter that scans. */
async function listPhase(stack: BenchStack, admin: grpc.Metadata): Promise<string[]> {
  progress("ListUsers");
  const target = name("u", Math.floor(USERS / 2));
  const got = await stack.admin.adminGetUser({ userPoolId: BIG.pool, username: target }, admin);
  const sub = got.result?.$case === "success" ? got.result.value.attributes.find((a) => a.name === "sub")?.value : undefined;
  const cases: [string, string][] = [
    ["first page, no filter", ""],
    ["email =", `email = "${target}@example.com"`],
    ["email ^= (10 matches)", `email ^= "${target.slice(0, -1)}"`],
    ["username ^= (60 of 100)", `username ^= "${target.slice(0, -2)}"`],
    ["sub =", `sub = "${sub}"`],
    ["name = (no index: scans 1,000 users)", 'name = "nobody"'],
  ];
  const lines = [`ListUsers at ${USERS.toLocaleString("en")} users (limit 60, 50 sequential calls each):`];
  for (const [label, filter] of cases) {
    const latencies: number[] = [];
    let found = 0;
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      const response = await stack.admin.listUsers(ListUsersRequest.fromPartial({ userPoolId: BIG.pool, filter, limit: 60 }), admin);
      latencies.push(performance.now() - start);
      if (response.result?.$case !== "success") throw new Error(`ListUsers ${filter}: ${response.result?.$case}`);
      found = response.result.value.users.length;
    }
    lines.push(`  ${label}: p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, ${found} users on the page`);
  }
  return lines;
}

/**
 * DeleteUserPool of the big pool while another pool is signed into, a PING loop runs in a process of
 * its own and SLOWLOG records every command over 1 ms: the deletion's duration, the longest Redis
 * stall, and what the other pool's caller saw.
 */
async function deletionPhase(stack: BenchStack, admin: grpc.Metadata, redis: Redis, smallNames: string[]): Promise<string[]> {
  progress("deleting the big pool");
  const before = await usedMemory(redis);
  await recordSlowCommands(redis, 1_000);
  const calls = await deletionCalls(redis);
  const probe = await pingProbe(stack.redisUrl);
  let deleting = true;
  const auth = promiseClient(new AuthServiceClient(stack.address, grpc.credentials.createInsecure()));
  const signIns = { latencies: [] as number[], errors: 0 };
  // One caller of the other pool signing in, one call after another, until the deletion ends (at most a million).
  const others = (async () => {
    for (let i = 0; deleting && i < 1_000_000; i++) {
      const start = performance.now();
      const r = await auth.initiateAuth({ clientId: SMALL.client, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: smallNames[i % smallNames.length]!, PASSWORD }, clientMetadata: {} }).catch(() => undefined);
      if (r?.result?.$case === "authenticationResult") signIns.latencies.push(performance.now() - start);
      else signIns.errors++;
    }
  })();
  const client = new AdminServiceClient(stack.address, grpc.credentials.createInsecure());
  const started = performance.now();
  const result = await new Promise<string>((resolve, reject) => client.deleteUserPool({ userPoolId: BIG.pool }, admin, { deadline: Date.now() + 600_000 }, (error, response) => (error ? reject(error) : resolve(response.result?.$case ?? "none"))));
  const seconds = (performance.now() - started) / 1000;
  deleting = false;
  await others;
  (auth as unknown as { close(): void }).close();
  client.close();
  const stall = await probe.stop();
  const after = await deletionCalls(redis);
  const slow = await slowestCommands(redis, 3);
  let left = 0;
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", `${keys.poolPrefix(BIG.pool).replace(/[{}[\]*?\\]/g, "\\$&")}*`, "COUNT", 10_000);
    cursor = next;
    left += found.length;
  } while (cursor !== "0");
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // UNLINK frees large values in the background
  const ok = signIns.latencies;
  return [
    `DeleteUserPool at ${USERS.toLocaleString("en")} users, another pool signed into meanwhile: ${result} in ${seconds.toFixed(1)} s; keys of the pool left: ${left}; used_memory ${mib(before)} → ${mib(await usedMemory(redis))}`,
    stallLine(stall, calls, after, slow),
    `  the other pool meanwhile (one caller): ${ok.length} sign-ins, ${signIns.errors} errors, p50 ${percentile(ok, 50).toFixed(1)} ms, p99 ${percentile(ok, 99).toFixed(1)} ms, max ${Math.max(...ok).toFixed(1)} ms`,
  ];
}

/** SCAN and UNLINK calls so far, and their time in Redis (µs): the steps of a pool deletion. */
async function deletionCalls(redis: Redis): Promise<{ calls: number; micros: number }> {
  const [scan, unlink] = [await commandCalls(redis, "scan"), await commandCalls(redis, "unlink")];
  return { calls: scan.calls + unlink.calls, micros: scan.micros + unlink.micros };
}

function stallLine(stall: { pings: number; maxMs: number; p99Ms: number }, before: { calls: number; micros: number }, after: { calls: number; micros: number }, slow: Awaited<ReturnType<typeof slowestCommands>>): string {
  const calls = after.calls - before.calls;
  const slowest = slow.slowest.map((c) => `${(c.micros / 1000).toFixed(2)} ms ${c.command}`).join("; ");
  return `  ${calls.toLocaleString("en")} SCAN/UNLINK steps, ${((after.micros - before.micros) / calls / 1000).toFixed(2)} ms each on average, ${slow.recorded} over 1 ms (SLOWLOG${slowest ? `; slowest: ${slowest}` : ""}); a PING every millisecond from a process of its own waited at most ${stall.maxMs.toFixed(2)} ms (p99 ${stall.p99Ms.toFixed(2)} ms, ${stall.pings.toLocaleString("en")} PINGs)`;
}

/**
 * Redis memory at `count` users as signed-up users are stored (a sealed salt and verifier each, a
 * verified email in the filter index: the pool shape of make bench's 1,012 bytes), written through
 * the store path on a fresh Redis: imported users have no password yet, so they are smaller. Then
 * that pool is deleted with nothing else running: what each deletion step costs Redis itself.
 */
async function passwordMemoryPhase(count: number): Promise<string[]> {
  progress(`storing ${count.toLocaleString("en")} users with passwords`);
  const redisServer = await startRedis();
  const poolEntry = { id: "us-east-1_BenchScaleMem", name: "memory", settings: { autoVerifiedAttributes: ["email" as const] }, clients: [] };
  const app = await startApp(testConfig(redisServer.url, { http: undefined }), { configFile: { pools: [poolEntry] }, log: { info() {}, warn() {}, error() {} } });
  const redis = new Redis(redisServer.url);
  try {
    const memoryPool = (await app.deps.stores.pools.get(poolEntry.id))!;
    const before = await usedMemory(redis);
    const started = performance.now();
    await storeUsersWithPasswords(app.deps, memoryPool, count, { concurrency: 1_000, digits: 7, onProgress: (stored) => { if (stored % 100_000 === 0) progress(`stored ${stored.toLocaleString("en")}`); } });
    const seconds = (performance.now() - started) / 1000;
    const after = await usedMemory(redis);
    const lines = [`Redis memory at ${count.toLocaleString("en")} users with passwords and a verified email (chosen usernames): ${mib(after)} used_memory (${(after / 1024 ** 3).toFixed(3)} GiB; target ≤ 1 GiB), ${((after - before) / count).toFixed(0)} bytes per user (records, lookup and filter indexes, user list); stored in ${seconds.toFixed(0)} s through the store path`];
    progress("adding the SRP verifiers a STRICT client needs");
    const identifiers = await storeIdentityVerifiers(app.deps, memoryPool, (users) => { if (users % 100_000 === 0) progress(`verifiers of ${users.toLocaleString("en")} users`); });
    const withVerifiers = await usedMemory(redis);
    lines.push(`  with a STRICT client, plus the SRP verifiers of the other sign-in identifiers (docs/existence.md §4; ${(identifiers / count).toFixed(1)} each): ${mib(withVerifiers)} (${(withVerifiers / 1024 ** 3).toFixed(3)} GiB), ${((withVerifiers - before) / count).toFixed(0)} bytes per user`);
    progress("deleting it, nothing else running");
    await recordSlowCommands(redis, 1_000);
    const calls = await deletionCalls(redis);
    const probe = await pingProbe(redisServer.url);
    const deleting = performance.now();
    await app.deps.stores.pools.delete(memoryPool.id, []);
    const deleted = (performance.now() - deleting) / 1000;
    const stall = await probe.stop();
    lines.push(`  deleted with nothing else running in ${deleted.toFixed(1)} s`, stallLine(stall, calls, await deletionCalls(redis), await slowestCommands(redis, 3)));
    return lines;
  } finally {
    redis.disconnect();
    await app.stop();
    await redisServer.stop();
  }
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

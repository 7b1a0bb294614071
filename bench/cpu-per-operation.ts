import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { measureOperation, type OperationResult, type RunSettings } from "./lib/operation-run.js";
import { operationTable } from "./lib/operation-table.js";
import { formatSummary, summariseProfile, type CpuProfile } from "./lib/profile-summary.js";
import { startStack } from "./lib/stack.js";
import { buildOperations, OPERATION_IDS, operationsConfig, type OperationId } from "./operations.js";

/**
 * Issue #13's table: each operation's throughput, latency, server CPU per call against its crypto
 * floor measured in the same run, and its Redis round trips, commands and CPU per call — on one
 * server process, so the ratio is one process's cost. Settings from the environment:
 *   BENCH_OPS=password,srp,…   the operations (ids in operations.ts; all by default)
 *   BENCH_OP_SECONDS (10), BENCH_WARM_UP_SECONDS (2), BENCH_CONCURRENCY (16), BENCH_RECOVERING_USERS (2500)
 *   BENCH_PROFILE=<id>         that operation only, the server under --cpu-prof; prints the profile's
 *                              summary over the measured run (bench/profile-summary.ts reads it again)
 *   BENCH_PROFILE_DIR (.tmp/profiles/<id>-<time>), BENCH_PROFILE_INTERVAL_US (V8's default, 1000)
 */
export async function cpuPerOperationBench(): Promise<string[]> {
  const settings: RunSettings = {
    seconds: Number(process.env.BENCH_OP_SECONDS ?? 10),
    warmUpSeconds: Number(process.env.BENCH_WARM_UP_SECONDS ?? 2),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
    calibrationCalls: 20,
  };
  const profiled = process.env.BENCH_PROFILE as OperationId | undefined;
  const ids = profiled ? [profiled] : (process.env.BENCH_OPS?.split(",").map((id) => id.trim()) ?? [...OPERATION_IDS]) as OperationId[];
  const unknown = ids.filter((id) => !(OPERATION_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new Error(`unknown operation ${unknown.join(", ")}: choose from ${OPERATION_IDS.join(", ")}`);
  const profileDir = profiled ? resolve(process.env.BENCH_PROFILE_DIR ?? join(".tmp", "profiles", `${profiled}-${new Date().toISOString().replace(/[:.]/g, "-")}`)) : undefined;
  const interval = process.env.BENCH_PROFILE_INTERVAL_US;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])] : [];
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const results: OperationResult[] = [];
  const stack = await startStack(operationsConfig, 1, nodeArgs);
  const redis = new Redis(stack.redisUrl);
  try {
    const { operations, close } = await buildOperations(stack, ids, Number(process.env.BENCH_RECOVERING_USERS ?? 2500));
    for (const id of ids) results.push(await measureOperation(stack.serverPid, redis, operations.get(id)!, settings));
    close();
  } finally {
    redis.disconnect();
    await stack.stop(); // the server writes its profile as it exits
  }
  const lines = operationTable(results, settings);
  if (profileDir) lines.push(...profileReport(profileDir, results[0]!));
  return lines;
}

/** The profile the server wrote, summarised over the measured run (its window is kept beside it). */
function profileReport(dir: string, result: OperationResult): string[] {
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (file === undefined) return [`  no .cpuprofile in ${dir}: did the server exit cleanly?`];
  writeFileSync(join(dir, "window.json"), JSON.stringify(result.window));
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
  return [
    `profile of the server during ${result.operation.name} (main thread only: WebCrypto's signatures run in the libuv pool, ${(result.serverMs - result.serverMainThreadMs).toFixed(3)} ms per call on other threads): ${join(dir, file)}`,
    ...formatSummary(summariseProfile(profile, result.window), 30, result.serverMainThreadMs).map((line) => `  ${line}`),
  ];
}

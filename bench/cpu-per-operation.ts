import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { measureOperation, type OperationResult, type RunSettings } from "./lib/operation-run.js";
import { operationTable } from "./lib/operation-table.js";
import { perfRecorder } from "./lib/perf-record.js";
import { formatPerfSummary, parsePerfScript, summarisePerf } from "./lib/perf-summary.js";
import { formatSummary, summariseProfile, type CpuProfile } from "./lib/profile-summary.js";
import { startStack } from "./lib/stack.js";
import { buildOperations, OPERATION_IDS, operationsConfig, type OperationId } from "./operations.js";

/**
 * Issue #13's table: each operation's throughput, latency, server CPU per call against its crypto
 * floor measured in the same run, and its Redis round trips, commands and CPU per call — on one
 * server process, so the ratio is one process's cost. Settings from the environment:
 *   BENCH_OPS=password,srp,…   the operations (ids in operations.ts; all by default)
 *   BENCH_OP_SECONDS (10), BENCH_WARM_UP_CALLS (3000) or BENCH_WARM_UP_SECONDS (15) if sooner,
 *   BENCH_CONCURRENCY (16), BENCH_RECOVERING_USERS (2500)
 *   BENCH_PROFILE=<id>         that operation only, the server under --cpu-prof; prints the profile's
 *                              summary over the measured run (bench/profile-summary.ts reads it again)
 *   BENCH_PERF=<id>            that operation only, the measured run recorded by Linux perf (CPU time,
 *                              every thread); prints its summary (perf.txt, read again the same way)
 *   BENCH_PROFILE_DIR (.tmp/profiles/<id>-<time>), BENCH_PROFILE_INTERVAL_US (V8's default, 1000)
 */
export async function cpuPerOperationBench(): Promise<string[]> {
  const settings: RunSettings = {
    seconds: Number(process.env.BENCH_OP_SECONDS ?? 10),
    warmUpCalls: Number(process.env.BENCH_WARM_UP_CALLS ?? 3000),
    warmUpSeconds: Number(process.env.BENCH_WARM_UP_SECONDS ?? 15),
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
    calibrationCalls: 20,
  };
  const profiled = process.env.BENCH_PROFILE as OperationId | undefined;
  const perfed = process.env.BENCH_PERF as OperationId | undefined;
  if (profiled && perfed) throw new Error("BENCH_PROFILE and BENCH_PERF: one at a time");
  const alone = profiled ?? perfed;
  const ids = alone ? [alone] : (process.env.BENCH_OPS?.split(",").map((id) => id.trim()) ?? [...OPERATION_IDS]) as OperationId[];
  const unknown = ids.filter((id) => !(OPERATION_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new Error(`unknown operation ${unknown.join(", ")}: choose from ${OPERATION_IDS.join(", ")}`);
  const dir = alone ? resolve(process.env.BENCH_PROFILE_DIR ?? join(".tmp", "profiles", `${alone}-${new Date().toISOString().replace(/[:.]/g, "-")}`)) : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const interval = process.env.BENCH_PROFILE_INTERVAL_US;
  const nodeArgs = profiled ? ["--cpu-prof", `--cpu-prof-dir=${dir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])]
    // Code that moves would leave perf's map naming its old address: the code space is not compacted.
    : perfed ? ["--perf-basic-prof-only-functions", "--interpreted-frames-native-stack", "--no-compact-code-space"] : [];
  const results: OperationResult[] = [];
  const extra: string[] = [];
  const stack = await startStack(operationsConfig, 1, nodeArgs);
  const redis = new Redis(stack.redisUrl);
  const perf = perfed ? perfRecorder(stack.serverPid, join(dir!, "perf.data")) : undefined;
  try {
    const { operations, close } = await buildOperations(stack, ids, Number(process.env.BENCH_RECOVERING_USERS ?? 2500));
    for (const id of ids) results.push(await measureOperation(stack.serverPid, redis, operations.get(id)!, settings, perf));
    close();
    if (perf) extra.push(...perfReport(perf.script(), dir!, results[0]!));
  } finally {
    redis.disconnect();
    await stack.stop(); // a --cpu-prof server writes its profile as it exits
    perf?.cleanUp();
  }
  const lines = operationTable(results, settings);
  if (profiled) lines.push(...profileReport(dir!, results[0]!));
  return [...lines, ...extra];
}

/** The profile the server wrote, summarised over the measured run (its window is kept beside it). */
function profileReport(dir: string, result: OperationResult): string[] {
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  if (file === undefined) return [`  no .cpuprofile in ${dir}: did the server exit cleanly?`];
  writeFileSync(join(dir, "window.json"), JSON.stringify(result.window));
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
  const summary = summariseProfile(profile, result.window);
  const busyMs = (summary.seconds * 1000 * (summary.samples - summary.idle)) / Math.max(1, summary.samples);
  const cpuMs = result.serverMainThreadMs * (result.calls + result.errors);
  return [
    `profile of the server during ${result.operation.name}: ${join(dir, file)}`,
    `  main thread only (${(result.serverMs - result.serverMainThreadMs).toFixed(3)} ms per call ran on other threads: GC and compiler helpers, the libuv pool). V8 samples at wall-clock intervals: the main thread was busy ${(busyMs / 1000).toFixed(1)} s of wall time for ${(cpuMs / 1000).toFixed(1)} s of CPU, so where it waited for a core (after waking another process or thread) its samples are over-weighted; BENCH_PERF samples CPU time`,
    ...formatSummary(summary, 30, result.serverMainThreadMs).map((line) => `  ${line}`),
  ];
}

/** perf's samples of the measured run, kept as perf.txt beside perf.data, summarised. */
function perfReport(script: string, dir: string, result: OperationResult): string[] {
  writeFileSync(join(dir, "perf.txt"), script);
  return [
    `perf record of the server during ${result.operation.name}: ${join(dir, "perf.txt")}`,
    ...formatPerfSummary(summarisePerf(parsePerfScript(script)), 30, result.serverMs).map((line) => `  ${line}`),
  ];
}

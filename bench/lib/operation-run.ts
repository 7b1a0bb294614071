import type { Redis } from "ioredis";
import { floorsDuring, type FloorReadings } from "./floor.js";
import type { Recorder } from "./perf-record.js";
import type { FloorUnit } from "./floor-units.js";
import { runLoad } from "./load.js";
import { machineCpuMs, ownTreeCpuMs, processCpuMs } from "./process-cpu.js";
import { callsSince, classifyCommands, monitorCommands, readRedisCounters } from "./redis-stats.js";
import { percentile } from "./stats.js";

/** One operation of the per-operation table: how to call it and what its crypto floor is made of. */
export interface Operation {
  readonly name: string;
  /** The crypto one call cannot do without (floor-units.ts), and how many of each. */
  readonly floor: Partial<Record<FloorUnit, number>>;
  /** The ratio server CPU / floor aimed for (issue #13); none where the issue asks for a report only. */
  readonly target?: number;
  /** Call number `i` (counted across warm-up, run and calibration); throws on an unexpected answer. */
  readonly call: (i: number) => Promise<void>;
  /** The most calls the operation may make in all (a name's hourly limits); unbounded when absent. */
  readonly maxCalls?: number;
}

export interface RunSettings {
  readonly seconds: number;
  /** Warm-up: this many calls, or this many seconds if sooner. V8 is still compiling the hot paths after 2 s. */
  readonly warmUpCalls: number;
  readonly warmUpSeconds: number;
  readonly concurrency: number;
  /** Sequential calls traced with MONITOR after the run, to tell round trips from script commands. */
  readonly calibrationCalls: number;
}

export interface OperationResult {
  readonly operation: Operation;
  readonly calls: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  /** Server CPU ms per call (every thread), and the part on its main thread (what a profile samples). */
  readonly serverMs: number;
  readonly serverMainThreadMs: number;
  readonly loadGeneratorMs: number;
  /** Cores other processes kept busy during the run, on average (other work on a shared machine). */
  readonly otherCores: number;
  readonly floorMs: number;
  readonly floors: FloorReadings;
  readonly redis: {
    readonly cpuMs: number;
    /** Per call, from INFO commandstats over the run: every command, those inside scripts included. */
    readonly commands: number;
    readonly commandMix: ReadonlyMap<string, number>;
    /** Per call, from the MONITOR trace of the calibration calls. */
    readonly roundTrips: number;
    readonly scriptCommands: number;
  };
  /** The measured run on the monotonic clock in µs, as a --cpu-prof profile's timestamps. */
  readonly window: { readonly fromUs: number; readonly toUs: number };
}

/**
 * Warms the operation up, then runs it at `concurrency` for `seconds` while a separate process
 * measures its floor, reading the server's CPU by PID and Redis' counters around the run; then a
 * few calls one at a time under MONITOR for the round trips (MONITOR slows Redis: never during the run).
 * A recorder (perf) records the measured run only.
 */
export async function measureOperation(serverPid: number, redis: Redis, operation: Operation, settings: RunSettings, recorder?: Recorder): Promise<OperationResult> {
  let next = 0;
  const budget = (operation.maxCalls ?? Number.MAX_SAFE_INTEGER) - settings.calibrationCalls;
  const call = () => operation.call(next++);
  const load = (seconds: number, total: number) => runLoad({ total, concurrency: settings.concurrency, maxSeconds: seconds, call: () => call() });
  // A bounded operation keeps most of its calls for the measured run.
  await load(settings.warmUpSeconds, Math.min(settings.warmUpCalls, operation.maxCalls === undefined ? budget : Math.floor(budget / 10)));
  const units = Object.keys(operation.floor) as FloorUnit[];
  const { result, floors } = await floorsDuring(units, async () => {
    await recorder?.start();
    const redis0 = await readRedisCounters(redis);
    const server0 = processCpuMs(serverPid);
    const own0 = process.cpuUsage();
    const machine0 = machineCpuMs() - ownTreeCpuMs();
    const fromUs = monotonicUs();
    const run = await load(settings.seconds, budget - next);
    const toUs = monotonicUs();
    const others = machineCpuMs() - ownTreeCpuMs() - machine0;
    const own = process.cpuUsage(own0);
    const server = processCpuMs(serverPid);
    const redis1 = await readRedisCounters(redis);
    await recorder?.stop();
    return { run, fromUs, toUs, otherCores: others / ((toUs - fromUs) / 1000), ownMs: (own.user + own.system) / 1000, server: { total: server.total - server0.total, mainThread: server.mainThread - server0.mainThread }, redis0, redis1 };
  });
  const trace = await monitorCommands(redis, async () => {
    for (let i = 0; i < settings.calibrationCalls; i++) await call().catch(() => undefined);
  });
  const traced = classifyCommands(trace);
  const { run } = result;
  const calls = run.latencies.length + run.errors;
  const perCall = (value: number) => value / calls;
  const commands = callsSince(result.redis0.calls, result.redis1.calls);
  return {
    operation,
    calls: run.latencies.length,
    errors: run.errors,
    seconds: run.seconds,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    serverMs: perCall(result.server.total),
    serverMainThreadMs: perCall(result.server.mainThread),
    loadGeneratorMs: perCall(result.ownMs),
    otherCores: result.otherCores,
    floorMs: Object.entries(operation.floor).reduce((sum, [unit, count]) => sum + (floors.get(unit as FloorUnit)?.ms ?? NaN) * count, 0),
    floors,
    redis: {
      cpuMs: perCall((result.redis1.cpuSeconds - result.redis0.cpuSeconds) * 1000),
      commands: perCall([...commands.values()].reduce((a, b) => a + b, 0)),
      commandMix: new Map([...commands].map(([name, n]) => [name, perCall(n)])),
      roundTrips: traced.roundTrips / settings.calibrationCalls,
      scriptCommands: traced.scriptCommands / settings.calibrationCalls,
    },
    window: { fromUs: result.fromUs, toUs: result.toUs },
  };
}

/** CLOCK_MONOTONIC in µs: the clock V8 stamps profile samples with. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

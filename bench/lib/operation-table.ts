import { availableParallelism } from "node:os";
import type { FloorUnit } from "./floor-units.js";
import type { OperationResult, RunSettings } from "./operation-run.js";

const COLUMNS: readonly [string, number][] = [
  ["operation", 34], ["ops/s", 7], ["p50 ms", 8], ["p99 ms", 8], ["server ms/op", 13], ["floor ms/op", 12], ["ratio", 8], ["target", 7],
  ["redis rt/op", 12], ["cmds/op", 8], ["in scripts", 11], ["redis ms/op", 12],
];

/** The per-operation table, then what each row is made of: floor units, threads, Redis commands. */
export function operationTable(results: readonly OperationResult[], settings: RunSettings): string[] {
  const lines = [
    `CPU per operation against its crypto floor: 1 server process (IDP_WORKERS=1, whatever BENCH_WORKERS says), concurrency ${settings.concurrency}, ${settings.seconds} s per operation after a warm-up of ${settings.warmUpCalls} calls or ${settings.warmUpSeconds} s, ${availableParallelism()} cores shared with the load generator and Redis`,
    "  server ms/op: the server process's CPU (every thread, /proc) per call; floor: the CPU the operation's crypto takes, measured by a separate process during the same run, same functions as the server; ratio = server / floor",
    "  redis rt/op: commands a flow waits for (EVALSHA and MULTI…EXEC count one; traced with MONITOR over calls made one at a time after the run); cmds/op: every command INFO commandstats counted during the run, those scripts ran included; in scripts: those of them scripts ran",
    `  ${COLUMNS.map(([name, width], i) => (i === 0 ? name.padEnd(width) : name.padStart(width))).join("")}`,
  ];
  for (const r of results) lines.push(`  ${row(r).map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[i]![1]) : cell.padStart(COLUMNS[i]![1]))).join("")}`);
  lines.push("  floors (CPU ms per unit, median of the meter's batches during the run; units described in bench/lib/floor-units.ts):");
  for (const r of results) lines.push(`    ${r.operation.name}: ${floorSum(r)}`);
  lines.push("  server CPU per call by thread: main (the event loop, what a profile samples) + other threads (V8's GC and compiler helpers, the libuv pool); load generator for comparison; cores other processes on the machine kept busy meanwhile:");
  for (const r of results) lines.push(`    ${r.operation.name}: ${ms(r.serverMainThreadMs)} + ${ms(r.serverMs - r.serverMainThreadMs)} ms; load generator ${ms(r.loadGeneratorMs)} ms; ${r.calls} calls in ${r.seconds.toFixed(1)} s${r.errors > 0 ? `, ${r.errors} errors` : ""}; other processes ${Math.max(0, r.otherCores).toFixed(2)} cores`);
  lines.push("  Redis commands per call during the run (INFO commandstats):");
  for (const r of results) lines.push(`    ${r.operation.name}: ${[...r.redis.commandMix].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${n.toFixed(2)}`).join(", ")}`);
  return lines;
}

function row(r: OperationResult): string[] {
  const ratio = r.serverMs / r.floorMs;
  const target = r.operation.target;
  return [
    r.operation.name, (r.calls / r.seconds).toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), ms(r.serverMs), ms(r.floorMs),
    `${ratio.toFixed(2)}×`, target === undefined ? "report" : `≤${target}`,
    r.redis.roundTrips.toFixed(1), r.redis.commands.toFixed(1), r.redis.scriptCommands.toFixed(1), ms(r.redis.cpuMs),
  ];
}

function floorSum(r: OperationResult): string {
  const parts = Object.entries(r.operation.floor).map(([unit, count]) => `${count === 1 ? "" : `${count} × `}${unit} ${ms(r.floors.get(unit as FloorUnit)?.ms ?? NaN)}`);
  const batches = Math.min(...[...r.floors.values()].map((f) => f.batches));
  return `${parts.join(" + ")} = ${ms(r.floorMs)}; ≥ ${batches} batches each`;
}

function ms(value: number): string {
  return value.toFixed(3);
}

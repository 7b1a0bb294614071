import type { Redis } from "ioredis";

/** What Redis has done so far: calls per command (INFO commandstats) and CPU seconds (INFO cpu). */
export interface RedisCounters {
  readonly calls: ReadonlyMap<string, number>;
  readonly cpuSeconds: number;
}

/**
 * `cmdstat_<name>:calls=<n>,...` lines → calls per command. Redis counts a command a script runs
 * (`redis.call`) under its own name too, so these totals include the commands inside EVALSHA.
 */
export function parseCommandStats(info: string): Map<string, number> {
  const calls = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1]!, Number(match[2]));
  return calls;
}

/** used_cpu_sys + used_cpu_user (seconds): the server's own threads, not forked children. */
export function parseCpuSeconds(info: string): number {
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? NaN);
  return field("used_cpu_sys") + field("used_cpu_user");
}

/** Calls per command between two readings; commands that did not run are left out. */
export function callsSince(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [command, calls] of after) {
    const n = calls - (before.get(command) ?? 0);
    if (n > 0) delta.set(command, n);
  }
  return delta;
}

/** The bench's own INFO calls are the only `info` calls: the server never sends one. */
export async function readRedisCounters(redis: Redis): Promise<RedisCounters> {
  const [commandStats, cpu] = await Promise.all([redis.info("commandstats"), redis.info("cpu")]);
  const calls = parseCommandStats(commandStats);
  calls.delete("info");
  return { calls, cpuSeconds: parseCpuSeconds(cpu) };
}

/** One command as MONITOR shows it: the connection it came from ("lua" inside a script) and its name. */
export interface MonitoredCommand {
  readonly source: string;
  readonly command: string;
}

/**
 * Splits a MONITOR trace into what clients sent and what scripts ran. A round trip is a command a
 * flow waits for: EVALSHA is one however many commands its script runs, and a MULTI … EXEC block is
 * one (ioredis writes it at once and reads the answers at EXEC). Auto-pipelining may still put
 * several flows' round trips into one write; that is not visible here and not counted.
 */
export function classifyCommands(trace: readonly MonitoredCommand[]): { readonly roundTrips: number; readonly clientCommands: number; readonly scriptCommands: number } {
  const inMulti = new Set<string>();
  let roundTrips = 0;
  let clientCommands = 0;
  let scriptCommands = 0;
  for (const { source, command } of trace) {
    if (source === "lua") {
      scriptCommands++;
      continue;
    }
    clientCommands++;
    const name = command.toLowerCase();
    if (name === "multi") inMulti.add(source);
    else if (name === "exec" || name === "discard") {
      inMulti.delete(source);
      roundTrips++;
    } else if (!inMulti.has(source)) roundTrips++;
  }
  return { roundTrips, clientCommands, scriptCommands };
}

/** The commands of a trace while `during` runs, read on a connection of its own in MONITOR mode. */
export async function monitorCommands(redis: Redis, during: () => Promise<void>): Promise<MonitoredCommand[]> {
  const monitor = await redis.monitor();
  const trace: MonitoredCommand[] = [];
  monitor.on("monitor", (_time: string, args: string[], source: string) => trace.push({ source, command: args[0] ?? "" }));
  try {
    await during();
    // Deliveries leave after the answer (a timer): give the last call's a moment to reach Redis.
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    monitor.disconnect();
  }
  return trace;
}

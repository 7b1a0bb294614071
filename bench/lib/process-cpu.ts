import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU milliseconds used so far by this process's descendants, by command name (Linux /proc). */
export function descendantCpuMs(): Map<string, number> {
  const processes = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).map((pid) => readStat(`/proc/${pid}/stat`)).filter((p) => p !== undefined);
  const children = new Map<number, number[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const totals = new Map<string, number>();
  const pending = [...(children.get(process.pid) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const p = byPid.get(pid);
    if (p) totals.set(p.comm, (totals.get(p.comm) ?? 0) + p.cpuMs);
    pending.push(...(children.get(pid) ?? []));
  }
  return totals;
}

/** The difference of two descendantCpuMs() readings. */
export function cpuSince(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([comm, ms]) => [comm, ms - (before.get(comm) ?? 0)]));
}

/**
 * CPU milliseconds of one process so far, and of its main thread: the event loop, where JavaScript
 * runs and what a --cpu-prof profile samples. The rest is its other threads: the libuv pool, where
 * WebCrypto jobs would run, and V8's GC and compiler helpers. Linux /proc; NaN once it has exited.
 */
export function processCpuMs(pid: number): { readonly total: number; readonly mainThread: number } {
  return { total: readStat(`/proc/${pid}/stat`)?.cpuMs ?? NaN, mainThread: readStat(`/proc/${pid}/task/${pid}/stat`)?.cpuMs ?? NaN };
}

/**
 * CPU milliseconds the whole machine has spent so far (/proc/stat: user, nice, system, irq, softirq,
 * steal): beside this process's and its descendants', it shows what other work ran during a run.
 */
export function machineCpuMs(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / TICKS_PER_SECOND;
}

/** CPU milliseconds used so far by this process and all its descendants. */
export function ownTreeCpuMs(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + [...descendantCpuMs().values()].reduce((a, b) => a + b, 0);
}

function readStat(path: string): { pid: number; ppid: number; comm: string; cpuMs: number } | undefined {
  try {
    const stat = readFileSync(path, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" "); // fields[0] is the state (field 3)
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    return { pid: Number(stat.slice(0, stat.indexOf(" "))), ppid: Number(fields[1]), comm, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined; // exited meanwhile
  }
}

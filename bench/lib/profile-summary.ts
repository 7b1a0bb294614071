/** The parts of a V8 .cpuprofile (what node --cpu-prof writes) the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

/** A time range on the profile's clock (µs, CLOCK_MONOTONIC: process.hrtime in another process reads the same). */
export interface Window {
  readonly fromUs: number;
  readonly toUs: number;
}

export interface ProfileSummary {
  /** Samples in the window, idle ones included. */
  readonly samples: number;
  readonly idle: number;
  readonly seconds: number;
  /** Self samples per function and per area, busiest first (idle left out). */
  readonly functions: readonly { readonly name: string; readonly samples: number }[];
  readonly areas: readonly { readonly area: string; readonly samples: number }[];
}

export const IDLE = "(idle)";
const CRYPTO = "crypto: node:crypto, OpenSSL, BigInt (src/crypto)";

/**
 * The area a frame's own time belongs to, from its script URL; undefined for native frames (no URL:
 * an OpenSSL call such as `sign` or `computeSecret`, a Buffer or string builtin), which take their
 * caller's area, so a signature counts as crypto and a header encoding as grpc-js.
 */
export function areaOf(url: string, functionName: string): string | undefined {
  if (url === "") {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === IDLE) return IDLE;
    if (functionName === "(program)") return "(program): V8 and native code outside any JS frame";
    return undefined;
  }
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (modules !== undefined) return packageArea(modules);
  if (/\/(dist|src)\/gen\//.test(url)) return PROTOBUF;
  if (/\/(dist|src)\/crypto\//.test(url) || /^node:(internal\/)?crypto/.test(url)) return CRYPTO;
  const ours = /\/(?:dist|src)\/([^/]+)\//.exec(url)?.[1] ?? /\/(?:dist|src)\/([^/]+)\.[jt]s$/.exec(url)?.[1];
  if (ours !== undefined) return `our src/${ours}`;
  if (/^node:(internal\/)?http2/.test(url)) return "node: http2 (grpc-js's transport)";
  if (/^node:(internal\/)?(net|dns|stream_base_commons)$/.test(url)) return "node: net (sockets)";
  if (/^node:(internal\/)?streams?(\/|$)/.test(url)) return "node: streams";
  if (/^node:(internal\/)?(timers|process\/task_queues|async_hooks|async_local_storage)/.test(url)) return "node: timers, microtasks, async context";
  if (url.startsWith("node:")) return "node: other core";
  return "other";
}

const PROTOBUF = "protobuf encode/decode (src/gen, @bufbuild/protobuf)";

function packageArea(name: string): string {
  if (name.startsWith("@grpc/")) return "grpc-js";
  if (["ioredis", "@ioredis/commands", "redis-parser", "redis-errors", "denque", "cluster-key-slot", "standard-as-callback"].includes(name)) return "ioredis";
  if (name === "@bufbuild/protobuf" || name === "protobufjs" || name.startsWith("@protobufjs/")) return PROTOBUF;
  if (name === "jose") return "jose";
  if (["pino", "sonic-boom", "thread-stream", "fast-redact", "quick-format-unescaped", "atomic-sleep", "on-exit-leak-free"].includes(name)) return "pino (logging)";
  if (["prom-client", "tdigest", "bintrees"].includes(name)) return "prom-client (metrics)";
  if (name.startsWith("@opentelemetry/")) return "OpenTelemetry";
  if (name === "tsx" || name === "esbuild") return "tsx (not in production)";
  return `package ${name}`;
}

/** Self samples per function and per area, over the window (the whole profile without one). */
export function summariseProfile(profile: CpuProfile, window?: Window): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const areaCache = new Map<number, string>();
  const areaOfNode = (id: number): string => {
    const cached = areaCache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id)!;
    const own = areaOf(node.callFrame.url, node.callFrame.functionName);
    const up = parent.get(id);
    const area = own ?? (up === undefined ? "other" : areaOfNode(up));
    areaCache.set(id, area);
    return area;
  };
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let samples = 0;
  let idle = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    samples++;
    const id = profile.samples[i]!;
    const area = areaOfNode(id);
    if (area === IDLE) {
      idle++;
      continue;
    }
    const name = functionLabel(byId.get(id)!);
    functions.set(name, (functions.get(name) ?? 0) + 1);
    areas.set(area, (areas.get(area) ?? 0) + 1);
  }
  const busiest = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  const seconds = (window ? Math.min(window.toUs, profile.endTime) - Math.max(window.fromUs, profile.startTime) : profile.endTime - profile.startTime) / 1e6;
  return {
    samples, idle, seconds,
    functions: busiest(functions).map(([name, n]) => ({ name, samples: n })),
    areas: busiest(areas).map(([area, n]) => ({ area, samples: n })),
  };
}

/**
 * Where a function's self time comes from: the `depth` frames above each of its samples in the
 * window (innermost first, joined by " ← "), busiest paths first.
 */
export function callersOf(profile: CpuProfile, name: string, depth = 4, window?: Window): { readonly path: string; readonly samples: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const paths = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = profile.samples[i]!;
    if (!functionLabel(byId.get(id)!).startsWith(name)) continue;
    const frames: string[] = [];
    for (let up = parent.get(id); up !== undefined && frames.length < depth; up = parent.get(up)) frames.push(functionLabel(byId.get(up)!));
    const path = frames.join(" ← ");
    paths.set(path, (paths.get(path) ?? 0) + 1);
  }
  return [...paths].sort((a, b) => b[1] - a[1]).map(([path, samples]) => ({ path, samples }));
}

/** `name file:line`, the file shortened to what follows node_modules/ or the project root. */
function functionLabel(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (url === "") return functionName;
  const file = url.replace(/^file:\/\/.*?\/node_modules\//, "").replace(/^file:\/\/.*?\/((?:dist|src)\/)/, "$1");
  return `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
}

/**
 * The summary as lines: areas, then the `top` functions by self time, as % of busy samples — and as
 * milliseconds per call when the main thread's CPU per call is given (busy samples are that time).
 */
export function formatSummary(summary: ProfileSummary, top = 25, mainThreadMsPerCall?: number): string[] {
  const busy = summary.samples - summary.idle;
  const share = (n: number) => n / busy;
  const percent = (n: number) => `${(100 * share(n)).toFixed(1).padStart(5)} %${mainThreadMsPerCall === undefined ? "" : `${(share(n) * mainThreadMsPerCall).toFixed(3).padStart(8)} ms`}`;
  const ours = summary.areas.filter((a) => a.area.startsWith("our src/")).reduce((sum, a) => sum + a.samples, 0);
  return [
    `${summary.samples} samples over ${summary.seconds.toFixed(1)} s, ${busy} busy (${((100 * summary.idle) / Math.max(1, summary.samples)).toFixed(1)} % idle); percentages are of busy samples of the main thread${mainThreadMsPerCall === undefined ? "" : `, ms per call of its ${mainThreadMsPerCall.toFixed(3)} ms`}`,
    "by area (self time; native frames count with their caller):",
    ...summary.areas.map((a) => `  ${percent(a.samples)}  ${a.area}`),
    `  ${percent(ours)}  = our src/* together`,
    `top ${top} functions by self time:`,
    ...summary.functions.slice(0, top).map((f) => `  ${percent(f.samples)}  ${f.name}`),
  ];
}

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatPerfSummary, parsePerfScript, summarisePerf } from "./lib/perf-summary.js";
import { callersOf, formatSummary, summariseProfile, type CpuProfile, type Window } from "./lib/profile-summary.js";

/**
 * Summarises a V8 CPU profile (node --cpu-prof; `BENCH_PROFILE=<operation> make bench` writes one of
 * the server): self time by area (crypto, grpc-js, ioredis, protobuf, jose, our src/*, GC) and the
 * busiest functions, as % of busy main-thread samples.
 *
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from µs --to µs | --all]
 *     [--callers <function name> [--depth N]]
 *
 * --callers lists the call paths that lead to a function's self time (what calls writeUtf8String?).
 * A file that is not a .cpuprofile is read as `perf script` text (BENCH_PERF's perf.txt): CPU time
 * of every thread by area and innermost symbol.
 * Without --from/--to it reads window.json beside the profile (the bench's measured run) when there
 * is one; --all takes every sample, start-up and set-up included.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const WITH_VALUE = ["--top", "--from", "--to", "--callers", "--depth"];
const file = args.find((a, i) => !a.startsWith("--") && !WITH_VALUE.includes(args[i - 1] ?? ""));
if (file === undefined) {
  process.stderr.write("usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from µs --to µs | --all] [--callers <function> [--depth N]]\n");
  process.exit(2);
}
if (!file.endsWith(".cpuprofile")) {
  for (const line of formatPerfSummary(summarisePerf(parsePerfScript(readFileSync(file, "utf8"))), Number(option("--top") ?? 25))) console.log(line);
  process.exit(0);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const from = option("--from");
const to = option("--to");
const beside = join(dirname(file), "window.json");
const window: Window | undefined = args.includes("--all") ? undefined
  : from !== undefined && to !== undefined ? { fromUs: Number(from), toUs: Number(to) }
  : existsSync(beside) ? (JSON.parse(readFileSync(beside, "utf8")) as Window) : undefined;
const callersOfName = option("--callers");
if (callersOfName !== undefined) {
  const paths = callersOf(profile, callersOfName, Number(option("--depth") ?? 4), window);
  const total = paths.reduce((sum, p) => sum + p.samples, 0);
  console.log(`${total} samples of ${callersOfName}, by the frames above it:`);
  for (const p of paths.slice(0, Number(option("--top") ?? 25))) console.log(`  ${((100 * p.samples) / total).toFixed(1).padStart(5)} %  ${p.path}`);
} else {
  for (const line of formatSummary(summariseProfile(profile, window), Number(option("--top") ?? 25))) console.log(line);
}

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatSummary, summariseProfile, type CpuProfile, type Window } from "./lib/profile-summary.js";

/**
 * Summarises a V8 CPU profile (node --cpu-prof; `BENCH_PROFILE=<operation> make bench` writes one of
 * the server): self time by area (crypto, grpc-js, ioredis, protobuf, jose, our src/*, GC) and the
 * busiest functions, as % of busy main-thread samples.
 *
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from µs --to µs | --all]
 *
 * Without --from/--to it reads window.json beside the profile (the bench's measured run) when there
 * is one; --all takes every sample, start-up and set-up included.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const file = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (file === undefined) {
  process.stderr.write("usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--from µs --to µs | --all]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const from = option("--from");
const to = option("--to");
const beside = join(dirname(file), "window.json");
const window: Window | undefined = args.includes("--all") ? undefined
  : from !== undefined && to !== undefined ? { fromUs: Number(from), toUs: Number(to) }
  : existsSync(beside) ? (JSON.parse(readFileSync(beside, "utf8")) as Window) : undefined;
for (const line of formatSummary(summariseProfile(profile, window), Number(option("--top") ?? 25))) console.log(line);

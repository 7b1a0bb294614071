/**
 * `make bench`: each benchmark starts its own Redis and server processes on loopback, runs a
 * bounded load, prints its report and stops everything. BENCH_WORKERS sets the server processes of
 * the benchmarks that take a number (the per-operation table always runs one: cpu-per-operation.ts).
 * Arguments choose benchmarks by the start of their name.
 */
const workers = Number(process.env.BENCH_WORKERS ?? 2);
const benches: Record<string, () => Promise<string[]>> = {
  "cpu per operation": () => import("./cpu-per-operation.js").then((m) => m.cpuPerOperationBench()),
  "srp enumeration timing": () => import("./srp-enumeration-timing.js").then((m) => m.srpEnumerationTimingBench(workers)),
  "enumeration timing": () => import("./enumeration-timing.js").then((m) => m.enumerationTimingBench()),
  "memory per user and sealing cost": () => import("./memory-per-user.js").then((m) => m.memoryPerUserBench()),
  "overload": () => import("./overload.js").then((m) => m.overloadBench(workers)),
  "deployment shapes": () => import("./deploy.js").then((m) => m.deployBench()),
  // Only when named (make bench-scale): a million users take minutes and up to about 2.1 GB of Redis.
  "scale": () => import("./scale.js").then((m) => m.scaleBench(workers)),
};
const OPT_IN = new Set(["scale"]);
const only = process.argv.slice(2);
for (const [name, bench] of Object.entries(benches)) {
  if (only.length > 0 ? !only.some((o) => name.startsWith(o)) : OPT_IN.has(name)) continue;
  console.log(`\n== ${name}`);
  for (const line of await bench()) console.log(line);
}

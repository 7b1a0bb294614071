import { passwordSignInBench } from "./password-sign-in.js";

/**
 * `make bench`: each benchmark starts its own Redis and server processes on loopback, runs a
 * bounded load, prints its report and stops everything. BENCH_WORKERS sets the server processes.
 */
const workers = Number(process.env.BENCH_WORKERS ?? 2);
const benches: Record<string, () => Promise<string[]>> = {
  "password sign-in": () => passwordSignInBench(workers),
};
const only = process.argv.slice(2);
for (const [name, bench] of Object.entries(benches)) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  console.log(`\n== ${name}`);
  for (const line of await bench()) console.log(line);
}

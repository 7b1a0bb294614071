import { floorWork, type FloorUnit } from "./floor-units.js";

/**
 * A floor meter (floor.ts starts it): measures the CPU time of each named unit of crypto
 * (floor-units.ts) in batches of about BATCH_MS, with GAP_MS of sleep between batches so it takes
 * little from the load it shares the cores with, until its stdin closes; then prints the median CPU
 * milliseconds per unit as JSON. CPU time (getrusage, every thread), not wall time: a turn the scheduler gives to another process is not counted.
 */
const BATCH_MS = 10;
const GAP_MS = 40;

const units = process.argv.slice(2) as FloorUnit[];
const work = await floorWork();

async function cpuMsOf(unit: FloorUnit, times: number): Promise<number> {
  const run = work[unit];
  const started = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    const pending = run();
    if (pending instanceof Promise) await pending;
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

// Warm-up, and the batch size per unit: doubled until a batch takes BATCH_MS.
const sizes = new Map<FloorUnit, number>();
for (const unit of units) {
  let times = 1;
  while ((await cpuMsOf(unit, times)) < BATCH_MS && times < 100_000) times *= 2;
  sizes.set(unit, times);
}
let stopping = false;
process.stdin.on("end", () => { stopping = true; }).resume();
process.stdout.write("ready\n");

const samples = new Map(units.map((unit) => [unit, [] as number[]]));
do {
  for (const unit of units) {
    const times = sizes.get(unit)!;
    samples.get(unit)!.push((await cpuMsOf(unit, times)) / times);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
} while (!stopping);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
process.stdout.write(JSON.stringify(Object.fromEntries(units.map((unit) => [unit, { ms: median(samples.get(unit)!), batches: samples.get(unit)!.length }]))));

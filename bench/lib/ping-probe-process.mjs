// PINGs Redis (argv[2], a redis:// URL) every millisecond until SIGTERM, then prints one JSON line:
// how many, the longest wait and the 99th percentile (ms). A process of its own, so what it measures
// is Redis, not the event loop of whoever runs the benchmark (bench/lib/redis-probe.ts); a pause
// between PINGs, so it does not take a core from Redis on a small machine (which would lengthen
// the very commands it measures).
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";

const redis = new Redis(process.argv[2]);
const waits = [];
let running = true;
process.on("SIGTERM", () => (running = false));
await redis.ping();
process.stdout.write("ready\n");
while (running && waits.length < 10_000_000) {
  const start = performance.now();
  await redis.ping();
  waits.push(performance.now() - start);
  await new Promise((resolve) => setTimeout(resolve, 1));
}
waits.sort((a, b) => a - b);
process.stdout.write(`${JSON.stringify({ pings: waits.length, maxMs: waits[waits.length - 1] ?? NaN, p99Ms: waits[Math.floor(waits.length * 0.99)] ?? NaN })}\n`);
redis.disconnect();

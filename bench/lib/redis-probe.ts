import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";

export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
}

/**
 * PINGs one after another on its own connection (closed when stopped) until stopped: the longest
 * wait is the longest time Redis (one thread) was busy with anything else — what every other pool
 * waited at worst.
 */
export function pingProbe(redis: Redis): { stop(): Promise<{ pings: number; maxMs: number; p99Ms: number }> } {
  let running = true;
  const waits: number[] = [];
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      await redis.ping();
      waits.push(performance.now() - start);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      redis.disconnect();
      const sorted = [...waits].sort((a, b) => a - b);
      return { pings: waits.length, maxMs: sorted[sorted.length - 1] ?? NaN, p99Ms: sorted[Math.floor(sorted.length * 0.99)] ?? NaN };
    },
  };
}

/** Starts recording every command slower than `micros` in Redis' SLOWLOG (cleared first). */
export async function recordSlowCommands(redis: Redis, micros: number): Promise<void> {
  await redis.config("SET", "slowlog-log-slower-than", String(micros));
  await redis.config("SET", "slowlog-max-len", "1024");
  await redis.slowlog("RESET");
}

/** The slowest commands recorded: duration (µs) and the command with its first arguments. */
export async function slowestCommands(redis: Redis, count: number): Promise<{ micros: number; command: string }[]> {
  const entries = (await redis.slowlog("GET", 1024)) as [number, number, number, string[]][];
  return entries.map(([, , micros, args]) => ({ micros, command: args.slice(0, 3).join(" ").slice(0, 80) })).sort((a, b) => b.micros - a.micros).slice(0, count);
}

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";

export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
}

/**
 * PINGs every millisecond from a process of its own until stopped: the longest wait is about the
 * longest time Redis (one thread) was busy with anything else — what every other pool waited at worst.
 */
export async function pingProbe(url: string): Promise<{ stop(): Promise<{ pings: number; maxMs: number; p99Ms: number }> }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL("./ping-probe-process.mjs", import.meta.url)), url], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const ready = () => (out.includes("ready\n") ? resolve() : undefined);
    child.stdout.on("data", ready);
    child.once("exit", (code) => reject(new Error(`the PING probe exited with ${code}`)));
  });
  return {
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      return JSON.parse(out.split("\n").filter((l) => l.startsWith("{")).pop()!) as { pings: number; maxMs: number; p99Ms: number };
    },
  };
}

/** How many times Redis ran `command` so far, and for how long in all (µs; INFO commandstats). */
export async function commandCalls(redis: Redis, command: string): Promise<{ calls: number; micros: number }> {
  const found = new RegExp(`cmdstat_${command}:calls=(\\d+),usec=(\\d+)`).exec(await redis.info("commandstats"));
  return { calls: Number(found?.[1] ?? 0), micros: Number(found?.[2] ?? 0) };
}

/** Starts recording every command slower than `micros` in Redis' SLOWLOG (cleared first). */
export async function recordSlowCommands(redis: Redis, micros: number): Promise<void> {
  await redis.config("SET", "slowlog-log-slower-than", String(micros));
  await redis.config("SET", "slowlog-max-len", "1024");
  await redis.slowlog("RESET");
}

/** The commands recorded (at most 1,024): how many, and the slowest — duration (µs), command and first key. */
export async function slowestCommands(redis: Redis, count: number): Promise<{ recorded: number; slowest: { micros: number; command: string }[] }> {
  const entries = (await redis.slowlog("GET", 1024)) as [number, number, number, string[]][];
  const slowest = entries.map(([, , micros, args]) => ({ micros, command: `${args[0]} (${args.length - 1 >= 31 ? "31+" : args.length - 1} args) ${args[1] ?? ""}`.slice(0, 90) })).sort((a, b) => b.micros - a.micros).slice(0, count);
  return { recorded: entries.length, slowest };
}

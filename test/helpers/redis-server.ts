import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A private redis-server on a free loopback port in a temporary directory, or the server REDIS_URL
 * names. Ready when it answers PING (ioredis retries the connection until then).
 */
export async function startRedis(): Promise<TestRedis> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => undefined };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "identity-redis-"));
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, child);
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  const failed = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`))));
  const client = new Redis(url, { retryStrategy: (times) => (times > 100 ? null : 50), maxRetriesPerRequest: null });
  client.on("error", () => undefined); // refused connections until the server listens: expected
  try {
    await Promise.race([client.ping(), failed]);
  } finally {
    client.disconnect();
  }
}

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cluster, Redis } from "ioredis";

export interface TestRedis {
  readonly url: string;
  /** host:port of each node when the tests run against Redis Cluster (REDIS_CLUSTER_NODES); else empty. */
  readonly clusterNodes: readonly string[];
  /** The redis-server process of a private server (startPrivateRedis), e.g. to SIGSTOP it in a test. */
  readonly pid?: number;
  stop(): Promise<void>;
}

/** REDIS_CLUSTER_NODES (as the server reads it): the suite then runs against that cluster. */
export function testClusterNodes(): string[] {
  return (process.env.REDIS_CLUSTER_NODES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** A client for what the tests read and write directly, standalone or Cluster like the server's. */
export function testRedisClient(redis: TestRedis): Redis {
  if (redis.clusterNodes.length === 0) return new Redis(redis.url);
  const [host, port] = redis.clusterNodes[0]!.split(":");
  const cluster = new Cluster([{ host: host!, port: Number(port) }]);
  // KEYS asks one node; the tests mean the whole keyspace: ask every master and merge.
  const keysEverywhere = async (pattern: string) => (await Promise.all(cluster.nodes("master").map((node) => node.keys(pattern)))).flat();
  return new Proxy(cluster, { get: (target, name) => (name === "keys" ? keysEverywhere : Reflect.get(target, name)) }) as unknown as Redis;
}

/**
 * A private redis-server on a free loopback port in a temporary directory, or the server REDIS_URL
 * names, or the cluster REDIS_CLUSTER_NODES names (scripts/redis-cluster.sh starts one). Ready when it
 * answers PING (ioredis retries the connection until then).
 */
export async function startRedis(): Promise<TestRedis> {
  const clusterNodes = testClusterNodes();
  if (clusterNodes.length > 0) {
    // One cluster serves the whole run: each test app starts from an empty keyspace, as with its own server.
    const shared: TestRedis = { url: `redis://${clusterNodes[0]}`, clusterNodes, stop: async () => undefined };
    const client = testRedisClient(shared) as unknown as Cluster;
    await new Promise<void>((resolve, reject) => {
      client.once("ready", () => resolve());
      client.once("end", () => reject(new Error(`the cluster at ${clusterNodes.join(",")} does not answer`)));
    });
    await Promise.all(client.nodes("master").map((node) => node.flushall()));
    client.disconnect();
    return shared;
  }
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, clusterNodes: [], stop: async () => undefined };
  return startPrivateRedis();
}

/** Always a private redis-server process, whatever the environment names (tests that stop or pause it). */
export async function startPrivateRedis(): Promise<TestRedis & { readonly pid: number }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "identity-redis-"));
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], { stdio: "ignore" });
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(url, child);
  return {
    url,
    clusterNodes: [],
    pid: child.pid!,
    async stop() {
      // A stopped (SIGSTOP) server must be continued to act on SIGTERM.
      child.kill("SIGCONT");
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

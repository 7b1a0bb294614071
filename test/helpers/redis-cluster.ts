import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { Cluster, Redis } from "ioredis";

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL("../../scripts/redis-cluster.sh", import.meta.url));

export interface ClusterNode {
  readonly port: number;
  readonly pid: number;
  readonly role: "master" | "slave";
}

/** A private 6-node cluster (scripts/redis-cluster.sh) for tests that kill nodes. */
export interface TestCluster {
  /** host:port of every node, as REDIS_CLUSTER_NODES takes them. */
  readonly nodes: readonly string[];
  /** A client of its own (stop() closes it). */
  readonly client: Cluster;
  /** Each node's port, PID and current role (asked of the node itself). */
  describe(): Promise<ClusterNode[]>;
  /** Starts a killed node again with its own configuration; it rejoins (as a replica if it lost its slots). */
  restart(port: number): Promise<void>;
  /** Resolves once every live master's replicas have everything it has written (offsets equal). */
  replicasInSync(): Promise<void>;
  /** The port of the master serving `key`'s slot now. */
  masterOf(key: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startTestCluster(env: Record<string, string> = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), "identity-cluster-"));
  try {
    await run("bash", [SCRIPT, "start", dir], { env: { ...process.env, ...env } });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const nodes = readFileSync(join(dir, "nodes"), "utf8").trim().split(",");
  const ports = nodes.map((n) => Number(n.split(":")[1]));
  const client = new Cluster(nodes.map((n) => ({ host: "127.0.0.1", port: Number(n.split(":")[1]) })), { enableOfflineQueue: true });
  client.on("error", () => undefined); // a killed node: expected in these tests
  await new Promise<void>((resolve) => client.once("ready", () => resolve()));
  const pidOf = (port: number) => Number(readFileSync(join(dir, String(port), "redis.pid"), "utf8").trim());
  const describeNodes = async (): Promise<ClusterNode[]> => {
    const out: ClusterNode[] = [];
    for (const port of ports) {
      const role = await run("redis-cli", ["-p", String(port), "role"]).then((r) => r.stdout.split("\n")[0]?.trim(), () => undefined);
      if (role === "master" || role === "slave") out.push({ port, pid: pidOf(port), role });
    }
    return out;
  };
  return {
    nodes,
    client,
    describe: describeNodes,
    async restart(port) {
      await run("bash", [SCRIPT, "restart", dir, String(port)]);
    },
    async replicasInSync() {
      for (let round = 0; round < 400; round++) {
        let behind = false;
        for (const node of await describeNodes()) {
          if (node.role !== "master") continue;
          const info = (await run("redis-cli", ["-p", String(node.port), "info", "replication"])).stdout;
          const offset = Number(/master_repl_offset:(\d+)/.exec(info)?.[1]);
          const replicas = [...info.matchAll(/slave\d+:.*offset=(\d+)/g)].map((m) => Number(m[1]));
          if (replicas.length === 0 || replicas.some((r) => r < offset)) behind = true;
        }
        if (!behind) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error("the replicas did not catch up within 10 s");
    },
    async masterOf(key) {
      for (const port of ports) {
        const node = new Redis(port, "127.0.0.1", { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        node.on("error", () => undefined);
        try {
          await node.connect();
          const slot = Number(await node.cluster("KEYSLOT", key));
          const ranges = await node.cluster("SLOTS");
          const range = ranges.find(([start, end]) => start <= slot && slot <= end);
          if (range?.[2]) return Number(range[2][1]);
        } catch {
          // a dead node: ask the next one
        } finally {
          node.disconnect();
        }
      }
      throw new Error(`no live node knows the master of ${key}`);
    },
    async stop() {
      client.disconnect();
      await run("bash", [SCRIPT, "stop", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

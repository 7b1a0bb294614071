import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import type { Ca, Issued } from "./pki.js";
import { freePort } from "./redis-server.js";

/** A redis-server (or several) listening only on a TLS port, requiring client certificates. */
export interface TlsRedis {
  readonly ports: readonly number[];
  stop(): Promise<void>;
}

export interface TlsRedisMaterial {
  readonly ca: Ca;
  readonly server: Issued;
  /** What the test's own connections present (tls-auth-clients yes). */
  readonly client: Issued;
}

/** `nodes` TLS-only servers; with `cluster`, made one Redis Cluster (all slots over the masters), TLS on the bus too. */
export async function startTlsRedis(material: TlsRedisMaterial, options: { nodes?: number; cluster?: boolean } = {}): Promise<TlsRedis> {
  const count = options.nodes ?? 1;
  const dir = mkdtempSync(join(tmpdir(), "identity-redis-tls-"));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      ports.push(port);
      const args = ["--port", "0", "--tls-port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir,
        "--tls-cert-file", material.server.chainFile, "--tls-key-file", material.server.keyFile, "--tls-ca-cert-file", material.ca.certFile, "--tls-auth-clients", "yes"];
      if (options.cluster) args.push("--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`, "--tls-cluster", "yes", "--tls-replication", "yes");
      children.push(spawn("redis-server", args, { stdio: "ignore" }));
    }
    await Promise.all(ports.map((port, i) => waitForPing(port, material, children[i]!)));
    if (options.cluster) await createCluster(ports, material);
  } catch (error) {
    await stopAll(children);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ports,
    async stop() {
      await stopAll(children);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tlsClientOptions(material: TlsRedisMaterial) {
  return { ca: material.ca.cert, cert: material.client.chain, key: material.client.key };
}

async function createCluster(ports: readonly number[], material: TlsRedisMaterial): Promise<void> {
  await promisify(execFile)("redis-cli", ["--tls", "--cacert", material.ca.certFile, "--cert", material.client.certFile, "--key", material.client.keyFile,
    "--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"]);
  // Every node agrees the cluster is up (slots assigned, gossip done) before anyone connects.
  for (const port of ports) {
    const client = new Redis({ host: "127.0.0.1", port, tls: tlsClientOptions(material), maxRetriesPerRequest: null });
    try {
      for (let i = 0; i < 200; i++) {
        const info = await client.cluster("INFO");
        if (String(info).includes("cluster_state:ok")) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      client.disconnect();
    }
  }
}

async function waitForPing(port: number, material: TlsRedisMaterial, child: ChildProcess): Promise<void> {
  const failed = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`))));
  const client = new Redis({ host: "127.0.0.1", port, tls: tlsClientOptions(material), retryStrategy: (times) => (times > 100 ? null : 50), maxRetriesPerRequest: null });
  client.on("error", () => undefined);
  try {
    await Promise.race([client.ping(), failed]);
  } finally {
    client.disconnect();
  }
}

async function stopAll(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(children.map((child) => {
    if (child.exitCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    return exited;
  }));
}

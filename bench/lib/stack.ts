import * as grpc from "@grpc/grpc-js";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ConfigFile } from "../../src/config/config-file.js";
import { MAX_RATE, QUOTA_CATEGORIES } from "../../src/flows/quotas/categories.js";
import { AdminServiceClient } from "../../src/gen/identity/v1/admin_service.js";
import { AuthServiceClient } from "../../src/gen/identity/v1/auth_service.js";
import { promiseClient } from "../../test/helpers/clients.js";
import { freePort, startRedis, type TestRedis } from "../../test/helpers/redis-server.js";

export interface BenchStack {
  readonly auth: ReturnType<typeof promiseClient<AuthServiceClient>>;
  readonly admin: ReturnType<typeof promiseClient<AdminServiceClient>>;
  readonly redisUrl: string;
  /** host:port of the gRPC server. */
  readonly address: string;
  readonly workers: number;
  /** The server's process (with IDP_WORKERS > 1, the cluster primary: the workers are its children). */
  readonly serverPid: number;
  /** The outbox key the server seals codes under: the bench opens them as a consumer would. */
  readonly outboxKey: Buffer;
  stop(): Promise<void>;
}

/**
 * A fresh Redis and the real server as separate processes (IDP_WORKERS of them), all on loopback,
 * as `make run` starts it (the build in dist/); the benchmark talks to it through the generated clients.
 * `nodeArgs` go to the server's node after BENCH_SERVER_NODE_ARGS (a profile run adds --cpu-prof).
 */
export async function startStack(config: ConfigFile, workers: number, nodeArgs: readonly string[] = []): Promise<BenchStack> {
  const redis: TestRedis = await startRedis();
  const dir = mkdtempSync(join(tmpdir(), "identity-bench-"));
  const configPath = join(dir, "config.json");
  writeFileSync(configPath, JSON.stringify(withoutQuotaLimits(config)));
  const port = await freePort();
  const outboxKey = randomBytes(32);
  const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean), ...nodeArgs, "dist/main.js"], {
    env: {
      ...process.env, GRPC_ADDR: `127.0.0.1:${port}`, HTTP_ADDR: "off", REDIS_URL: redis.url, IDP_CONFIG: configPath,
      IDP_MASTER_KEY: randomBytes(32).toString("base64"), CODE_SENDER: "redis-stream", IDP_OUTBOX_KEY: outboxKey.toString("hex"), LOG_LEVEL: "warn", IDP_WORKERS: String(workers),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const address = `127.0.0.1:${port}`;
  const authClient = new AuthServiceClient(address, grpc.credentials.createInsecure());
  const adminClient = new AdminServiceClient(address, grpc.credentials.createInsecure());
  await waitForReady(authClient, server);
  return {
    outboxKey,
    auth: promiseClient(authClient),
    admin: promiseClient(adminClient),
    redisUrl: redis.url,
    address,
    workers,
    serverPid: server.pid!,
    async stop() {
      authClient.close();
      adminClient.close();
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Raises every pool's request-rate quotas (docs/quotas.md) to the maximum unless the bench sets
 * its own: a benchmark measures the server's cost per call, quota check included, not the
 * default 120 sign-ins a second.
 */
export function withoutQuotaLimits(config: ConfigFile): ConfigFile {
  const unlimited = Object.fromEntries(QUOTA_CATEGORIES.map((c) => [c[0]!.toLowerCase() + c.slice(1), MAX_RATE]));
  const pools = (config.pools ?? []).map((pool) => ({ ...pool, settings: { requestRateQuotas: unlimited, ...pool.settings } }));
  return { ...config, pools };
}

function waitForReady(client: grpc.Client, server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    client.waitForReady(Date.now() + 60_000, (error) => (error ? reject(error) : resolve()));
  });
}

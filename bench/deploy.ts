import * as grpc from "@grpc/grpc-js";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { ConfigFile } from "../src/config/config-file.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { AuthFlow } from "../src/gen/identity/v1/common.js";
import { bearer, promiseClient } from "../test/helpers/clients.js";
import { startTestCluster, type TestCluster } from "../test/helpers/redis-cluster.js";
import { startRedis, type TestRedis } from "../test/helpers/redis-server.js";
import { startServerProcess, type ServerProcess } from "../test/helpers/built-server-process.js";
import { sha256 } from "../test/helpers/test-app.js";
import { runLoad, type LoadResult } from "./lib/load.js";
import { withoutQuotaLimits } from "./lib/stack.js";
import { percentile } from "./lib/stats.js";

const POOL = "us-east-1_BenchDeploy";
const CLIENT = "benchdeployclient000000000";
const PASSWORD = "Bench-Password-1";
const ADMIN = "bench-deploy-admin-token-0123";
// Without quotas, like every bench stack (stack.ts): with Cognito's defaults most calls were refused.
const CONFIG: ConfigFile = withoutQuotaLimits({
  adminCredentials: [{ tokenSha256: sha256(ADMIN), pools: "*" }],
  pools: [{ id: POOL, name: "bench", clients: [{ clientId: CLIENT, name: "bench", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }] }],
});

interface Setup {
  readonly label: string;
  readonly redis: "standalone" | "cluster";
  readonly processes: number;
  readonly durability?: "async" | "replica";
}

/**
 * Deployment shapes side by side (make bench): USER_PASSWORD_AUTH on one vs two independent server
 * processes (each on its own port, calls alternating), standalone Redis vs a 6-node cluster, with
 * server and Redis CPU per login read from /proc by PID; then the cost of IDP_DURABILITY=replica on
 * sign-ups (user-creating writes followed by WAIT) on the cluster.
 */
export async function deployBench(): Promise<string[]> {
  const lines: string[] = [];
  const logins: Record<string, number> = {};
  for (const setup of [
    { label: "standalone, 1 process", redis: "standalone", processes: 1 },
    { label: "standalone, 2 processes", redis: "standalone", processes: 2 },
    { label: "cluster (3+3), 1 process", redis: "cluster", processes: 1 },
  ] as const satisfies readonly Setup[]) {
    const r = await measure(setup, "login");
    logins[setup.label] = r.serverCpu;
    lines.push(r.line);
  }
  const one = logins["standalone, 1 process"]!;
  const two = logins["standalone, 2 processes"]!;
  lines.push(`  two processes vs one: server CPU per login ${(((two - one) / one) * 100).toFixed(1)} % (target: within 10 %)`);
  const asyncSignUp = await measure({ label: "cluster, IDP_DURABILITY=async", redis: "cluster", processes: 1, durability: "async" }, "signUp");
  const replicaSignUp = await measure({ label: "cluster, IDP_DURABILITY=replica", redis: "cluster", processes: 1, durability: "replica" }, "signUp");
  lines.push(asyncSignUp.line, replicaSignUp.line);
  lines.push(`  WAIT cost per sign-up under load: p50 ${(replicaSignUp.p50 - asyncSignUp.p50).toFixed(2)} ms, throughput ${(((replicaSignUp.rate - asyncSignUp.rate) / asyncSignUp.rate) * 100).toFixed(1)} %, Redis CPU +${(replicaSignUp.redisCpu - asyncSignUp.redisCpu).toFixed(3)} ms`);
  return lines;
}

async function measure(setup: Setup, op: "login" | "signUp") {
  const redis: TestRedis | TestCluster = setup.redis === "cluster" ? await startTestCluster() : await startRedis();
  const env = {
    ...("clusterNodes" in redis ? { REDIS_URL: redis.url } : { REDIS_CLUSTER_NODES: redis.nodes.join(",") }),
    IDP_MASTER_KEY: randomBytes(32).toString("base64"), IDP_DURABILITY: setup.durability ?? "async",
  };
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < setup.processes; i++) servers.push(await startServerProcess(CONFIG, env));
    const redisPids = "clusterNodes" in redis ? redisPidsOfStandalone() : (await redis.describe()).map((n) => n.pid);
    // Separate connections per server, calls alternating between the servers.
    const channels = servers.flatMap((s) => Array.from({ length: 4 }, () => promiseClient(new AuthServiceClient(`127.0.0.1:${s.port}`, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 }))));
    const users = Array.from({ length: 32 }, (_, i) => `bench-${i}`);
    for (const username of users) {
      await servers[0]!.clients.auth.signUp({ clientId: CLIENT, secretHash: "", username, password: PASSWORD, userAttributes: [], validationData: [], clientMetadata: {} });
      await servers[0]!.clients.admin.adminConfirmSignUp({ userPoolId: POOL, username, clientMetadata: {} }, bearer(ADMIN));
    }
    let serial = 0;
    const call = (i: number) => {
      const channel = channels[i % channels.length]!;
      const request = op === "login"
        ? channel.initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: users[i % users.length]!, PASSWORD }, clientMetadata: {} })
        : channel.signUp({ clientId: CLIENT, secretHash: "", username: `new-${serial++}`, password: PASSWORD, userAttributes: [], validationData: [], clientMetadata: {} });
      return request.then((r) => { if (r.result?.$case !== (op === "login" ? "authenticationResult" : "success")) throw new Error(String(r.result?.$case)); });
    };
    await runLoad({ total: 400, concurrency: 16, maxSeconds: 30, call }); // warm-up: JIT and caches of every process
    const serverPids = servers.map((s) => s.pid);
    const before = [cpuMs(serverPids), cpuMs(redisPids)];
    const run: LoadResult = await runLoad({ total: op === "login" ? 2000 : 1000, concurrency: 16, maxSeconds: 40, call });
    const serverCpu = (cpuMs(serverPids) - before[0]!) / run.latencies.length;
    const redisCpu = (cpuMs(redisPids) - before[1]!) / run.latencies.length;
    const rate = run.latencies.length / run.seconds;
    const p50 = percentile(run.latencies, 50);
    const line = `${op === "login" ? "USER_PASSWORD_AUTH" : "SignUp"}, ${setup.label}, concurrency 16: ${run.latencies.length} ok, ${run.errors} errors, ${rate.toFixed(0)}/s, p50 ${p50.toFixed(1)} ms, p99 ${percentile(run.latencies, 99).toFixed(1)} ms; CPU per call: server ${serverCpu.toFixed(2)} ms, redis ${redisCpu.toFixed(3)} ms`;
    channels.forEach((c) => (c as unknown as { close(): void }).close());
    return { line, serverCpu, redisCpu, rate, p50 };
  } finally {
    for (const server of servers) await server.stop();
    await redis.stop();
  }
}

/** utime + stime of these PIDs, in ms (Linux /proc, USER_HZ 100). */
function cpuMs(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // exited
    }
  }
  return total;
}

/** The standalone redis-server startRedis() spawned: our child named redis-server. */
function redisPidsOfStandalone(): number[] {
  return readdirSync("/proc").filter((e: string) => /^\d+$/.test(e)).map(Number).filter((pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.includes("(redis-server)") && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid;
    } catch {
      return false;
    }
  });
}

import * as grpc from "@grpc/grpc-js";
import { KeyObject, randomUUID, sign } from "node:crypto";
import { availableParallelism } from "node:os";
import { newSigningKeyMaterial, signingKeyFrom } from "../src/crypto/signing-keys.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { promiseClient } from "../test/helpers/clients.js";
import { runLoad, timePerCall } from "./lib/load.js";
import { cpuSince, descendantCpuMs } from "./lib/process-cpu.js";
import { percentile } from "./lib/stats.js";
import { startStack } from "./lib/stack.js";

const POOL = "us-east-1_BenchM2m";
const CLIENT = "benchmachineclient00000000";
const SECRET = "benchsecret00000000000000000000000000000000000000000";

/**
 * GetClientToken (client credentials) at concurrency 32 against a server with a fresh Redis, and
 * the server's CPU per token beside its crypto floor — one RS256 signature — measured in the same
 * run. Issue #11's target: server CPU per token ≤ 1.3× the floor.
 */
export async function clientTokenBench(workers: number): Promise<string[]> {
  const stack = await startStack({
    pools: [{
      id: POOL, name: "bench-m2m",
      resourceServers: [{ identifier: "https://orders", name: "orders", scopes: [{ scopeName: "read", scopeDescription: "read" }, { scopeName: "write", scopeDescription: "write" }] }],
      clients: [{ clientId: CLIENT, name: "bench", secret: SECRET, explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"], allowedOauthFlows: ["client_credentials"], allowedOauthScopes: ["https://orders/read", "https://orders/write"] }],
    }],
  }, workers);
  try {
    // Separate connections, so the cluster's round-robin spreads them over the server processes.
    const channels = Array.from({ length: workers * 2 }, () => promiseClient(new AuthServiceClient(stack.address, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 })));
    const getToken = (i: number) => channels[i % channels.length]!.getClientToken({ clientId: CLIENT, secret: SECRET, scopes: ["https://orders/read"], clientMetadata: {} })
      .then((r) => { if (r.result?.$case !== "success") throw new Error(r.result?.$case); });
    await runLoad({ total: 500, concurrency: 32, maxSeconds: 30, call: getToken });
    const cpu0 = process.cpuUsage();
    const children0 = descendantCpuMs();
    const run = await runLoad({ total: 10_000, concurrency: 32, maxSeconds: 60, call: getToken });
    const children = cpuSince(children0, descendantCpuMs());
    const cpu = process.cpuUsage(cpu0);
    const perToken = (ms: number) => ms / run.latencies.length;
    const server = perToken(children.get("node") ?? NaN);
    const floor = await oneSignature();
    const cores = availableParallelism();
    return [
      `GetClientToken, concurrency 32, ${workers} server process(es), ${cores} cores shared with the load generator`,
      `  tokens: ${run.latencies.length} ok, ${run.errors} errors in ${run.seconds.toFixed(1)} s → ${(run.latencies.length / run.seconds).toFixed(0)} tokens/s`,
      `  latency: p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p99 ${percentile(run.latencies, 99).toFixed(1)} ms`,
      `  CPU per token: server ${server.toFixed(3)} ms, redis ${perToken(children.get("redis-server") ?? NaN).toFixed(3)} ms, load generator ${perToken((cpu.user + cpu.system) / 1000).toFixed(3)} ms`,
      `  crypto floor (one RS256 signature, same run): ${floor.toFixed(3)} ms → server CPU per token = ${(server / floor).toFixed(2)}× the floor (target ≤ 1.3×)`,
    ];
  } finally {
    await stack.stop();
  }
}

/**
 * One RS256 signature (RSASSA-PKCS1-v1_5, SHA-256, a 2048-bit pool key) over a signing input of a
 * client token's size: the crypto a token cannot do without. The best of five batches, so a
 * neighbour's burst on the shared cores does not lower the bar.
 */
async function oneSignature(): Promise<number> {
  const key = KeyObject.from((await signingKeyFrom(await newSigningKeyMaterial())).privateKey);
  const claims = { sub: CLIENT, token_use: "access", scope: "https://orders/read", auth_time: 0, version: 2, client_id: CLIENT, iss: `http://localhost:8080/${POOL}`, iat: 0, exp: 3600, jti: randomUUID() };
  const input = Buffer.from(`${Buffer.from(JSON.stringify({ alg: "RS256", kid: "k".repeat(43) })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`);
  const batches: number[] = [];
  for (let i = 0; i < 5; i++) batches.push(await timePerCall(400, () => sign("sha256", input, key)));
  return Math.min(...batches);
}

import * as grpc from "@grpc/grpc-js";
import { spawn } from "node:child_process";
import { KeyObject, randomUUID, sign } from "node:crypto";
import { availableParallelism } from "node:os";
import { newSigningKeyMaterial, signingKeyFrom } from "../src/crypto/signing-keys.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { promiseClient } from "../test/helpers/clients.js";
import { runLoad } from "./lib/load.js";
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
    // The floor under the same load: a separate process signing while the server does (its own CPU time).
    const floorUnderLoad = signaturesElsewhere();
    const run = await runLoad({ total: 10_000, concurrency: 32, maxSeconds: 60, call: getToken });
    const children = cpuSince(children0, descendantCpuMs());
    const loadedFloor = await floorUnderLoad;
    const cpu = process.cpuUsage(cpu0);
    const perToken = (ms: number) => ms / run.latencies.length;
    // The signer is a node process too: its CPU is not the server's.
    const server = perToken((children.get("node") ?? NaN) - loadedFloor.cpuMs);
    // The same calls with a wrong secret: every step but the signature (the answer is not_authorized).
    const refused = (i: number) => channels[i % channels.length]!.getClientToken({ clientId: CLIENT, secret: "wrong", scopes: ["https://orders/read"], clientMetadata: {} })
      .then((r) => { if (r.result?.$case !== "notAuthorized") throw new Error(r.result?.$case); });
    const refused0 = descendantCpuMs();
    const refusedRun = await runLoad({ total: 10_000, concurrency: 32, maxSeconds: 60, call: refused });
    const unsigned = (cpuSince(refused0, descendantCpuMs()).get("node") ?? NaN) / refusedRun.latencies.length;
    const floor = await oneSignature();
    const cores = availableParallelism();
    return [
      `GetClientToken, concurrency 32, ${workers} server process(es), ${cores} cores shared with the load generator`,
      `  tokens: ${run.latencies.length} ok, ${run.errors} errors in ${run.seconds.toFixed(1)} s → ${(run.latencies.length / run.seconds).toFixed(0)} tokens/s`,
      `  latency: p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p99 ${percentile(run.latencies, 99).toFixed(1)} ms`,
      `  CPU per token: server ${server.toFixed(3)} ms, redis ${perToken(children.get("redis-server") ?? NaN).toFixed(3)} ms, load generator ${perToken((cpu.user + cpu.system) / 1000).toFixed(3)} ms`,
      `  crypto floor, one RS256 signature (2048-bit key), same run: ${loadedFloor.perSignature.toFixed(3)} ms while the load ran (${floor.toFixed(3)} ms on its own afterwards)`,
      `  → server CPU per token = ${(server / loadedFloor.perSignature).toFixed(2)}× the floor measured under the same load (${(server / floor).toFixed(2)}× the quiet one); target ≤ 1.3×`,
      `  the same call refused (wrong secret, no signature): server ${unsigned.toFixed(3)} ms per call — gRPC, decoding, lookup, comparison, metrics`,
    ];
  } finally {
    await stack.stop();
  }
}

/**
 * One RS256 signature (RSASSA-PKCS1-v1_5, SHA-256, a 2048-bit pool key) over a signing input of a
 * client token's size: the crypto a token cannot do without. Measured as CPU time, like the server's
 * figure (wall time would count a neighbour's turn on the shared cores), best of five batches.
 */
async function oneSignature(): Promise<number> {
  const key = KeyObject.from((await signingKeyFrom(await newSigningKeyMaterial())).privateKey);
  const claims = { sub: CLIENT, token_use: "access", scope: "https://orders/read", auth_time: 0, version: 2, client_id: CLIENT, iss: `http://localhost:8080/${POOL}`, iat: 0, exp: 3600, jti: randomUUID() };
  const input = Buffer.from(`${Buffer.from(JSON.stringify({ alg: "RS256", kid: "k".repeat(43) })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`);
  for (let i = 0; i < 50; i++) sign("sha256", input, key);
  const batches: number[] = [];
  for (let batch = 0; batch < 5; batch++) {
    const started = process.cpuUsage();
    for (let i = 0; i < 400; i++) sign("sha256", input, key);
    const used = process.cpuUsage(started);
    batches.push((used.user + used.system) / 1000 / 400);
  }
  return Math.min(...batches);
}

/** What the signer process measured: CPU ms per signature (best batch) and its whole CPU time. */
interface SignerResult {
  readonly perSignature: number;
  readonly cpuMs: number;
}

/**
 * One RS256 signature's CPU cost while the server is busy: a child process signs in batches during
 * the load run (the cores are shared, so a quiet-machine floor would flatter nothing and blame the
 * server for the neighbours), and reports its own CPU time per signature.
 */
function signaturesElsewhere(): Promise<SignerResult> {
  const code = `
    const { generateKeyPairSync, sign } = require("node:crypto");
    const key = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const input = Buffer.alloc(420, 97);
    for (let i = 0; i < 20; i++) sign("sha256", input, key);
    const batches = [];
    for (let b = 0; b < 8; b++) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < 50; i++) sign("sha256", input, key);
      const u = process.cpuUsage(t0);
      batches.push((u.user + u.system) / 1000 / 50);
      const until = Date.now() + 300; while (Date.now() < until) {} // spread the batches over the run
    }
    const all = process.cpuUsage();
    process.stdout.write(JSON.stringify({ perSignature: Math.min(...batches), cpuMs: (all.user + all.system) / 1000 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (status) => (status === 0 ? resolve(JSON.parse(out) as SignerResult) : reject(new Error(`signer exited with ${status}`))));
  });
}

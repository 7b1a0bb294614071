import * as grpc from "@grpc/grpc-js";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import { SignJWT } from "jose";
import { newSigningKeyMaterial, signingKeyFrom } from "../src/crypto/signing-keys.js";
import { newSalt, verifierFromPassword } from "../src/crypto/srp.js";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { AuthFlow } from "../src/gen/identity/v1/common.js";
import { promiseClient } from "../test/helpers/clients.js";
import { runLoad, timePerCall } from "./lib/load.js";
import { cpuSince, descendantCpuMs } from "./lib/process-cpu.js";
import { percentile } from "./lib/stats.js";
import { startStack } from "./lib/stack.js";
import { createConfirmedUsers } from "./lib/users.js";

const POOL = "us-east-1_BenchPwd";
const CLIENT = "benchpasswordclient0000000";
const PASSWORD = "Bench-Password-1";

/**
 * USER_PASSWORD_AUTH at concurrency 32 against a server with a fresh Redis (issue #2's benchmark),
 * beside the per-login crypto cost measured in the same run: one 3072-bit verifier exponentiation
 * and two RS256 signatures.
 */
export async function passwordSignInBench(workers: number): Promise<string[]> {
  const stack = await startStack({
    pools: [{ id: POOL, name: "bench", settings: { autoVerifiedAttributes: ["email"] }, clients: [{ clientId: CLIENT, name: "bench", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }],
  }, workers);
  try {
    const users = await createConfirmedUsers(stack, POOL, CLIENT, "bench-user-", 64, PASSWORD);
    const channels = clientsPerWorker(workers * 2);
    const signIn = (i: number) => channels[i % channels.length]!.initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: users[i % users.length]!, PASSWORD: PASSWORD }, clientMetadata: {} })
      .then((r) => { if (r.result?.$case !== "authenticationResult") throw new Error(r.result?.$case); });
    await runLoad({ total: 200, concurrency: 32, maxSeconds: 30, call: signIn });
    const cpu0 = process.cpuUsage();
    const children0 = descendantCpuMs();
    const run = await runLoad({ total: 6000, concurrency: 32, maxSeconds: 60, call: signIn });
    const children = cpuSince(children0, descendantCpuMs());
    const cpu = process.cpuUsage(cpu0);
    const perLogin = (ms: number) => (ms / run.latencies.length).toFixed(2);
    const crypto = await cryptoCostPerLogin();
    const cores = availableParallelism();
    return [
      `USER_PASSWORD_AUTH, concurrency 32, ${workers} server process(es), ${cores} cores shared with the load generator`,
      `  sign-ins: ${run.latencies.length} ok, ${run.errors} errors in ${run.seconds.toFixed(1)} s → ${(run.latencies.length / run.seconds).toFixed(0)} logins/s`,
      `  latency: p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p99 ${percentile(run.latencies, 99).toFixed(1)} ms`,
      `  CPU per login: server ${perLogin(children.get("node") ?? NaN)} ms, redis ${perLogin(children.get("redis-server") ?? NaN)} ms, load generator ${perLogin((cpu.user + cpu.system) / 1000)} ms`,
      `  server crypto per login (same run): ${crypto.toFixed(2)} ms → ceiling ${((1000 / crypto) * cores).toFixed(0)} logins/s on ${cores} cores`,
    ];
  } finally {
    await stack.stop();
  }

  function clientsPerWorker(count: number) {
    // Separate connections, so the cluster's round-robin spreads them over the server processes.
    return Array.from({ length: count }, () => promiseClient(new AuthServiceClient(stack.address, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 })));
  }
}

async function cryptoCostPerLogin(): Promise<number> {
  const key = await signingKeyFrom(await newSigningKeyMaterial());
  const salt = newSalt((n) => Buffer.alloc(n, 7));
  const sign = () => new SignJWT({ sub: randomUUID(), token_use: "access" }).setProtectedHeader({ alg: "RS256", kid: key.kid }).setIssuedAt().setExpirationTime("1h").sign(key.privateKey);
  return timePerCall(300, async () => {
    verifierFromPassword("BenchPwd", "bench-user-1", PASSWORD, salt);
    await Promise.all([sign(), sign()]);
  });
}

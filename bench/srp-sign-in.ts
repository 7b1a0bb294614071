import { randomBytes, randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { SignJWT } from "jose";
import { keyedDigest } from "../src/crypto/derived-keys.js";
import { openSecretBlock, sealSecretBlock, secretBlockBytes } from "../src/crypto/secret-block.js";
import { newSigningKeyMaterial, signingKeyFrom } from "../src/crypto/signing-keys.js";
import {
  formatTimestamp, newSalt, passwordClaimSignature, serverChallenge, serverSessionKey, signaturesMatch, verifierFromPassword,
} from "../src/crypto/srp.js";
import { runLoad, timePerCall, type LoadResult } from "./lib/load.js";
import { percentile } from "./lib/stats.js";
import { startStack } from "./lib/stack.js";
import { createConfirmedUsers } from "./lib/users.js";
import { authClients, SrpLoadClient, srpInitiate, srpRespond } from "./srp-load-client.js";
import { cpuSince, descendantCpuMs } from "./lib/process-cpu.js";

const POOL = "us-east-1_BenchSrp";
const CLIENT = "benchsrpclient000000000000";
const PASSWORD = "Bench-Password-1";

/**
 * Full USER_SRP_AUTH sign-ins (InitiateAuth + RespondToAuthChallenge) at concurrency 32 against a
 * server with a fresh Redis, beside the ceiling its own SRP crypto sets, measured in the same run:
 * g^b, sealing, unsealing, v^u, (A·v^u)^b, HKDF, two HMACs and the simulation digests every
 * request computes, per sign-in, on every core.
 */
export async function srpSignInBench(workers: number): Promise<string[]> {
  const stack = await startStack({
    pools: [{ id: POOL, name: "bench", settings: { autoVerifiedAttributes: ["email"] }, clients: [{ clientId: CLIENT, name: "bench", explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }] }],
  }, workers);
  try {
    const users = await createConfirmedUsers(stack, POOL, CLIENT, "bench-srp-", 64, PASSWORD);
    const channels = authClients(stack.address, workers * 2);
    const client = new SrpLoadClient(POOL);
    const signIn = async (i: number) => {
      const auth = channels[i % channels.length]!;
      const challenge = await srpInitiate(auth, CLIENT, users[i % users.length]!, client.A);
      const outcome = await srpRespond(auth, CLIENT, client.answer(challenge, PASSWORD));
      if (outcome !== "authenticationResult") throw new Error(outcome);
    };
    await runLoad({ total: 300, concurrency: 32, maxSeconds: 30, call: signIn });
    const measured = await measuredRun(signIn);
    return report(workers, measured, srpCryptoPerSignIn(), await tokenSignaturesPerSignIn());
  } finally {
    await stack.stop();
  }
}

interface MeasuredRun {
  readonly run: LoadResult;
  /** CPU milliseconds per sign-in of the load generator, the server processes and Redis. */
  readonly cpu: { readonly client: number; readonly server: number; readonly redis: number };
  readonly loadBefore: string;
}

async function measuredRun(signIn: (i: number) => Promise<void>): Promise<MeasuredRun> {
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(" ");
  const own0 = process.cpuUsage();
  const children0 = descendantCpuMs();
  const run = await runLoad({ total: 5000, concurrency: 32, maxSeconds: 60, call: signIn });
  const children = cpuSince(children0, descendantCpuMs());
  const own = process.cpuUsage(own0);
  const perSignIn = (ms: number) => ms / Math.max(1, run.latencies.length);
  const cpu = { client: perSignIn((own.user + own.system) / 1000), server: perSignIn(children.get("node") ?? NaN), redis: perSignIn(children.get("redis-server") ?? NaN) };
  return { run, cpu, loadBefore };
}

function report(workers: number, { run, cpu, loadBefore }: MeasuredRun, srp: number, tokens: number): string[] {
  const cores = availableParallelism();
  const rate = run.latencies.length / run.seconds;
  const ceiling = (ms: number) => (1000 / ms) * cores;
  const share = (ms: number) => `${((100 * rate) / ceiling(ms)).toFixed(0)} %`;
  return [
    `USER_SRP_AUTH (InitiateAuth + RespondToAuthChallenge), concurrency 32, ${workers} server process(es), ${cores} cores shared with the load generator`,
    `  sign-ins: ${run.latencies.length} ok, ${run.errors} errors in ${run.seconds.toFixed(1)} s → ${rate.toFixed(0)} sign-ins/s`,
    `  latency (both calls): p50 ${percentile(run.latencies, 50).toFixed(1)} ms, p99 ${percentile(run.latencies, 99).toFixed(1)} ms`,
    `  server SRP crypto per sign-in (same run, best of 5): ${srp.toFixed(2)} ms → ceiling ${ceiling(srp).toFixed(0)} sign-ins/s on ${cores} cores → ${share(srp)} of it`,
    `  with the two RS256 token signatures: ${(srp + tokens).toFixed(2)} ms → ceiling ${ceiling(srp + tokens).toFixed(0)} sign-ins/s → ${share(srp + tokens)} of it`,
    `  CPU per sign-in in the run: server processes ${cpu.server.toFixed(2)} ms (SRP crypto ${((100 * srp) / cpu.server).toFixed(0)} % of it), redis ${cpu.redis.toFixed(2)} ms, load generator ${cpu.client.toFixed(2)} ms`,
    `  → everything on these ${cores} cores allows at most ${ceiling(cpu.server + cpu.redis + cpu.client).toFixed(0)} sign-ins/s (load average before the run: ${loadBefore})`,
  ];
}

/** The server's SRP work for one sign-in, in this process, as the flows do it. */
function srpCryptoPerSignIn(): number {
  const poolName = "BenchSrp";
  const key = randomBytes(32);
  const simulation = randomBytes(32);
  const salt = newSalt(randomBytes);
  const verifier = verifierFromPassword(poolName, "bench-srp-1", PASSWORD, salt);
  const client = new SrpLoadClient(POOL);
  const timestamp = formatTimestamp(new Date());
  const simulatedDigests = (count: number) => {
    for (let i = 0; i < count; i++) keyedDigest(simulation, "verifier", POOL, "bench-srp-1", String(i));
  };
  const step1 = () => {
    simulatedDigests(14); // salt, uuid and the 12-block fake verifier, computed for every name
    const { b, B } = serverChallenge(verifier, randomBytes);
    return { b, B, block: sealSecretBlock(key, { poolId: POOL, clientId: CLIENT, userId: "bench-srp-1", lockoutSubject: "u:bench-srp-1", simulated: false, b, A: client.A, B, issuedAt: Date.now() }) };
  };
  const step2 = (block: string) => {
    simulatedDigests(12);
    const state = openSecretBlock(key, secretBlockBytes(block))!;
    const hkdf = serverSessionKey(state.A, state.B, state.b, verifier)!;
    signaturesMatch(passwordClaimSignature(hkdf, poolName, state.userId, block, timestamp), "x");
  };
  // Only the server's two steps are timed; the blocks are made beforehand, in the same way. Best
  // of five rounds: the cost on an otherwise idle core, so other processes do not inflate it.
  const blocks = Array.from({ length: 200 }, () => step1().block);
  let i = 0;
  const round = () => timeSync(200, step1) + timeSync(200, () => step2(blocks[i++ % blocks.length]!));
  return Math.min(...Array.from({ length: 5 }, round));
}

async function tokenSignaturesPerSignIn(): Promise<number> {
  const key = await signingKeyFrom(await newSigningKeyMaterial());
  const sign = () => new SignJWT({ sub: randomUUID(), token_use: "access" }).setProtectedHeader({ alg: "RS256", kid: key.kid }).setIssuedAt().setExpirationTime("1h").sign(key.privateKey);
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) rounds.push(await timePerCall(100, async () => Promise.all([sign(), sign()])));
  return Math.min(...rounds);
}

function timeSync(iterations: number, work: () => unknown): number {
  for (let i = 0; i < 20; i++) work();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) work();
  return (performance.now() - started) / iterations;
}

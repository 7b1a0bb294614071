import * as grpc from "@grpc/grpc-js";
import { readdirSync, readFileSync } from "node:fs";
import { AuthServiceClient } from "../src/gen/identity/v1/auth_service.js";
import { AuthFlow } from "../src/gen/identity/v1/common.js";
import { promiseClient } from "../test/helpers/clients.js";
import { percentile } from "./lib/stats.js";
import { startStack } from "./lib/stack.js";
import { createConfirmedUsers } from "./lib/users.js";

const POOL = "us-east-1_BenchOverload";
const CLIENT = "benchoverloadclient0000000";
const PASSWORD = "Bench-Password-1";
const LEVELS = [32, 128, 512, 2048];

/**
 * The overload curve (docs/quotas.md): USER_PASSWORD_AUTH at rising concurrency, each level bounded
 * in calls and seconds. A shed call (too_many_requests) backs off exponentially with jitter before
 * trying again (25 ms doubling to 2 s, reset by a success), as AWS SDKs' retry strategies do.
 * Reported per level: goodput, share shed, p99 of accepted calls, the server's peak RSS.
 */
export async function overloadBench(workers: number): Promise<string[]> {
  const stack = await startStack({
    pools: [{ id: POOL, name: "overload", settings: { autoVerifiedAttributes: ["email"] }, clients: [{ clientId: CLIENT, name: "overload", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] }] }],
  }, workers);
  const raw = Array.from({ length: workers * 4 }, () => new AuthServiceClient(stack.address, grpc.credentials.createInsecure(), { "grpc.use_local_subchannel_pool": 1 }));
  const channels = raw.map((c) => promiseClient(c));
  try {
    const users = await createConfirmedUsers(stack, POOL, CLIENT, "overload-user-", 64, PASSWORD);
    const signIn = (i: number) => channels[i % channels.length]!.initiateAuth({ clientId: CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: users[i % users.length]!, PASSWORD }, clientMetadata: {} });
    const lines = [`USER_PASSWORD_AUTH under rising load, ${workers} server process(es), IDP_MAX_IN_FLIGHT ${process.env.IDP_MAX_IN_FLIGHT ?? "128 (default)"} per process`];
    let peak = 0;
    let p99At32 = NaN;
    for (const concurrency of LEVELS) {
      const level = await runLevel(concurrency, signIn);
      peak = Math.max(peak, level.goodput);
      if (concurrency === 32) p99At32 = level.p99;
      lines.push(`  concurrency ${String(concurrency).padStart(4)}: goodput ${level.goodput.toFixed(0)} sign-ins/s, shed ${(100 * level.shedShare).toFixed(1)} %, p99 accepted ${level.p99.toFixed(1)} ms (${(level.p99 / p99At32).toFixed(2)}× the p99 at 32), errors ${level.errors}, server RSS ${level.rssMb.toFixed(0)} MB`);
      if (concurrency === LEVELS.at(-1)) lines.push(`  goodput at ${concurrency}: ${(100 * level.goodput / peak).toFixed(0)} % of the peak (target ≥ 90 %); p99 ratio target ≤ 3×`);
    }
    return lines;
  } finally {
    for (const c of raw) c.close();
    await stack.stop();
  }
}

interface Level {
  readonly goodput: number;
  readonly shedShare: number;
  readonly p99: number;
  readonly errors: number;
  readonly rssMb: number;
}

async function runLevel(concurrency: number, call: (i: number) => Promise<{ result?: { $case: string } | undefined }>): Promise<Level> {
  const total = Math.max(3000, concurrency * 3);
  const maxMs = 25_000;
  const latencies: number[] = [];
  let shed = 0;
  let errors = 0;
  let next = 0;
  let rss = 0;
  const sampler = setInterval(() => { rss = Math.max(rss, serverRssBytes()); }, 250);
  const started = performance.now();
  const worker = async () => {
    let backoffs = 0;
    while (next < total && performance.now() - started < maxMs) {
      const i = next++;
      const t0 = performance.now();
      try {
        const answer = await call(i);
        if (answer.result?.$case === "authenticationResult") {
          latencies.push(performance.now() - t0);
          backoffs = 0;
        } else if (answer.result?.$case === "tooManyRequests") {
          shed++;
          const delay = Math.min(2000, 25 * 2 ** backoffs++) * (0.5 + Math.random());
          await new Promise((resolve) => setTimeout(resolve, delay));
        } else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  return { goodput: latencies.length / seconds, shedShare: shed / (shed + latencies.length), p99: percentile(latencies, 99), errors, rssMb: rss / 1024 / 1024 };
}

/** Resident memory of this process's descendant node processes (the server), Linux /proc. */
function serverRssBytes(): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (!/^Name:\s+node/m.test(status)) continue;
      parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // exited meanwhile
    }
  }
  const isServer = (pid: number): boolean => pid !== process.pid && descends(pid);
  const descends = (pid: number): boolean => { for (let p = parents.get(pid); p !== undefined; p = parents.get(p)) if (p === process.pid) return true; return false; };
  return [...rss].filter(([pid]) => isServer(pid)).reduce((sum, [, bytes]) => sum + bytes, 0);
}

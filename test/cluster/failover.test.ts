import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { bearer } from "../helpers/clients.js";
import { startTestCluster, type TestCluster } from "../helpers/redis-cluster.js";
import { startServerProcess, type ServerProcess } from "../helpers/built-server-process.js";
import { ADMIN_TOKEN, CLUSTER_CONFIG, PASSWORD, POOLS, clientOf, poolKey, serverEnv, statusOf } from "./cluster-fixture.js";
import { recordResult } from "./results.js";

interface Call {
  readonly at: number;
  readonly pool: string;
  readonly op: "signUp" | "signIn";
  /** The result arm, or "status:<code>" for a gRPC error. */
  readonly outcome: string;
}

const EXPECTED = { signUp: "success", signIn: "authenticationResult" } as const;

describe("Redis Cluster: a master is SIGKILLed under sign-up/sign-in load", function () {
  this.timeout(180_000);
  let cluster: TestCluster;
  let server: ServerProcess;

  before(async () => {
    cluster = await startTestCluster();
    server = await startServerProcess(CLUSTER_CONFIG, serverEnv(cluster.nodes, { LOG_LEVEL: "error" }));
  });
  after(async () => {
    await server?.stop();
    await cluster?.stop();
  });

  it("keeps one pool's keys in one slot and spreads the pools over the three masters", async () => {
    const masters = new Set(await Promise.all(POOLS.map((pool) => cluster.masterOf(poolKey(pool)))));
    expect(masters.size).to.equal(3);
  });

  it("answers only UNAVAILABLE while the replica takes over, then serves again without a restart", async () => {
    const { auth, admin } = server.clients;
    const metadata = bearer(ADMIN_TOKEN);
    // Users to sign in, replicated before the kill (an unreplicated write may vanish: that is the
    // durability test's subject, not this one's).
    const users = new Map<string, string[]>();
    for (const pool of POOLS) {
      const names = Array.from({ length: 8 }, (_, i) => `resident-${i}`);
      for (const name of names) {
        const signedUp = await auth.signUp({ clientId: clientOf(pool), secretHash: "", username: name, password: PASSWORD, userAttributes: [], validationData: [], clientMetadata: {} });
        expect(signedUp.result?.$case).to.equal("success");
        const confirmed = await admin.adminConfirmSignUp({ userPoolId: pool, username: name, clientMetadata: {} }, metadata);
        expect(confirmed.result?.$case).to.equal("success");
      }
      users.set(pool, names);
    }
    await cluster.replicasInSync();

    const victimPool = POOLS[0]!;
    const victimPort = await cluster.masterOf(poolKey(victimPool));
    const victim = (await cluster.describe()).find((n) => n.port === victimPort)!;
    const calls: Call[] = [];
    let killedAt = 0;
    let lastError = 0;
    let serial = 0;
    const started = Date.now();
    const finished = () => {
      const now = Date.now();
      if (now - started > 90_000) return true;
      // Done once the killed master's pool has answered for 2 s after the last error.
      return killedAt > 0 && now - killedAt > 3_000 && now - Math.max(lastError, killedAt) > 2_000;
    };
    const worker = async (id: number) => {
      for (let i = 0; !finished(); i++) {
        const pool = POOLS[(id + i) % POOLS.length]!;
        const op = i % 2 === 0 ? "signUp" : "signIn";
        let outcome: string;
        try {
          const response = op === "signUp"
            ? await auth.signUp({ clientId: clientOf(pool), secretHash: "", username: `load-${id}-${serial++}`, password: PASSWORD, userAttributes: [], validationData: [], clientMetadata: {} })
            : await auth.initiateAuth({ clientId: clientOf(pool), authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: users.get(pool)![i % 8]!, PASSWORD: PASSWORD }, clientMetadata: {} });
          outcome = String(response.result?.$case);
        } catch (error) {
          outcome = `status:${statusOf(error)}`;
          lastError = Date.now();
        }
        calls.push({ at: Date.now(), pool, op, outcome });
      }
    };
    const progress = process.env.CLUSTER_TEST_VERBOSE ? setInterval(() => console.log(`      ${calls.length} calls, last error ${lastError ? Date.now() - lastError : "-"} ms ago, ${calls.slice(-3).map((c) => c.outcome)}`), 1000) : undefined;
    const load = Promise.all(Array.from({ length: 8 }, (_, id) => worker(id)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    process.kill(victim.pid, "SIGKILL");
    killedAt = Date.now();
    await load;
    clearInterval(progress);

    const wrong = calls.filter((c) => c.outcome !== EXPECTED[c.op] && c.outcome !== `status:${grpc.status.UNAVAILABLE}`);
    expect(wrong, JSON.stringify(wrong.slice(0, 5))).to.deep.equal([]);
    const errors = calls.filter((c) => c.outcome.startsWith("status:"));
    expect(errors.length, "the kill must have been felt").to.be.greaterThan(0);
    expect(errors.every((c) => c.at >= killedAt)).to.equal(true);
    const recovered = calls.find((c) => c.pool === victimPool && c.at > lastError && c.outcome === EXPECTED[c.op]);
    expect(recovered, "the killed master's pool serves again").to.not.equal(undefined);
    const windowSeconds = (recovered!.at - killedAt) / 1000;
    expect(server.alive()).to.equal(true);
    expect(await cluster.masterOf(poolKey(victimPool))).to.not.equal(victimPort);
    expect(windowSeconds).to.be.lessThan(20);
    recordResult("failover", { windowSeconds, calls: calls.length, unavailable: errors.length, nodeTimeoutMs: 1000 });
    console.log(`      failover window: ${windowSeconds.toFixed(2)} s (kill → first success on the killed master's pool), ${errors.length} UNAVAILABLE of ${calls.length} calls`);
  });
});

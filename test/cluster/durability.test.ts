import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { bearer } from "../helpers/clients.js";
import { startTestCluster, type TestCluster } from "../helpers/redis-cluster.js";
import { startServerProcess, type ServerProcess } from "../helpers/built-server-process.js";
import { ADMIN_TOKEN, CLUSTER_CONFIG, PASSWORD, POOLS, clientOf, poolKey, serverEnv, statusOf } from "./cluster-fixture.js";
import { recordResult } from "./results.js";

const WRITES = 1_000;

describe("IDP_DURABILITY=replica: acknowledged writes survive a master's death", function () {
  this.timeout(240_000);
  let cluster: TestCluster;
  let server: ServerProcess;

  before(async () => {
    cluster = await startTestCluster();
    server = await startServerProcess(CLUSTER_CONFIG, serverEnv(cluster.nodes, { IDP_DURABILITY: "replica", IDP_DURABILITY_TIMEOUT_MS: "500", LOG_LEVEL: "error" }));
  });
  after(async () => {
    await server?.stop();
    await cluster?.stop();
  });

  it(`loses none of ${WRITES} acknowledged sign-ups when their master is SIGKILLed mid-run (and restarted as a replica)`, async () => {
    const pool = POOLS[1]!;
    const victimPort = await cluster.masterOf(poolKey(pool));
    const victim = (await cluster.describe()).find((n) => n.port === victimPort)!;
    const acknowledged: string[] = [];
    const outcomes = new Map<string, number>();
    let serial = 0;
    let killed = false;
    // The promoted replica has no replica of its own, so WAIT cannot be satisfied (every durable write
    // answers UNAVAILABLE) until the dead node comes back: as a supervisor would, restart it once its
    // replica has taken over; it rejoins as the new master's replica.
    const restartWhenReplaced = async () => {
      while ((await cluster.masterOf(poolKey(pool)).catch(() => victimPort)) === victimPort) await new Promise((resolve) => setTimeout(resolve, 100));
      await cluster.restart(victimPort);
    };
    const worker = async () => {
      while (acknowledged.length < WRITES) {
        const username = `durable-${serial++}`;
        let outcome: string;
        try {
          const response = await server.clients.auth.signUp({ clientId: clientOf(pool), secretHash: "", username, password: PASSWORD, userAttributes: [], validationData: [], clientMetadata: {} });
          outcome = String(response.result?.$case);
          if (outcome === "success") acknowledged.push(username);
        } catch (error) {
          outcome = `status:${statusOf(error)}`;
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (!killed && acknowledged.length >= WRITES / 3) {
          killed = true;
          process.kill(victim.pid, "SIGKILL");
          void restartWhenReplaced();
        }
      }
    };
    const started = Date.now();
    const progress = process.env.CLUSTER_TEST_VERBOSE ? setInterval(() => console.log(`      ${acknowledged.length} acknowledged, ${JSON.stringify([...outcomes])}`), 2000) : undefined;
    await Promise.all(Array.from({ length: 16 }, worker));
    clearInterval(progress);
    const seconds = (Date.now() - started) / 1000;

    expect(killed).to.equal(true);
    expect([...outcomes.keys()].every((o) => o === "success" || o === `status:${grpc.status.UNAVAILABLE}`), JSON.stringify([...outcomes])).to.equal(true);
    expect(await cluster.masterOf(poolKey(pool))).to.not.equal(victimPort);
    const lost: string[] = [];
    for (const username of acknowledged) {
      const found = await server.clients.admin.adminGetUser({ userPoolId: pool, username }, bearer(ADMIN_TOKEN));
      if (found.result?.$case !== "success") lost.push(username);
    }
    recordResult("durability", { acknowledged: acknowledged.length, lost: lost.length, unavailable: outcomes.get(`status:${grpc.status.UNAVAILABLE}`) ?? 0, seconds });
    console.log(`      ${acknowledged.length} acknowledged sign-ups across the kill, ${lost.length} lost, ${outcomes.get(`status:${grpc.status.UNAVAILABLE}`) ?? 0} UNAVAILABLE, ${seconds.toFixed(1)} s`);
    expect(lost).to.deep.equal([]);
    expect(acknowledged.length).to.be.at.least(WRITES);
  });
});

import { expect } from "chai";
import { Redis } from "ioredis";
import { testClusterNodes } from "../helpers/redis-server.js";

/**
 * Runs after the integration suite ran against the cluster in REDIS_CLUSTER_NODES
 * (scripts/test-cluster.sh): every node's own error counters (INFO errorstats) prove that no command
 * of the whole suite crossed slots, and the keyspace shows the pools were spread over the masters.
 */
describe("Redis Cluster: after the whole integration suite", () => {
  const nodes = testClusterNodes();

  it("runs against a cluster", () => {
    expect(nodes.length, "REDIS_CLUSTER_NODES").to.equal(6);
  });

  it("no node ever answered CROSSSLOT (INFO errorstats), and the masters all served commands", async () => {
    let masters = 0;
    for (const node of nodes) {
      const [host, port] = node.split(":");
      const redis = new Redis(Number(port), host!);
      try {
        const errors = await redis.info("errorstats");
        expect(errors, `${node}: ${errors}`).to.not.match(/errorstat_CROSSSLOT/);
        const role = await redis.role();
        if (role[0] === "master") {
          masters++;
          const stats = await redis.info("commandstats");
          const scriptCalls = [...stats.matchAll(/cmdstat_(evalsha|eval):calls=(\d+)/g)].reduce((sum, m) => sum + Number(m[2]), 0);
          expect(scriptCalls, `${node} ran no script: the pools did not spread`).to.be.greaterThan(0);
        }
      } finally {
        redis.disconnect();
      }
    }
    expect(masters).to.equal(3);
  });
});

import { expect } from "chai";
import { Cluster, Redis } from "ioredis";
import { startApp, type RunningApp } from "../../src/app.js";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { connectRedis } from "../../src/store/redis.js";
import { redisTlsOptions } from "../../src/tls/redis-tls.js";
import { bearer, testClients } from "../helpers/clients.js";
import { Pki, type Ca } from "../helpers/pki.js";
import { ADMIN_TOKEN, CLIENTS, MemoryLog, POOL, TEST_CONFIG, testConfig } from "../helpers/test-app.js";
import { startTlsRedis, tlsClientOptions, type TlsRedis, type TlsRedisMaterial } from "../helpers/tls-redis.js";

const PASSWORD = "Permanent-Pass-2";

/** The integration smoke: an admin creates a user, who signs in and reads their profile with the access token. */
async function smoke(app: RunningApp, username: string): Promise<void> {
  const { admin, auth, close } = testClients(app.grpcPort);
  try {
    const request = { userPoolId: POOL, username, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
    expect((await admin.adminCreateUser(request, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
    expect((await admin.adminSetUserPassword({ userPoolId: POOL, username, password: PASSWORD, permanent: true }, bearer(ADMIN_TOKEN))).result?.$case).to.equal("success");
    const signedIn = await auth.initiateAuth({ clientId: CLIENTS.legacy, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD }, clientMetadata: {} });
    if (signedIn.result?.$case !== "authenticationResult") throw new Error(`sign-in answered ${signedIn.result?.$case}`);
    const user = await auth.getUser({ accessToken: signedIn.result.value.accessToken });
    expect(user.result?.$case === "success" && user.result.value.username).to.equal(username);
  } finally {
    close();
  }
}

describe("Redis over TLS (rediss://, client certificates, Redis Cluster with TLS on every node)", () => {
  let pki: Pki;
  let material: TlsRedisMaterial;
  let other: Ca;
  before(() => {
    pki = new Pki();
    const ca = pki.ca("redis-ca");
    material = {
      ca,
      server: pki.issue(ca, "redis-server", { cn: "redis", san: ["DNS:localhost", "IP:127.0.0.1"] }),
      client: pki.issue(ca, "redis-client", { cn: "identity-service" }),
    };
    other = pki.ca("other-ca");
  });
  after(() => pki.remove());

  describe("a standalone TLS-only redis-server", () => {
    let redis: TlsRedis;
    before(async () => {
      redis = await startTlsRedis(material);
    });
    after(() => redis.stop());

    it("passes the smoke over rediss:// with the CA and a client certificate, and the data is in that Redis", async () => {
      const url = `rediss://127.0.0.1:${redis.ports[0]}`;
      const app = await startApp(testConfig(url, { redisTls: { caFile: material.ca.certFile, certFile: material.client.certFile, keyFile: material.client.keyFile, serverName: undefined } }), { log: new MemoryLog(), configFile: TEST_CONFIG });
      try {
        await smoke(app, "tls-alice");
        const direct = new Redis(url, { tls: tlsClientOptions(material) });
        expect(await direct.dbsize()).to.be.greaterThan(0);
        direct.disconnect();
      } finally {
        await app.stop();
      }
    });

    const refused: [string, () => Parameters<typeof redisTlsOptions>[0]][] = [
      ["without a client certificate", () => ({ caFile: material.ca.certFile, certFile: undefined, keyFile: undefined, serverName: undefined })],
      ["trusting another CA", () => ({ caFile: other.certFile, certFile: material.client.certFile, keyFile: material.client.keyFile, serverName: undefined })],
      ["checking the certificate against another name", () => ({ caFile: material.ca.certFile, certFile: material.client.certFile, keyFile: material.client.keyFile, serverName: "redis.elsewhere" })],
    ];
    for (const [label, tls] of refused) {
      it(`does not connect ${label}`, async () => {
        const error = await connectRedis(`rediss://127.0.0.1:${redis.ports[0]}`, [], undefined, redisTlsOptions(tls())).then((c) => {
          c.disconnect();
          return undefined;
        }, (e: unknown) => e);
        expect(error).to.be.instanceOf(Error);
      });
    }

    it("does not connect in plaintext to the TLS port", async () => {
      const error = await connectRedis(`redis://127.0.0.1:${redis.ports[0]}`, []).then((c) => {
        c.disconnect();
        return undefined;
      }, (e: unknown) => e);
      expect(error).to.be.instanceOf(Error);
    });
  });

  describe("a three-node Redis Cluster, TLS on clients and on the cluster bus", () => {
    let redis: TlsRedis;
    before(async function () {
      this.timeout(60_000);
      redis = await startTlsRedis(material, { nodes: 3, cluster: true });
    });
    after(() => redis.stop());

    it("passes the smoke with TLS to every node, and the data is in the cluster", async () => {
      const nodes = redis.ports.map((p) => `127.0.0.1:${p}`);
      const config = testConfig("redis://unused", { redisCluster: nodes, redisTls: { caFile: material.ca.certFile, certFile: material.client.certFile, keyFile: material.client.keyFile, serverName: undefined } });
      const app = await startApp(config, { log: new MemoryLog(), configFile: TEST_CONFIG });
      try {
        expect(app.redis).to.be.instanceOf(Cluster);
        await smoke(app, "cluster-alice");
        let keys = 0;
        for (const port of redis.ports) {
          const node = new Redis({ host: "127.0.0.1", port, tls: tlsClientOptions(material) });
          keys += await node.dbsize();
          node.disconnect();
        }
        expect(keys).to.be.greaterThan(0);
      } finally {
        await app.stop();
      }
    });
  });
});

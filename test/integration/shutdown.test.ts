import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { get } from "node:http";
import { connect, type Socket } from "node:net";
import type { ConfigFile } from "../../src/config/config-file.js";
import { keys } from "../../src/store/keys.js";
import { Redis } from "ioredis";
import { testClients } from "../helpers/clients.js";
import { startRedis, testRedisClient, type TestRedis } from "../helpers/redis-server.js";
import { startServerProcess } from "../helpers/server-process.js";
import { openedDelivery } from "../helpers/test-app.js";
import { TestTriggerService } from "../helpers/trigger-service.js";
import { clientEntry, PASSWORD, triggerPool } from "../helpers/triggers.js";

const POOL = "us-east-1_StopPool01";
const CLIENT = "stopclient0000000000000000";

/** A pool whose `triggers` call the test's TriggerService. */
function configWith(triggers: Record<string, unknown>): ConfigFile {
  return { pools: [triggerPool(POOL, triggers, [clientEntry(CLIENT, "ENABLED")])] };
}

/** GET /healthz on a fresh connection: its status code. */
function healthz(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on("error", reject);
  });
}

/** An HTTP client that starts a request and never finishes it (the headers never end). */
function stalledHttpClient(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
      resolve(socket);
    });
    socket.on("error", () => undefined);
    socket.once("error", reject);
  });
}

const signUpRequest = (username: string) => ({ clientId: CLIENT, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });

describe("shutdown: bounded, not-ready at once, no promised delivery lost (server process + Redis)", function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let hooks: TestTriggerService;
  let store: Redis;
  before(async () => {
    redis = await startRedis();
    store = testRedisClient(redis);
    hooks = await TestTriggerService.start();
  });
  after(async () => {
    hooks.stop();
    store.disconnect();
    await redis.stop();
  });

  it("answers /healthz 503 from the first moment and exits within the grace period while a call and an HTTP client hang", async () => {
    hooks.mode = "hold";
    const server = await startServerProcess({
      redis,
      config: configWith({ PreSignUp: { endpoint: hooks.endpoint, insecure: true, timeoutMs: 60_000 } }),
      env: { IDP_SHUTDOWN_GRACE_MS: "1500" },
    });
    const clients = testClients(server.grpcPort);
    try {
      expect(await healthz(server.httpPort)).to.equal(200);
      // A call that will not finish by itself: its PreSignUp hook never answers.
      const hung = clients.auth.signUp(signUpRequest("hung")).then(() => "answered", (error: grpc.ServiceError) => grpc.status[error.code]);
      const held = await hooks.nextCall();
      const stalled = await stalledHttpClient(server.httpPort);
      const signalled = Date.now();
      server.child.kill("SIGTERM");
      await server.waitForLog((line) => line.msg === "shutting down");
      expect(await healthz(server.httpPort)).to.equal(503);
      const exit = await server.exited;
      const took = Date.now() - signalled;
      expect(exit.code).to.equal(0);
      // The grace period (1.5 s) and the bounded tail (deliveries, HTTP, Redis): never unbounded.
      expect(took).to.be.below(1_500 + 4_000);
      expect(await hung).to.not.equal("answered");
      await held.cancelled;
      stalled.destroy();
    } finally {
      clients.close();
      await server.kill();
      hooks.mode = "echo";
    }
  });

  it("hands a delivery still in its CustomMessage hook to the outbox before it exits", async () => {
    hooks.mode = "hold";
    const server = await startServerProcess({ redis, config: configWith({ CustomMessage: { endpoint: hooks.endpoint, insecure: true, timeoutMs: 30_000 } }), env: { IDP_SHUTDOWN_GRACE_MS: "5000" } });
    const clients = testClients(server.grpcPort);
    try {
      const signedUp = await clients.auth.signUp(signUpRequest("late"));
      expect(signedUp.result?.$case).to.equal("success");
      // The response said a code was sent; the message is still with the hook.
      const held = await hooks.nextCall();
      expect(held.request.triggerSource).to.equal("CustomMessage_SignUp");
      server.child.kill("SIGTERM");
      await server.waitForLog((line) => line.msg === "shutting down");
      held.answer();
      expect((await server.exited).code).to.equal(0);
      const entries = await store.xrange(keys.outbox(POOL), "-", "+");
      const fields = entries.map(([, f]) => openedDelivery(Object.fromEntries(Array.from({ length: f.length / 2 }, (_, i) => [f[2 * i]!, f[2 * i + 1]!]))));
      expect(fields.filter((f) => f.username === "late")).to.have.length(1);
      expect(fields.find((f) => f.username === "late")?.code).to.match(/^\d{6}$/);
    } finally {
      clients.close();
      await server.kill();
      hooks.mode = "echo";
    }
  });

  it("records a delivery it could not hand over within the grace period, without its code, and still exits", async () => {
    hooks.mode = "hold";
    const server = await startServerProcess({ redis, config: configWith({ CustomMessage: { endpoint: hooks.endpoint, insecure: true, timeoutMs: 60_000 } }), env: { IDP_SHUTDOWN_GRACE_MS: "500" } });
    const clients = testClients(server.grpcPort);
    try {
      expect((await clients.auth.signUp(signUpRequest("stuck"))).result?.$case).to.equal("success");
      const held = await hooks.nextCall();
      server.child.kill("SIGTERM");
      expect((await server.exited).code).to.equal(0);
      const failures = await store.xrange(keys.deliveryFailures(POOL), "-", "+");
      const recorded = failures.map(([, f]) => Object.fromEntries(Array.from({ length: f.length / 2 }, (_, i) => [f[2 * i], f[2 * i + 1]])));
      expect(recorded.map((r) => ({ username: r.username, event: r.event, destination: r.destination }))).to.deep.equal([{ username: "stuck", event: "SignUp", destination: "s***@e***" }]);
      expect(Object.keys(recorded[0] ?? {})).to.not.include("code");
      expect(JSON.stringify(recorded)).to.not.match(/\b\d{6}\b/);
      await held.cancelled;
    } finally {
      clients.close();
      await server.kill();
      hooks.mode = "echo";
    }
  });
});

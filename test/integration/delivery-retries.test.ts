import { expect } from "chai";
import { Redis } from "ioredis";
import { startApp, type RunningApp } from "../../src/app.js";
import type { Config } from "../../src/config/config.js";
import type { CodeMessage, CodeSender } from "../../src/flows/delivery/code-sender.js";
import { keys } from "../../src/store/keys.js";
import { testClients } from "../helpers/clients.js";
import { startRedis, testRedisClient, type TestRedis } from "../helpers/redis-server.js";
import { MemoryLog, TEST_CONFIG, CLIENTS, POOL, testConfig } from "../helpers/test-app.js";
import { PASSWORD } from "../helpers/triggers.js";

/** A sender that fails its first `failures` sends (forever with Infinity) and tells the test about each attempt. */
class FlakySender implements CodeSender {
  attempts = 0;
  lastAttempt: CodeMessage | undefined;
  readonly delivered: CodeMessage[] = [];
  private waiting: ((message: CodeMessage) => void)[] = [];
  constructor(private readonly failures: number) {}

  async send(message: CodeMessage): Promise<void> {
    this.attempts++;
    this.lastAttempt = message;
    if (this.attempts <= this.failures) throw new Error("the mail relay refused the connection");
    this.delivered.push(message);
    this.waiting.shift()?.(message);
  }

  nextDelivery(): Promise<CodeMessage> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

describe("a failed delivery is retried, then recorded without its code (gRPC + Redis)", () => {
  let redis: TestRedis;
  let store: Redis;
  let config: Config;
  before(async () => {
    redis = await startRedis();
    config = testConfig(redis.url);
    store = testRedisClient(redis);
  });
  after(async () => {
    store.disconnect();
    await redis.stop();
  });

  /** Runs `run` against a fresh app on the shared Redis; resolves with the app's log once it has stopped. */
  async function withApp(sender: CodeSender, run: (app: RunningApp) => Promise<void>): Promise<MemoryLog> {
    const log = new MemoryLog();
    const app = await startApp(config, { log, configFile: TEST_CONFIG, sender, deliveryRetryDelaysMs: [5, 5, 5] });
    try {
      await run(app);
    } finally {
      await app.stop();
    }
    return log;
  }

  async function signUp(app: RunningApp, username: string) {
    const clients = testClients(app.grpcPort);
    try {
      return await clients.auth.signUp({ clientId: CLIENTS.enabled, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });
    } finally {
      clients.close();
    }
  }

  it("retries a send that fails, and the code arrives once", async () => {
    const sender = new FlakySender(2);
    await withApp(sender, async (app) => {
      const arrived = sender.nextDelivery();
      expect((await signUp(app, "retried")).result?.$case).to.equal("success");
      const message = await arrived;
      expect(message.username).to.equal("retried");
      expect(message.code).to.match(/^\d{6}$/);
      expect(sender.attempts).to.equal(3);
      expect(sender.delivered).to.have.length(1);
    });
  });

  it("records a delivery every attempt of which failed, with who and why but never the code", async () => {
    const sender = new FlakySender(Infinity);
    const log = await withApp(sender, async (app) => {
      expect((await signUp(app, "unlucky")).result?.$case).to.equal("success");
      const reply = (await store.xread("BLOCK", 10_000, "STREAMS", keys.deliveryFailures(POOL), "0-0")) as [string, [string, string[]][]][] | null;
      const fields = reply?.[0]?.[1]?.[0]?.[1] ?? [];
      const recorded = Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]]));
      expect(recorded).to.include({ event: "SignUp", username: "unlucky", medium: "EMAIL", destination: "u***@e***", attempts: "4", reason: "Error: the mail relay refused the connection" });
      expect(sender.attempts).to.equal(4);
      // The code was in every attempt, and is neither in the record nor in the log.
      const code = sender.lastAttempt?.code ?? "";
      expect(code).to.match(/^\d{6}$/);
      expect(JSON.stringify(recorded)).to.not.include(code);
    });
    const code = sender.lastAttempt?.code ?? "";
    expect(log.lines.some((line) => line.includes("recorded in the delivery failures stream"))).to.equal(true);
    expect(log.lines.join("\n")).to.not.include(code);
  });
});

import { expect } from "chai";
import { StoreDeadlineExceeded, callDeadline, outsideCall, withCallDeadline } from "../../src/context/call-deadline.js";
import { deadlineBound } from "../../src/store/deadline-bound.js";
import { connectRedis, type RedisClient } from "../../src/store/redis.js";
import { startPrivateRedis } from "../helpers/redis-server.js";

/** The store client flows use, against a real redis-server that the test pauses (SIGSTOP). */
describe("store commands within the caller's deadline (Redis)", () => {
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let raw: RedisClient;
  let bound: RedisClient;
  before(async () => {
    redis = await startPrivateRedis();
    raw = await connectRedis(redis.url, []);
    bound = deadlineBound(raw);
  });
  after(async () => {
    raw.disconnect();
    await redis.stop();
  });

  it("is the plain client outside a call", async () => {
    await bound.set("k:outside", "1");
    expect(await bound.get("k:outside")).to.equal("1");
    expect(callDeadline()).to.equal(Infinity);
  });

  it("sends nothing once the call's time is up, so nothing changes", async () => {
    const error = await withCallDeadline(Date.now() - 1, () => bound.set("k:late", "1")).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(StoreDeadlineExceeded);
    expect(await raw.exists("k:late")).to.equal(0);
    const pipelined = await withCallDeadline(Date.now() - 1, () => bound.multi().set("k:late-multi", "1").exec()).then(() => undefined, (e: unknown) => e);
    expect(pipelined).to.be.instanceOf(StoreDeadlineExceeded);
    expect(await raw.exists("k:late-multi")).to.equal(0);
  });

  it("works normally while time remains, pipelines included", async () => {
    await withCallDeadline(Date.now() + 5_000, async () => {
      await bound.multi().set("k:in-time", "1").set("k:in-time-2", "2").exec();
      expect(await bound.mget("k:in-time", "k:in-time-2")).to.deep.equal(["1", "2"]);
    });
  });

  it("gives a command to a hung Redis only the time the call has left", async () => {
    process.kill(redis.pid, "SIGSTOP");
    try {
      const started = Date.now();
      const error = await withCallDeadline(Date.now() + 150, () => bound.get("k:outside")).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(StoreDeadlineExceeded);
      // ioredis' own command timeout is 2 s; the call's 150 ms ruled.
      expect(Date.now() - started).to.be.below(1_000);
    } finally {
      process.kill(redis.pid, "SIGCONT");
    }
    expect(await raw.get("k:outside")).to.equal("1");
  });

  it("leaves work that outlives the response (outsideCall) without the call's deadline", async () => {
    const seen = await withCallDeadline(Date.now() + 1, async () => outsideCall(() => callDeadline()));
    expect(seen).to.equal(Infinity);
  });
});

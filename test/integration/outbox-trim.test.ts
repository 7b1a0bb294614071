import { expect } from "chai";
import { Redis } from "ioredis";
import { openOutboxSecret } from "../../src/delivery/outbox-seal.js";
import { LONGEST_CODE_LIFETIME_MS, RedisStreamSender } from "../../src/delivery/redis-stream-sender.js";
import { keys } from "../../src/store/keys.js";
import { startRedis, type TestRedis } from "../helpers/redis-server.js";

const KEY = Buffer.alloc(32, 7);
const POOL = "us-east-1_Outbox1";
const message = (username: string) => ({ poolId: POOL, event: "ForgotPassword" as const, username, attribute: "email" as const, medium: "EMAIL" as const, destination: `${username}@example.com`, code: "246810", body: "Your code is 246810" });

/** The outbox keeps no entry past the longest code lifetime, and no code in clear (README "Outbox"). */
describe("outbox stream: sealed entries, trimmed by age (real Redis)", () => {
  let server: TestRedis;
  let redis: Redis;
  before(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  });
  after(async () => {
    redis.disconnect();
    await server.stop();
  });

  /** Entries appended `ageMs` ago (stream ids carry the time Redis stamped them). */
  async function oldEntries(ageMs: number, names: string[]) {
    const at = Date.now() - ageMs;
    for (const [i, name] of names.entries()) await redis.xadd(keys.outbox(POOL), `${at}-${i}`, "username", name);
  }
  const usernames = async () => (await redis.xrange(keys.outbox(POOL), "-", "+")).map(([, f]) => f[f.indexOf("username") + 1]);

  it("drops every entry older than the age bound on the next append, whatever the stream's length", async () => {
    await oldEntries(LONGEST_CODE_LIFETIME_MS + 60_000, ["ann", "bob", "cy"]);
    await redis.xadd(keys.outbox(POOL), "*", "username", "recent");
    const sender = new RedisStreamSender(redis, KEY, { maxAgeMs: 3_600_000 });
    await sender.send(message("dee"));
    expect(await usernames()).to.deep.equal(["recent", "dee"]);
  });

  it("never keeps entries longer than the longest code lifetime, even when configured longer", async () => {
    await redis.del(keys.outbox(POOL));
    await oldEntries(LONGEST_CODE_LIFETIME_MS + 60_000, ["eve"]);
    await oldEntries(LONGEST_CODE_LIFETIME_MS - 3_600_000, ["gus"]);
    const sender = new RedisStreamSender(redis, KEY, { maxAgeMs: 7 * LONGEST_CODE_LIFETIME_MS });
    await sender.send(message("fay"));
    expect(await usernames()).to.deep.equal(["gus", "fay"]);
  });

  it("holds the code only sealed: the routing fields in clear, the code and body open with the outbox key only", async () => {
    const [[, flat]] = (await redis.xrevrange(keys.outbox(POOL), "+", "-", "COUNT", 1)) as [[string, string[]]];
    const fields = Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i]!, flat[2 * i + 1]!]));
    expect(Object.keys(fields)).to.have.members(["event", "pool", "username", "attribute", "medium", "destination", "kid", "sealed"]);
    expect(flat.join(" ")).to.not.include("246810");
    const routing = { pool: fields.pool!, event: fields.event!, username: fields.username!, destination: fields.destination! };
    expect(openOutboxSecret(KEY, routing, fields.sealed!)).to.deep.equal({ code: "246810", body: "Your code is 246810" });
    expect(openOutboxSecret(Buffer.alloc(32, 8), routing, fields.sealed!)).to.equal(undefined);
    expect(openOutboxSecret(KEY, { ...routing, username: "mallory" }, fields.sealed!)).to.equal(undefined);
  });

  it("rehearses a send: the same sealed entry shape into the rehearsal stream, never the outbox, kept to about one node (docs/existence.md §2)", async () => {
    const sender = new RedisStreamSender(redis, KEY);
    const outboxBefore = await redis.xlen(keys.outbox(POOL));
    for (let i = 0; i < 300; i++) await sender.rehearse(message(`ghost${i}`));
    expect(await redis.xlen(keys.outbox(POOL)), "the outbox").to.equal(outboxBefore);
    const rehearsed = await redis.xlen(keys.outboxRehearsal(POOL));
    expect(rehearsed, "entries kept").to.be.within(1, 200);
    const [[, flat]] = (await redis.xrevrange(keys.outboxRehearsal(POOL), "+", "-", "COUNT", 1)) as [[string, string[]]];
    const [[, real]] = (await redis.xrevrange(keys.outbox(POOL), "+", "-", "COUNT", 1)) as [[string, string[]]];
    expect(flat.filter((_, i) => i % 2 === 0), "field names").to.deep.equal(real.filter((_, i) => i % 2 === 0));
    expect(flat.join(" ")).to.not.include("246810");
  });

  it("opens the vector the SDKs share (clients/*: outbox tests)", () => {
    const key = Buffer.from("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "hex");
    const sealed = "oKGio6SlpqeoqaqrwvNeCZnQeD5dP5BYxbAWpnv1w2w6AgXnU3nv3wshrUcRsvasivCcFk8ZpOCEDGx+dsMC5K/0mrBojfDQ8wQ0XJl0gZmFczcWwzHM256yEGXIfD2D";
    const routing = { pool: "us-east-1_Vector1", event: "ForgotPassword", username: "alice", destination: "alice@example.com" };
    expect(openOutboxSecret(key, routing, sealed)).to.deep.equal({ code: "123456", subject: "Your code", body: "Your code is 123456" });
  });
});

// USER_SRP_AUTH for names without a user, and for users whose state the mode masks: the RFC 5054
// §2.5.1.3 simulation (docs/cognito.md §4.6), checked against what a real user's challenge looks like.
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { indexOf } from "../../src/flows/usernames.js";
import { CLIENTS, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { librarySignIn, seedUser, SRP_TEST_CONFIG, srpChallengeParameters, srpStart } from "./srp-client.js";

const PASSWORD = "Correct-Horse-1";
const INCORRECT = { kind: "failure", code: "NotAuthorizedException", message: "Incorrect username or password." };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MINIMAL_HEX = /^[1-9a-f][0-9a-f]*$/;

describe("USER_SRP_AUTH for unknown and masked users (gRPC + Redis)", () => {
  const masterKey = randomBytes(32);
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: SRP_TEST_CONFIG, overrides: { masterKey } });
  });
  after(() => t.stop());
  beforeEach(() => {
    t.clock.nowMs = Date.now();
  });

  for (const client of [CLIENTS.enabled, CLIENTS.strict]) {
    it(`simulates the challenge for an unknown name, the same on every call (${client.replace(/0+$/, "")})`, async () => {
      const first = await srpChallengeParameters(t, client, "Ghost-Bob");
      const again = await srpChallengeParameters(t, client, "ghost-bob");
      expect(first.USER_ID_FOR_SRP).to.equal("ghost-bob");
      expect(first.USERNAME).to.equal("ghost-bob");
      expect(first.SALT).to.match(MINIMAL_HEX);
      expect(again.SALT).to.equal(first.SALT);
      expect(again.USER_ID_FOR_SRP).to.equal(first.USER_ID_FOR_SRP);
      expect(again.SRP_B).to.not.equal(first.SRP_B);
      expect(again.SECRET_BLOCK).to.not.equal(first.SECRET_BLOCK);
      expect((await srpChallengeParameters(t, client, "ghost-carol")).SALT).to.not.equal(first.SALT);
      expect(await librarySignIn(t, POOL, client, "Ghost-Bob", PASSWORD)).to.deep.equal(INCORRECT);
    });
  }

  it("gives a simulated challenge the shape of a real one: same keys, SALT form, SECRET_BLOCK length", async () => {
    await seedUser(t, POOL, { username: "real-dana", password: PASSWORD });
    const real = await srpChallengeParameters(t, CLIENTS.enabled, "real-dana");
    const fake = await srpChallengeParameters(t, CLIENTS.enabled, "fake-dana");
    expect(Object.keys(fake).sort()).to.deep.equal(Object.keys(real).sort());
    expect(real.SALT).to.match(MINIMAL_HEX);
    expect(fake.SECRET_BLOCK!.length).to.equal(real.SECRET_BLOCK!.length);
    expect(Buffer.from(fake.SECRET_BLOCK!, "base64").length).to.equal(Buffer.from(real.SECRET_BLOCK!, "base64").length);
    expect(Math.abs(fake.SRP_B!.length - real.SRP_B!.length)).to.be.lessThan(6);
  });

  it("gives a UUID USER_ID_FOR_SRP where usernames are generated UUIDs, stable and case-folded", async () => {
    const real = await seedUser(t, EMAIL_POOL, { username: "kept@example.com", password: PASSWORD });
    const first = await srpChallengeParameters(t, CLIENTS.emailEnabled, "Phantom@Example.com");
    const again = await srpChallengeParameters(t, CLIENTS.emailEnabled, "phantom@example.com");
    expect(first.USER_ID_FOR_SRP).to.match(UUID_V4);
    expect(real.username).to.match(UUID_V4);
    expect(again.USER_ID_FOR_SRP).to.equal(first.USER_ID_FOR_SRP);
    expect(again.SALT).to.equal(first.SALT);
    expect(await librarySignIn(t, EMAIL_POOL, CLIENTS.emailEnabled, "phantom@example.com", PASSWORD)).to.deep.equal(INCORRECT);
  });

  it("answers an unknown name with user_not_found at the first step under LEGACY, as Cognito does", async () => {
    expect(await srpStart(t, CLIENTS.legacy, "ghost-erin")).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
    const emailLegacy = await librarySignIn(t, EMAIL_POOL, CLIENTS.emailLegacy, "ghost@example.com", PASSWORD);
    expect(emailLegacy).to.deep.equal({ kind: "failure", code: "UserNotFoundException", message: "User does not exist." });
  });

  it("masks a RESET_REQUIRED user under ENABLED exactly as if the name were unknown", async () => {
    const user = await seedUser(t, POOL, { username: "reset-fred", password: PASSWORD, status: "RESET_REQUIRED" });
    const masked = await srpChallengeParameters(t, CLIENTS.enabled, "reset-fred");
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "reset-fred", PASSWORD)).to.deep.equal(INCORRECT);
    const pool = (await t.app.deps.stores.pools.get(POOL))!;
    expect(await t.app.deps.stores.users.delete(POOL, user, indexOf(pool))).to.equal(true);
    const unknown = await srpChallengeParameters(t, CLIENTS.enabled, "reset-fred");
    expect(unknown.SALT).to.equal(masked.SALT);
    expect(unknown.USER_ID_FOR_SRP).to.equal(masked.USER_ID_FOR_SRP);
    // The record's salt is the name's own (docs/existence.md §4): the SALT could not tell either way.
    expect(masked.SALT).to.equal(BigInt(`0x${user.salt!}`).toString(16));
  });

  it("reveals RESET_REQUIRED at the first step under LEGACY, and after the proof under STRICT", async () => {
    await seedUser(t, POOL, { username: "reset-gina", password: PASSWORD, status: "RESET_REQUIRED" });
    expect(await srpStart(t, CLIENTS.legacy, "reset-gina")).to.deep.equal({ $case: "passwordResetRequired", value: { message: "Password reset required for the user" } });
    expect(await librarySignIn(t, POOL, CLIENTS.strict, "reset-gina", "Wrong-Horse-1")).to.deep.equal(INCORRECT);
    expect(await librarySignIn(t, POOL, CLIENTS.strict, "reset-gina", PASSWORD)).to.deep.equal({ kind: "failure", code: "PasswordResetRequiredException", message: "Password reset required for the user" });
  });

  it("says 'User is not confirmed.' at the first step under ENABLED, only after the proof under STRICT", async () => {
    await seedUser(t, POOL, { username: "unconfirmed-hal", password: PASSWORD, status: "UNCONFIRMED" });
    expect(await srpStart(t, CLIENTS.enabled, "unconfirmed-hal")).to.deep.equal({ $case: "userNotConfirmed", value: { message: "User is not confirmed." } });
    expect(await librarySignIn(t, POOL, CLIENTS.strict, "unconfirmed-hal", "Wrong-Horse-1")).to.deep.equal(INCORRECT);
    expect(await librarySignIn(t, POOL, CLIENTS.strict, "unconfirmed-hal", PASSWORD)).to.deep.equal({ kind: "failure", code: "UserNotConfirmedException", message: "User is not confirmed." });
  });

  it("tells a disabled user so only with the right password", async () => {
    await seedUser(t, POOL, { username: "disabled-ivy", password: PASSWORD, enabled: false });
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "disabled-ivy", "Wrong-Horse-1")).to.deep.equal(INCORRECT);
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "disabled-ivy", PASSWORD)).to.deep.equal({ kind: "failure", code: "NotAuthorizedException", message: "User is disabled." });
  });

  it("counts an unknown name's failures like a user's: the fifth is followed by a lockout", async () => {
    for (let i = 0; i < 5; i++) expect(await librarySignIn(t, POOL, CLIENTS.enabled, "ghost-jack", `Guess-${i}`)).to.deep.equal(INCORRECT);
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "Ghost-Jack", "Guess-6")).to.deep.equal({ kind: "failure", code: "NotAuthorizedException", message: "Password attempts exceeded" });
  });

  it("sends Redis the same commands for an unknown name as for a user with a wrong password", async () => {
    await seedUser(t, POOL, { username: "known-lee", password: PASSWORD });
    await librarySignIn(t, POOL, CLIENTS.enabled, "warm-up", PASSWORD); // scripts loaded, client cached
    const known = await redisCommandsDuring(() => librarySignIn(t, POOL, CLIENTS.enabled, "known-lee", "Wrong-Horse-1"));
    const unknown = await redisCommandsDuring(() => librarySignIn(t, POOL, CLIENTS.enabled, "ghost-lee", "Wrong-Horse-1"));
    // Step 1: the lookup script, then the identity verifier's HGET; step 2: the single-use SET NX PX
    // beside the lookup of USER_ID_FOR_SRP, its HGET, then the lockout script. (What runs inside the
    // scripts is the store's business, not compared here.)
    expect(known.filter((c) => c !== "set/5").map((c) => c.split("/")[0])).to.deep.equal(["evalsha", "hget", "evalsha", "hget", "evalsha"]);
    expect(unknown).to.deep.equal(known);
  });

  /** Command names and argument counts the server sent while `run` ran (keys differ by name, so not compared). */
  async function redisCommandsDuring(run: () => Promise<unknown>): Promise<string[]> {
    const monitor = await t.redis.monitor();
    const seen: string[] = [];
    monitor.on("monitor", (_time: string, args: string[], source: string) => {
      // Client and pool records are re-read when their 2-second cache lapses, whoever signs in.
      const cached = /:(client|pool)$/.test(args[1] ?? "");
      if (source !== "lua" && !cached) seen.push(`${args[0]!.toLowerCase()}/${args.length - 1}`);
    });
    try {
      await run();
      await t.redis.ping(); // the monitor has seen everything before this
    } finally {
      monitor.disconnect();
    }
    return seen.filter((c) => c !== "ping/0");
  }

  it("derives the same simulated values on another replica with the same master key, and only there", async () => {
    const here = await srpChallengeParameters(t, CLIENTS.enabled, "ghost-kim");
    const replica = await startTestApp({ config: SRP_TEST_CONFIG, overrides: { masterKey } });
    const stranger = await startTestApp({ config: SRP_TEST_CONFIG, overrides: { masterKey: randomBytes(32) } });
    try {
      const there = await srpChallengeParameters(replica, CLIENTS.enabled, "ghost-kim");
      expect([there.SALT, there.USER_ID_FOR_SRP]).to.deep.equal([here.SALT, here.USER_ID_FOR_SRP]);
      expect((await srpChallengeParameters(stranger, CLIENTS.enabled, "ghost-kim")).SALT).to.not.equal(here.SALT);
    } finally {
      await replica.stop();
      await stranger.stop();
    }
  });
});

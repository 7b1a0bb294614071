// PASSWORD_VERIFIER's TIMESTAMP (docs/cognito.md §4.3, §4.4 steps 4-6, §4.8): the library signs the string we
// hand its DateHelper; the server parses it, re-formats it, and checks it against its own clock.
import { expect } from "chai";
import { formatTimestamp } from "../../src/crypto/srp.js";
import { CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { librarySignIn, seedUser, SRP_TEST_CONFIG, withTimestamp, type SignInResult } from "./srp-client.js";

const PASSWORD = "Correct-Horse-1";
const INCORRECT = { kind: "failure", code: "NotAuthorizedException", message: "Incorrect username or password." };
const BAD_FORMAT = { kind: "failure", code: "InvalidParameterException", message: "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english." };
const NOV_5_NOON = Date.UTC(2026, 10, 5, 12, 0, 0); // a Thursday, single-digit day

describe("USER_SRP_AUTH TIMESTAMP (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: SRP_TEST_CONFIG });
  });
  after(() => t.stop());

  /** Signs in with the server's clock at `serverMs` and the library stamping `stamp`. */
  async function signInAt(username: string, serverMs: number, stamp: string, app: TestApp = t): Promise<SignInResult> {
    app.clock.nowMs = serverMs;
    return withTimestamp(stamp, () => librarySignIn(app, POOL, CLIENTS.enabled, username, PASSWORD));
  }

  it("accepts the canonical form, and refuses a zero-padded day or a wrong weekday as a wrong proof", async () => {
    await seedUser(t, POOL, { username: "clock-anna", password: PASSWORD });
    expect(formatTimestamp(new Date(NOV_5_NOON))).to.equal("Thu Nov 5 12:00:00 UTC 2026");
    expect((await signInAt("clock-anna", NOV_5_NOON, "Thu Nov 5 12:00:00 UTC 2026")).kind).to.equal("tokens");
    expect(await signInAt("clock-anna", NOV_5_NOON, "Thu Nov 05 12:00:00 UTC 2026")).to.deep.equal(INCORRECT);
    expect(await signInAt("clock-anna", NOV_5_NOON, "Fri Nov 5 12:00:00 UTC 2026")).to.deep.equal(INCORRECT);
    // "GMT" parses (Java's z), but the server signs the canonical "UTC" form it re-formats.
    expect(await signInAt("clock-anna", NOV_5_NOON, "Thu Nov 5 12:00:00 GMT 2026")).to.deep.equal(INCORRECT);
  });

  it("answers an unparsable TIMESTAMP with Cognito's InvalidParameterException text", async () => {
    await seedUser(t, POOL, { username: "clock-ben", password: PASSWORD });
    for (const stamp of ["Thu Nov 5 24:00:00 UTC 2026", "Thu Nov 5 12:00:00 +0000 2026", "2026-11-05T12:00:00Z", "Thu Nov 31 12:00:00 UTC 2026", "thu nov 5 12:00:00 utc 2026", ""]) {
      const expected = stamp === "" ? { ...BAD_FORMAT, message: "Missing required parameter TIMESTAMP" } : BAD_FORMAT;
      expect(await signInAt("clock-ben", NOV_5_NOON, stamp), stamp).to.deep.equal(expected);
    }
    // Nothing was used up or counted: the user still signs in at once.
    expect((await signInAt("clock-ben", NOV_5_NOON, "Thu Nov 5 12:00:00 UTC 2026")).kind).to.equal("tokens");
  });

  it("accepts a TIMESTAMP within the configured skew and refuses one outside it", async () => {
    await seedUser(t, POOL, { username: "clock-cleo", password: PASSWORD });
    const at = (offsetSeconds: number) => formatTimestamp(new Date(NOV_5_NOON + offsetSeconds * 1000));
    expect((await signInAt("clock-cleo", NOV_5_NOON, at(290))).kind).to.equal("tokens");
    expect((await signInAt("clock-cleo", NOV_5_NOON, at(-290))).kind).to.equal("tokens");
    expect(await signInAt("clock-cleo", NOV_5_NOON, at(310))).to.deep.equal(INCORRECT);
    expect(await signInAt("clock-cleo", NOV_5_NOON, at(-310))).to.deep.equal(INCORRECT);
    expect(await signInAt("clock-cleo", NOV_5_NOON, at(-3 * 3600))).to.deep.equal(INCORRECT);
  });

  it("takes the window from SRP_TIMESTAMP_SKEW_SECONDS", async () => {
    const tight = await startTestApp({ config: SRP_TEST_CONFIG, overrides: { srpTimestampSkewSeconds: 30 } });
    try {
      await seedUser(tight, POOL, { username: "clock-dora", password: PASSWORD });
      const at = (offsetSeconds: number) => formatTimestamp(new Date(NOV_5_NOON + offsetSeconds * 1000));
      expect(await signInAt("clock-dora", NOV_5_NOON, at(60), tight)).to.deep.equal(INCORRECT);
      expect((await signInAt("clock-dora", NOV_5_NOON, at(20), tight)).kind).to.equal("tokens");
    } finally {
      await tight.stop();
    }
  });

  it("accepts the Go client's 12-hour clock (15:04 sent as 03:04, 00:30 as 12:30), and only that reading", async () => {
    await seedUser(t, POOL, { username: "clock-eli", password: PASSWORD });
    const afternoon = Date.UTC(2026, 10, 26, 15, 4, 5);
    expect((await signInAt("clock-eli", afternoon, "Thu Nov 26 03:04:05 UTC 2026")).kind).to.equal("tokens");
    const pastMidnight = Date.UTC(2026, 10, 27, 0, 30, 0);
    expect((await signInAt("clock-eli", pastMidnight, "Fri Nov 27 12:30:00 UTC 2026")).kind).to.equal("tokens");
    const morning = Date.UTC(2026, 10, 26, 9, 4, 5);
    expect(await signInAt("clock-eli", morning, "Thu Nov 26 03:04:05 UTC 2026")).to.deep.equal(INCORRECT);
    const evening = Date.UTC(2026, 10, 26, 21, 0, 0);
    expect((await signInAt("clock-eli", evening, "Thu Nov 26 09:00:00 UTC 2026")).kind).to.equal("tokens");
    expect((await signInAt("clock-eli", evening, "Thu Nov 26 21:00:00 UTC 2026")).kind).to.equal("tokens");
  });
});

import { expect } from "chai";
import { startApp } from "../../src/app.js";
import type { CodeMessage, CodeSender } from "../../src/flows/delivery/code-sender.js";
import { keys } from "../../src/store/keys.js";
import { testClients } from "../helpers/clients.js";
import { startRedis } from "../helpers/redis-server.js";
import { CLIENTS, POOL, startTestApp, testConfig, type TestApp } from "../helpers/test-app.js";
import { deliveredSince, deliveryTo, LIFECYCLE_CONFIG, NEW_PASSWORD, PASSWORD, passwordSignIn, seedUser, storeUser, WRONG_CODE, WRONG_PASSWORD } from "../helpers/user-states.js";

const HOUR = 3_600_000;

describe("lifecycle: password recovery, imported and reset users (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  let n = 0;
  const fresh = (prefix: string) => `${prefix}-${++n}`;
  const named = (username: string, clientId: string = CLIENTS.enabled) => ({ clientId, secretHash: "", username, clientMetadata: {} });
  const forgot = (username: string, clientId: string = CLIENTS.enabled) => t.auth.forgotPassword(named(username, clientId)).then((r) => r.result);
  const confirmForgot = (username: string, code: string, password = NEW_PASSWORD, clientId: string = CLIENTS.enabled) =>
    t.auth.confirmForgotPassword({ ...named(username, clientId), confirmationCode: code, password }).then((r) => r.result);

  async function requestCode(username: string, email: string, clientId: string = CLIENTS.enabled): Promise<string> {
    const mark = await t.outboxMark(POOL);
    expect((await forgot(username, clientId))?.$case).to.equal("success");
    return (await deliveryTo(t, POOL, email, mark)).code!;
  }

  it("resets the password with the delivered code; the old password stops working", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("dora"));
    const code = await requestCode(user.name, user.email);
    expect(code).to.match(/^\d{6}$/);
    expect(await confirmForgot(user.name, code)).to.deep.equal({ $case: "success", value: {} });
    expect((await passwordSignIn(t, CLIENTS.enabled, user.name, PASSWORD)).result?.$case).to.equal("notAuthorized");
    expect((await passwordSignIn(t, CLIENTS.enabled, user.name, NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
    expect((await confirmForgot(user.name, code))?.$case, "a used code").to.equal("expiredCode");
  });

  it("rehearses a simulated delivery after the answer, as a real one is sent after it: nothing reaches the outbox (docs/existence.md §2)", async () => {
    const mark = await t.outboxMark(POOL);
    const rehearsals = keys.outboxRehearsal(POOL);
    const before = (await t.redis.xrevrange(rehearsals, "+", "-", "COUNT", 1))[0]?.[0] ?? "0-0";
    expect((await forgot(fresh("nobody")))?.$case).to.equal("success");
    const reply = (await t.redis.xread("COUNT", 1, "BLOCK", 5000, "STREAMS", rehearsals, before)) as [string, [string, string[]][]][] | null;
    const fields = reply?.[0]?.[1]?.[0]?.[1] ?? [];
    expect(fields[fields.indexOf("event") + 1], "the rehearsal's event").to.equal("ForgotPassword");
    expect(await deliveredSince(t, POOL, mark), "real deliveries").to.deep.equal([]);
  });

  it("keeps a recovery code one hour", async () => {
    const early = await seedUser(t, POOL, "CONFIRMED", fresh("hour"));
    const late = await seedUser(t, POOL, "CONFIRMED", fresh("hour"));
    const [earlyCode, lateCode] = [await requestCode(early.name, early.email), await requestCode(late.name, late.email)];
    t.clock.advance(HOUR - 1);
    expect((await confirmForgot(early.name, earlyCode))?.$case).to.equal("success");
    t.clock.advance(1);
    expect((await confirmForgot(late.name, lateCode))?.$case).to.equal("expiredCode");
  });

  it("replaces the old code with a new one", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("twice"));
    const first = await requestCode(user.name, user.email);
    const second = await requestCode(user.name, user.email);
    expect((await confirmForgot(user.name, first))?.$case).to.equal(first === second ? "success" : "codeMismatch");
    if (first !== second) expect((await confirmForgot(user.name, second))?.$case).to.equal("success");
  });

  it("answers expired_code when no code was requested, code_mismatch after one, for users and unknown names (docs/cognito.md §6.3)", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("eve"));
    const ghost = fresh("ghost");
    for (const name of [user.name, ghost]) expect((await confirmForgot(name, WRONG_CODE))?.$case).to.equal("expiredCode");
    for (const name of [user.name, ghost]) expect((await forgot(name))?.$case).to.equal("success");
    for (const name of [user.name, ghost]) expect((await confirmForgot(name, WRONG_CODE))?.$case).to.equal("codeMismatch");
    t.clock.advance(HOUR);
    for (const name of [user.name, ghost]) expect((await confirmForgot(name, WRONG_CODE))?.$case, "the phantom code expires too").to.equal("expiredCode");
  });

  it("checks the new password's policy after resolving the user, for known and unknown names alike (docs/cognito.md §2.5), keeping the code", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("weak"));
    const code = await requestCode(user.name, user.email);
    const weak = await confirmForgot(user.name, code, "weak");
    expect(weak?.$case).to.equal("invalidPassword");
    expect(await confirmForgot(fresh("ghost"), WRONG_CODE, "weak")).to.deep.equal(weak);
    expect((await confirmForgot(fresh("ghost"), WRONG_CODE, "weak", CLIENTS.legacy))?.$case, "LEGACY says the user is unknown first").to.equal("userNotFound");
    expect((await confirmForgot(user.name, code))?.$case).to.equal("success");
  });

  it("limits ForgotPassword to 5 and ConfirmForgotPassword to 10 calls per hour, counting unknown names alike", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("limit"));
    const ghost = fresh("ghost");
    for (const name of [user.name, ghost]) {
      for (let i = 0; i < 5; i++) expect((await forgot(name))?.$case).to.equal("success");
      expect((await forgot(name))?.$case).to.equal("limitExceeded");
      for (let i = 0; i < 10; i++) expect((await confirmForgot(name, WRONG_CODE))?.$case).to.equal("codeMismatch");
      expect((await confirmForgot(name, WRONG_CODE))?.$case).to.equal("limitExceeded");
    }
    t.clock.advance(HOUR);
    expect((await forgot(user.name))?.$case).to.equal("success");
  });

  it("takes imported users (RESET_REQUIRED, no password) through ForgotPassword to CONFIRMED", async () => {
    const name = fresh("imported");
    await storeUser(t, POOL, name, `${name}@example.com`, { status: "RESET_REQUIRED", password: null });
    expect((await passwordSignIn(t, CLIENTS.legacy, name, PASSWORD)).result).to.deep.equal({ $case: "passwordResetRequired", value: { message: "Password reset required for the user" } });
    expect((await passwordSignIn(t, CLIENTS.enabled, name, PASSWORD)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Incorrect username or password." } });
    expect((await passwordSignIn(t, CLIENTS.strict, name, PASSWORD)).result?.$case).to.equal("notAuthorized");
    const code = await requestCode(name, `${name}@example.com`);
    expect((await confirmForgot(name, code))?.$case).to.equal("success");
    const stored = await t.app.deps.stores.users.find(POOL, [{ kind: "name", value: name }]);
    expect(stored?.status).to.equal("CONFIRMED");
    expect((await passwordSignIn(t, CLIENTS.enabled, name, NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
  });

  it("AdminResetUserPassword sends a reset code; STRICT tells password_reset_required only to the old password", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("reset"));
    const mark = await t.outboxMark(POOL);
    const reset = await t.admin.adminResetUserPassword({ userPoolId: POOL, username: user.name, clientMetadata: {} }, t.adminMetadata);
    expect(reset.result?.$case).to.equal("success");
    const delivery = await deliveryTo(t, POOL, user.email, mark);
    expect(delivery.event).to.equal("AdminResetUserPassword");
    expect((await passwordSignIn(t, CLIENTS.strict, user.name, WRONG_PASSWORD)).result?.$case).to.equal("notAuthorized");
    expect((await passwordSignIn(t, CLIENTS.strict, user.name, PASSWORD)).result?.$case).to.equal("passwordResetRequired");
    expect((await confirmForgot(user.name, delivery.code!))?.$case).to.equal("success");
    expect((await passwordSignIn(t, CLIENTS.strict, user.name, NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
  });

  it("changes the password with the previous one; 5 calls per hour; the policy applies", async () => {
    const user = await seedUser(t, POOL, "CONFIRMED", fresh("changer"), { token: true });
    const change = (previous: string, proposed: string) => t.auth.changePassword({ accessToken: user.accessToken!, previousPassword: previous, proposedPassword: proposed }).then((r) => r.result);
    expect((await change(WRONG_PASSWORD, NEW_PASSWORD))?.value).to.deep.equal({ message: "Incorrect username or password." });
    expect((await change(PASSWORD, "weak"))?.$case).to.equal("invalidPassword");
    expect((await change(PASSWORD, NEW_PASSWORD))?.$case).to.equal("success");
    expect((await passwordSignIn(t, CLIENTS.enabled, user.name, NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
    expect((await change(NEW_PASSWORD, PASSWORD))?.$case).to.equal("success");
    expect((await change(PASSWORD, NEW_PASSWORD))?.$case).to.equal("success");
    expect((await change(NEW_PASSWORD, PASSWORD))?.$case).to.equal("limitExceeded");
  });

  it("sends nothing for simulated deliveries", async () => {
    const mark = await t.outboxMark(POOL);
    const noContact = await seedUser(t, POOL, "no verified contact", fresh("quiet"));
    expect((await forgot(noContact.name))?.$case).to.equal("success");
    expect((await forgot(fresh("ghost")))?.$case).to.equal("success");
    expect(await deliveredSince(t, POOL, mark)).to.deep.equal([]);
  });
});

describe("lifecycle: code delivery is off the request's path", () => {
  it("answers SignUp and ResendConfirmationCode while their codes are still being sent", async () => {
    const redis = await startRedis();
    let release: () => void = () => undefined;
    const sent: CodeMessage[] = [];
    let finished = 0;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let bothStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (bothStarted = resolve));
    const sender: CodeSender = { send: async (message) => { if (sent.push(message) === 2) bothStarted(); await blocked; finished++; } };
    const app = await startApp(testConfig(redis.url), { configFile: LIFECYCLE_CONFIG, sender, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    const clients = testClients(app.grpcPort);
    try {
      const signedUp = await clients.auth.signUp({ clientId: CLIENTS.enabled, secretHash: "", username: "slowmail", password: PASSWORD, userAttributes: [{ name: "email", value: "slowmail@example.com" }], validationData: [], clientMetadata: {} });
      expect(signedUp.result?.$case, "the sign-up answered though its code is not sent yet").to.equal("success");
      const resent = await clients.auth.resendConfirmationCode({ clientId: CLIENTS.enabled, secretHash: "", username: "slowmail", clientMetadata: {} });
      expect(resent.result?.$case).to.equal("success");
      expect(finished, "no send has finished, yet both requests were answered").to.equal(0);
      await started;
      expect(sent.map((m) => m.event)).to.deep.equal(["SignUp", "ResendCode"]);
      expect(finished, "both sends are still held").to.equal(0);
    } finally {
      release();
      clients.close();
      await app.stop();
      await redis.stop();
    }
  });
});

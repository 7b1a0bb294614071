import { expect } from "chai";
import { keys } from "../../src/store/keys.js";
import { CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { deliveredSince, deliveryTo, LIFECYCLE_CONFIG, NEW_PASSWORD, PASSWORD, passwordSignIn, seedUser, WRONG_CODE } from "../helpers/user-states.js";

const HOUR = 3_600_000;

describe("lifecycle: sign-up and confirmation (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  let n = 0;
  const fresh = (prefix: string) => `${prefix}-${++n}`;
  const named = (username: string, clientId: string = CLIENTS.enabled) => ({ clientId, secretHash: "", username, clientMetadata: {} });
  const confirm = (username: string, code: string, clientId: string = CLIENTS.enabled, force = false) =>
    t.auth.confirmSignUp({ ...named(username, clientId), confirmationCode: code, forceAliasCreation: force }).then((r) => r.result);
  const resend = (username: string, clientId: string = CLIENTS.enabled) => t.auth.resendConfirmationCode(named(username, clientId)).then((r) => r.result);

  it("confirms with the delivered 6-digit code, verifies the email, and lets the user sign in", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("carol"));
    expect(user.signUpCode).to.match(/^\d{6}$/);
    expect((await passwordSignIn(t, CLIENTS.enabled, user.name, PASSWORD)).result?.$case).to.equal("userNotConfirmed");
    expect(await confirm(user.name, user.signUpCode!)).to.deep.equal({ $case: "success", value: {} });
    const stored = await t.app.deps.stores.users.find(POOL, [{ kind: "name", value: user.name }]);
    expect(stored?.status).to.equal("CONFIRMED");
    expect(stored?.attributes.email_verified).to.equal("true");
    expect((await passwordSignIn(t, CLIENTS.enabled, user.name, PASSWORD)).result?.$case).to.equal("authenticationResult");
  });

  it("uses a code once: the same code again is refused", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("once"));
    expect((await confirm(user.name, user.signUpCode!))?.$case).to.equal("success");
    expect((await confirm(user.name, user.signUpCode!, CLIENTS.strict))?.$case).to.equal("codeMismatch");
    expect((await confirm(user.name, user.signUpCode!, CLIENTS.legacy))?.value).to.deep.equal({ message: "User cannot be confirmed. Current status is CONFIRMED" });
  });

  it("stores only a keyed digest of the code", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("digest"));
    const stored = await t.redis.hgetall(keys.code(POOL, "sign-up", `u:${user.name}`));
    expect(stored.digest).to.be.a("string").and.not.include(user.signUpCode!);
    expect(JSON.stringify(stored)).to.not.include(user.signUpCode!);
  });

  it("keeps a sign-up code 24 hours: expired_code after that, in every mode", async () => {
    const early = await seedUser(t, POOL, "UNCONFIRMED", fresh("day"));
    const late = await seedUser(t, POOL, "UNCONFIRMED", fresh("day"));
    t.clock.advance(24 * HOUR - 1);
    expect((await confirm(early.name, early.signUpCode!))?.$case).to.equal("success");
    t.clock.advance(1);
    expect((await confirm(late.name, late.signUpCode!))?.$case).to.equal("expiredCode");
    expect((await confirm(late.name, WRONG_CODE, CLIENTS.legacy))?.$case).to.equal("expiredCode");
  });

  it("answers a code record gone for good with code_mismatch outside LEGACY, like an unknown name (U7)", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("gone"));
    t.clock.advance(25 * HOUR + 1);
    await t.redis.del(keys.code(POOL, "sign-up", `u:${user.name}`)); // what Redis's expiry does after 25 h
    expect((await confirm(user.name, user.signUpCode!))?.$case).to.equal("codeMismatch");
    expect((await confirm(fresh("nobody"), WRONG_CODE))?.$case).to.equal("codeMismatch");
    expect((await confirm(user.name, user.signUpCode!, CLIENTS.legacy))?.$case).to.equal("expiredCode");
  });

  it("replaces the old code with a resent one", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("resend"));
    const mark = await t.outboxMark(POOL);
    const resent = await resend(user.name);
    expect(resent?.value).to.deep.include({ codeDeliveryDetails: { destination: `r***@e***`, deliveryMedium: 2, attributeName: "email" } });
    const delivery = await deliveryTo(t, POOL, user.email, mark);
    expect(delivery.event).to.equal("ResendCode");
    expect((await confirm(user.name, user.signUpCode!))?.$case).to.equal("codeMismatch");
    expect((await confirm(user.name, delivery.code!))?.$case).to.equal("success");
  });

  it("gives unknown names a phantom code that expires like a real one (U1, docs/cognito.md §6.3)", async () => {
    const ghost = fresh("ghost");
    expect((await confirm(ghost, WRONG_CODE))?.$case).to.equal("codeMismatch");
    const mark = await t.outboxMark(POOL);
    expect((await resend(ghost))?.$case).to.equal("success");
    expect(await deliveredSince(t, POOL, mark)).to.deep.equal([]);
    expect((await confirm(ghost, WRONG_CODE))?.$case).to.equal("codeMismatch");
    t.clock.advance(24 * HOUR);
    expect((await confirm(ghost, WRONG_CODE))?.$case).to.equal("expiredCode");
  });

  it("limits ConfirmSignUp to 15 calls per user per hour, and unknown names alike (docs/cognito.md §6.2, U11)", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("limited"));
    const ghost = fresh("ghost");
    for (const name of [user.name, ghost]) {
      for (let i = 0; i < 15; i++) expect((await confirm(name, WRONG_CODE))?.$case).to.equal("codeMismatch");
      expect(await confirm(name, WRONG_CODE)).to.deep.equal({ $case: "limitExceeded", value: { message: "Attempt limit exceeded, please try after some time." } });
    }
    expect((await confirm(user.name, user.signUpCode!))?.$case, "the limit also holds the right code back").to.equal("limitExceeded");
    t.clock.advance(HOUR);
    expect((await confirm(user.name, user.signUpCode!))?.$case).to.equal("success");
    expect((await confirm(ghost, WRONG_CODE))?.$case).to.equal("codeMismatch");
  });

  it("limits ResendConfirmationCode to 5 per hour, for unknown and confirmed names the same way", async () => {
    const unconfirmed = await seedUser(t, POOL, "UNCONFIRMED", fresh("resender"));
    const confirmed = await seedUser(t, POOL, "CONFIRMED", fresh("resender"));
    for (const name of [unconfirmed.name, confirmed.name, fresh("ghost")]) {
      for (let i = 0; i < 5; i++) expect((await resend(name))?.$case).to.equal("success");
      expect((await resend(name))?.$case).to.equal("limitExceeded");
    }
  });

  it("answers the same simulated delivery to Bob and bob in a case-insensitive pool", async () => {
    const ghost = fresh("Ghost");
    const first = await resend(ghost);
    expect(await resend(ghost.toLowerCase())).to.deep.equal(first);
    expect(await resend(ghost.toUpperCase())).to.deep.equal(first);
  });

  it("checks the password policy before the username (U8)", async () => {
    const taken = await seedUser(t, POOL, "CONFIRMED", fresh("taken"));
    const weak = { ...named(taken.name), password: "short", userAttributes: [], validationData: [] };
    expect((await t.auth.signUp(weak)).result?.$case).to.equal("invalidPassword");
    expect((await t.auth.signUp({ ...weak, username: fresh("free") })).result?.$case).to.equal("invalidPassword");
    expect((await t.auth.signUp({ ...weak, password: NEW_PASSWORD })).result).to.deep.equal({ $case: "usernameExists", value: { message: "User already exists" } });
  });

  it("confirms through AdminConfirmSignUp without verifying anything, and drops the code", async () => {
    const user = await seedUser(t, POOL, "UNCONFIRMED", fresh("admin"));
    const confirmed = await t.admin.adminConfirmSignUp({ userPoolId: POOL, username: user.name, clientMetadata: {} }, t.adminMetadata);
    expect(confirmed.result?.$case).to.equal("success");
    const stored = await t.app.deps.stores.users.find(POOL, [{ kind: "name", value: user.name }]);
    expect(stored?.status).to.equal("CONFIRMED");
    expect(stored?.attributes.email_verified).to.not.equal("true");
    expect(await t.redis.exists(keys.code(POOL, "sign-up", `u:${user.name}`))).to.equal(0);
  });
});

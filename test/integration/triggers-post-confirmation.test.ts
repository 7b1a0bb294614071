// PostConfirmation after ConfirmSignUp, AdminConfirmSignUp and ConfirmForgotPassword, through the
// real server (gRPC + Redis). The hook runs after the checks and before anything is written, so a
// failing hook leaves the user, the code and any alias holder exactly as they were.
import { expect } from "chai";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import type { PostConfirmationTriggerEvent } from "../../src/triggers/index.js";
import { TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { PASSWORD, clearRecordedEvents, clientEntry, fixture, hookFailed, hookTimedOut, recordedEvents, signUpAndConfirm, storedUser, triggerPool } from "../helpers/triggers.js";

const id = (prefix: string) => prefix.padEnd(26, "0");
const POOLS = { plain: "us-east-1_PostConfirm1", alias: "us-east-1_PostConfirmAl1" } as const;
const CLIENT = { plain: id("postconfirmplain"), alias: id("postconfirmalias") } as const;
const NEW_PASSWORD = "Brand-New-Pass-2";
const WRONG_CODE = "0000000";

const HOOKS = { PostConfirmation: { module: fixture("post-confirmation.mjs"), timeoutMs: 300 } };
const CONFIG = {
  ...TEST_CONFIG,
  pools: [
    triggerPool(POOLS.plain, HOOKS, [clientEntry(CLIENT.plain, "ENABLED")]),
    { ...triggerPool(POOLS.alias, HOOKS, [clientEntry(CLIENT.alias, "ENABLED")]), settings: { aliasAttributes: ["email"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] } },
  ],
};
const FAILURES = [["throw", hookFailed("PostConfirmation", "Welcome service down")], ["hang", hookTimedOut("PostConfirmation")]] as const;

describe("triggers: PostConfirmation (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: CONFIG });
  });
  after(() => t.stop());
  beforeEach(() => clearRecordedEvents());

  const events = (source: string) => recordedEvents(source) as PostConfirmationTriggerEvent[];

  /** Signs a user up (not confirmed) and returns the code they were sent. */
  async function signedUp(poolId: string, clientId: string, username: string, email: string): Promise<string> {
    const mark = await t.outboxMark(poolId);
    const response = await t.auth.signUp({ clientId, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: email }], validationData: [], clientMetadata: {} });
    expect(response.result?.$case).to.equal("success");
    return (await t.nextDelivery(poolId, mark, email)).code!;
  }
  function confirm(clientId: string, username: string, code: string, clientMetadata: Record<string, string> = {}, forceAliasCreation = false) {
    return t.auth.confirmSignUp({ clientId, secretHash: "", username, confirmationCode: code, forceAliasCreation, clientMetadata });
  }
  function signIn(username: string, password: string) {
    return t.auth.initiateAuth({ clientId: CLIENT.plain, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} });
  }

  describe("ConfirmSignUp (PostConfirmation_ConfirmSignUp)", () => {
    it("runs with the user as confirmed, then confirms", async () => {
      const code = await signedUp(POOLS.plain, CLIENT.plain, "cora", "cora@example.com");
      expect((await confirm(CLIENT.plain, "cora", code, { source: "link" })).result?.$case).to.equal("success");
      const [event] = events("PostConfirmation_ConfirmSignUp");
      expect(event).to.include({ version: "1", userName: "cora", userPoolId: POOLS.plain, region: "us-east-1" });
      expect(event!.callerContext.clientId).to.equal(CLIENT.plain);
      expect(event!.request.userAttributes).to.include({ email: "cora@example.com", email_verified: "true", "cognito:user_status": "CONFIRMED" });
      expect(event!.request.clientMetadata).to.deep.equal({ source: "link" });
      expect((await storedUser(t, POOLS.plain, "cora"))?.status).to.equal("CONFIRMED");
    });

    it("does not run for a wrong code", async () => {
      await signedUp(POOLS.plain, CLIENT.plain, "wade", "wade@example.com");
      expect((await confirm(CLIENT.plain, "wade", WRONG_CODE)).result?.$case).to.equal("codeMismatch");
      expect(events("PostConfirmation_ConfirmSignUp")).to.deep.equal([]);
    });

    for (const [script, expected] of FAILURES) {
      it(`a failing hook (${script}) changes nothing: the user stays UNCONFIRMED and the same code confirms later`, async () => {
        const name = `cs-${script}`;
        const code = await signedUp(POOLS.plain, CLIENT.plain, name, `${name}@example.com`);
        const before = await storedUser(t, POOLS.plain, name);
        expect((await confirm(CLIENT.plain, name, code, { postConfirmation: script })).result).to.deep.equal(expected);
        expect(await storedUser(t, POOLS.plain, name)).to.deep.equal(before);
        expect((await confirm(CLIENT.plain, name, code)).result?.$case).to.equal("success");
        expect((await storedUser(t, POOLS.plain, name))?.status).to.equal("CONFIRMED");
      });
    }

    it("a failing hook leaves a forced alias with its holder", async () => {
      await signUpAndConfirm(t, POOLS.alias, CLIENT.alias, "hana", "both@example.com");
      const code = await signedUp(POOLS.alias, CLIENT.alias, "ivan", "both@example.com");
      const holder = await storedUser(t, POOLS.alias, "hana");
      expect((await confirm(CLIENT.alias, "ivan", code, { postConfirmation: "throw" }, true)).result).to.deep.equal(hookFailed("PostConfirmation", "Welcome service down"));
      expect(await storedUser(t, POOLS.alias, "hana")).to.deep.equal(holder);
      expect((await storedUser(t, POOLS.alias, "both@example.com"))?.username).to.equal("hana");
      expect((await confirm(CLIENT.alias, "ivan", code, {}, true)).result?.$case).to.equal("success");
      expect((await storedUser(t, POOLS.alias, "both@example.com"))?.username).to.equal("ivan");
      expect(events("PostConfirmation_ConfirmSignUp").at(-1)!.request.userAttributes).to.include({ "cognito:email_alias": "both@example.com" });
    });
  });

  describe("AdminConfirmSignUp (PostConfirmation_ConfirmSignUp)", () => {
    function adminConfirm(username: string, clientMetadata: Record<string, string> = {}) {
      return t.admin.adminConfirmSignUp({ userPoolId: POOLS.plain, username, clientMetadata }, t.adminMetadata);
    }

    it("runs without a client, then confirms", async () => {
      await signedUp(POOLS.plain, CLIENT.plain, "abby", "abby@example.com");
      expect((await adminConfirm("abby", { by: "support" })).result?.$case).to.equal("success");
      const [event] = events("PostConfirmation_ConfirmSignUp");
      expect(event!.callerContext.clientId).to.equal("CLIENT_ID_NOT_APPLICABLE");
      expect(event!.request.userAttributes).to.include({ "cognito:user_status": "CONFIRMED" });
      expect(event!.request.userAttributes).to.not.have.property("email_verified");
      expect(event!.request.clientMetadata).to.deep.equal({ by: "support" });
    });

    for (const [script, expected] of FAILURES) {
      it(`a failing hook (${script}) changes nothing: the user stays UNCONFIRMED with a valid code`, async () => {
        const name = `acs-${script}`;
        const code = await signedUp(POOLS.plain, CLIENT.plain, name, `${name}@example.com`);
        const before = await storedUser(t, POOLS.plain, name);
        expect((await adminConfirm(name, { postConfirmation: script })).result).to.deep.equal(expected);
        expect(await storedUser(t, POOLS.plain, name)).to.deep.equal(before);
        expect((await confirm(CLIENT.plain, name, code)).result?.$case).to.equal("success");
      });
    }
  });

  describe("ConfirmForgotPassword (PostConfirmation_ConfirmForgotPassword)", () => {
    async function recoveryCode(username: string, email: string): Promise<string> {
      const mark = await t.outboxMark(POOLS.plain);
      expect((await t.auth.forgotPassword({ clientId: CLIENT.plain, secretHash: "", username, clientMetadata: {} })).result?.$case).to.equal("success");
      return (await t.nextDelivery(POOLS.plain, mark, email)).code!;
    }
    function reset(username: string, code: string, password: string, clientMetadata: Record<string, string> = {}) {
      return t.auth.confirmForgotPassword({ clientId: CLIENT.plain, secretHash: "", username, confirmationCode: code, password, clientMetadata });
    }

    it("runs on every successful reset", async () => {
      await signUpAndConfirm(t, POOLS.plain, CLIENT.plain, "rosa", "rosa@example.com");
      expect((await reset("rosa", await recoveryCode("rosa", "rosa@example.com"), NEW_PASSWORD, { via: "email" })).result?.$case).to.equal("success");
      expect((await reset("rosa", await recoveryCode("rosa", "rosa@example.com"), PASSWORD)).result?.$case).to.equal("success");
      const sent = events("PostConfirmation_ConfirmForgotPassword");
      expect(sent).to.have.length(2);
      expect(sent[0]).to.include({ userName: "rosa", userPoolId: POOLS.plain });
      expect(sent[0]!.callerContext.clientId).to.equal(CLIENT.plain);
      expect(sent[0]!.request.userAttributes).to.include({ email: "rosa@example.com", "cognito:user_status": "CONFIRMED" });
      expect(sent[0]!.request.clientMetadata).to.deep.equal({ via: "email" });
      expect(events("PostConfirmation_ConfirmSignUp")).to.have.length(1);
    });

    it("does not run for a wrong code", async () => {
      await signUpAndConfirm(t, POOLS.plain, CLIENT.plain, "will", "will@example.com");
      await recoveryCode("will", "will@example.com");
      expect((await reset("will", WRONG_CODE, NEW_PASSWORD)).result?.$case).to.equal("codeMismatch");
      expect(events("PostConfirmation_ConfirmForgotPassword")).to.deep.equal([]);
    });

    it("sees a RESET_REQUIRED user as CONFIRMED, the status the reset gives", async () => {
      await signUpAndConfirm(t, POOLS.plain, CLIENT.plain, "rita", "rita@example.com");
      const mark = await t.outboxMark(POOLS.plain);
      expect((await t.admin.adminResetUserPassword({ userPoolId: POOLS.plain, username: "rita", clientMetadata: {} }, t.adminMetadata)).result?.$case).to.equal("success");
      const code = (await t.nextDelivery(POOLS.plain, mark, "rita@example.com")).code!;
      expect((await reset("rita", code, NEW_PASSWORD)).result?.$case).to.equal("success");
      expect(events("PostConfirmation_ConfirmForgotPassword")[0]!.request.userAttributes["cognito:user_status"]).to.equal("CONFIRMED");
    });

    for (const [script, expected] of FAILURES) {
      it(`a failing hook (${script}) changes nothing: the old password still works and the same code resets later`, async () => {
        const name = `cfp-${script}`;
        await signUpAndConfirm(t, POOLS.plain, CLIENT.plain, name, `${name}@example.com`);
        const code = await recoveryCode(name, `${name}@example.com`);
        const before = await storedUser(t, POOLS.plain, name);
        expect((await reset(name, code, NEW_PASSWORD, { postConfirmation: script })).result).to.deep.equal(expected);
        expect(await storedUser(t, POOLS.plain, name)).to.deep.equal(before);
        expect((await signIn(name, PASSWORD)).result?.$case).to.equal("authenticationResult");
        expect((await signIn(name, NEW_PASSWORD)).result?.$case).to.equal("notAuthorized");
        expect((await reset(name, code, NEW_PASSWORD)).result?.$case).to.equal("success");
        expect((await signIn(name, NEW_PASSWORD)).result?.$case).to.equal("authenticationResult");
      });
    }
  });
});

// UserMigration through the real server (gRPC + Redis): the legacy-table example
// (examples/triggers/user-migration) at sign-in and ForgotPassword, a scripted hook for the answer's
// edge cases, and failing hooks.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { deliveryDetails } from "../../src/flows/delivery/deliver.js";
import { simulatedDestination } from "../../src/flows/delivery/simulated-destination.js";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import type { PreAuthenticationTriggerEvent, UserMigrationTriggerEvent } from "../../src/triggers/index.js";
import { TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { clearRecordedEvents, clientEntry, fixture, hookFailed, hookTimedOut, recordedEvents, signUpAndConfirm, storedUser, triggerPool } from "../helpers/triggers.js";
import { libraryA } from "./srp-client.js";

const id = (prefix: string) => prefix.padEnd(26, "0");
const POOLS = { legacy: "us-east-1_Migration1", scripted: "us-east-1_MigrationScr1", throws: "us-east-1_MigrationErr1", hangs: "us-east-1_MigrationHang1" } as const;
const CLIENT = {
  ENABLED: id("migenabled"), STRICT: id("migstrict"), LEGACY: id("miglegacy"),
  scripted: id("migscripted"), throws: id("migthrows"), hangs: id("mighangs"),
} as const;
const EMAIL_USERNAMES = { usernameAttributes: ["email"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] };
/** The demo passwords of examples/triggers/user-migration/legacy-users.json (listed in its README). */
const LEGACY = { lena: "Legacy-Lena-1", omar: "Legacy-Omar-2", ruth: "Legacy-Ruth-3", pat: "Legacy-Pat-4", ada: "Legacy-Ada-5", fay: "Legacy-Fay-6" } as const;
const NEW_PASSWORD = "Brand-New-Pass-7";
const INCORRECT = { $case: "notAuthorized", value: { message: "Incorrect username or password." } };

const CONFIG = {
  ...TEST_CONFIG,
  pools: [
    { ...triggerPool(POOLS.legacy, { UserMigration: { module: fixture("recorded-migration.mjs") }, PreAuthentication: { module: fixture("pre-authentication.mjs") } }, [
      clientEntry(CLIENT.ENABLED, "ENABLED"), clientEntry(CLIENT.STRICT, "STRICT"), clientEntry(CLIENT.LEGACY, "LEGACY"),
    ]), settings: EMAIL_USERNAMES },
    { ...triggerPool(POOLS.scripted, { UserMigration: { module: fixture("user-migration-scripted.mjs") } }, [clientEntry(CLIENT.scripted, "ENABLED")]), settings: { aliasAttributes: ["email"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] } },
    { ...triggerPool(POOLS.throws, { UserMigration: { module: fixture("throws.mjs") } }, [clientEntry(CLIENT.throws, "ENABLED")]), settings: EMAIL_USERNAMES },
    { ...triggerPool(POOLS.hangs, { UserMigration: { module: fixture("never-resolves.mjs"), timeoutMs: 200 } }, [clientEntry(CLIENT.hangs, "ENABLED")]), settings: EMAIL_USERNAMES },
  ],
};

describe("triggers: UserMigration (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: CONFIG });
  });
  after(() => t.stop());
  beforeEach(() => clearRecordedEvents());

  const migrations = (source?: string) => recordedEvents(source ?? "UserMigration_Authentication") as UserMigrationTriggerEvent[];
  function signIn(clientId: string, username: string, password: string, clientMetadata: Record<string, string> = {}, poolId?: string) {
    const request = { clientId, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata };
    if (poolId) return t.admin.adminInitiateAuth({ ...request, userPoolId: poolId, authFlow: AuthFlow.AUTH_FLOW_ADMIN_USER_PASSWORD_AUTH }, t.adminMetadata).then((r) => r.result);
    return t.auth.initiateAuth({ ...request, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH }).then((r) => r.result);
  }
  function forgot(clientId: string, username: string, clientMetadata: Record<string, string> = {}) {
    return t.auth.forgotPassword({ clientId, secretHash: "", username, clientMetadata }).then((r) => r.result);
  }
  /** ForgotPassword, then ConfirmForgotPassword with the code that was delivered to `email`. */
  async function recover(poolId: string, clientId: string, username: string, email: string, metadata: Record<string, string> = {}) {
    const mark = await t.outboxMark(poolId);
    expect((await forgot(clientId, username, metadata))?.$case).to.equal("success");
    const code = (await t.nextDelivery(poolId, mark, email)).code!;
    const confirmed = await t.auth.confirmForgotPassword({ clientId, secretHash: "", username, confirmationCode: code, password: NEW_PASSWORD, clientMetadata: {} });
    expect(confirmed.result?.$case).to.equal("success");
  }
  function tokensOf(result: Awaited<ReturnType<typeof signIn>>) {
    if (result?.$case !== "authenticationResult") throw new Error(`expected tokens, got ${JSON.stringify(result)}`);
    return decodeJwt(result.value.idToken);
  }

  describe("the legacy-table example (examples/triggers/user-migration)", () => {
    it("USER_PASSWORD_AUTH: a legacy user with the right password is migrated and signed in; the next sign-in needs no hook", async () => {
      const claims = tokensOf(await signIn(CLIENT.ENABLED, "Lena@Legacy.example", LEGACY.lena, { app: "web" }));
      const [event] = migrations();
      expect(event).to.include({ version: "1", triggerSource: "UserMigration_Authentication", userName: "Lena@Legacy.example", userPoolId: POOLS.legacy });
      expect(event!.callerContext.clientId).to.equal(CLIENT.ENABLED);
      expect(event!.request).to.deep.equal({ password: LEGACY.lena, validationData: { app: "web" } });
      expect(event!.response).to.deep.equal({ userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null, enableSMSMFA: null });
      const stored = await storedUser(t, POOLS.legacy, "lena@legacy.example");
      expect(stored).to.include({ status: "CONFIRMED", enabled: true });
      expect(stored!.username).to.match(/^[0-9a-f-]{36}$/);
      expect(stored!.attributes).to.include({ email_verified: "true", name: "Lena Lindqvist" });
      expect(claims).to.include({ "cognito:username": stored!.username, name: "Lena Lindqvist" });
      // PreAuthentication ran after the migration, for the user it made.
      const [preAuth] = recordedEvents("PreAuthentication_Authentication") as PreAuthenticationTriggerEvent[];
      expect(preAuth).to.include({ userName: stored!.username });
      expect(preAuth!.request.userNotFound).to.equal(false);
      clearRecordedEvents();
      tokensOf(await signIn(CLIENT.ENABLED, "lena@legacy.example", LEGACY.lena));
      expect(migrations()).to.deep.equal([]);
    });

    it("ADMIN_USER_PASSWORD_AUTH migrates too (a salted SHA-256 legacy hash)", async () => {
      tokensOf(await signIn(CLIENT.ENABLED, "omar@legacy.example", LEGACY.omar, {}, POOLS.legacy));
      expect((await storedUser(t, POOLS.legacy, "omar@legacy.example"))?.attributes).to.include({ phone_number: "+15555550111", phone_number_verified: "false" });
    });

    it("a wrong legacy password, a suspended legacy account and a name the table lacks all answer as an unknown name without a hook, and create nothing", async () => {
      const attempts = [["pat@legacy.example", "Wrong-Password-1"], ["sam@legacy.example", LEGACY.lena], ["nobody@legacy.example", LEGACY.pat]] as const;
      for (const [name, password] of attempts) {
        expect(await signIn(CLIENT.ENABLED, name, password)).to.deep.equal(INCORRECT);
        expect(await signIn(CLIENT.STRICT, name, password)).to.deep.equal(INCORRECT);
        expect(await signIn(CLIENT.LEGACY, name, password)).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
        expect(await storedUser(t, POOLS.legacy, name)).to.equal(undefined);
      }
      expect(migrations()).to.have.length(9);
      const preAuth = recordedEvents("PreAuthentication_Authentication") as PreAuthenticationTriggerEvent[];
      expect(preAuth.map((event) => event.request.userNotFound)).to.deep.equal([true, true, true, true, true, true]);
    });

    it("a legacy user flagged for reset is migrated RESET_REQUIRED without a password, then recovers with ForgotPassword", async () => {
      expect(await signIn(CLIENT.ENABLED, "ruth@legacy.example", LEGACY.ruth)).to.deep.equal(INCORRECT);
      const stored = await storedUser(t, POOLS.legacy, "ruth@legacy.example");
      expect(stored?.status).to.equal("RESET_REQUIRED");
      expect(stored?.verifier).to.equal(undefined);
      expect(await signIn(CLIENT.LEGACY, "ruth@legacy.example", LEGACY.ruth)).to.deep.equal({ $case: "passwordResetRequired", value: { message: "Password reset required for the user" } });
      expect(migrations()).to.have.length(1);
      await recover(POOLS.legacy, CLIENT.ENABLED, "ruth@legacy.example", "ruth@legacy.example");
      tokensOf(await signIn(CLIENT.ENABLED, "ruth@legacy.example", NEW_PASSWORD));
      expect(migrations("UserMigration_ForgotPassword")).to.deep.equal([]);
    });

    it("ForgotPassword migrates a legacy user (no password in the event) and sends a real code", async () => {
      await recover(POOLS.legacy, CLIENT.ENABLED, "fay@legacy.example", "fay@legacy.example", { from: "reset-page" });
      const [event] = migrations("UserMigration_ForgotPassword");
      expect(event).to.include({ userName: "fay@legacy.example", userPoolId: POOLS.legacy });
      expect(event!.request).to.deep.equal({ clientMetadata: { from: "reset-page" } });
      tokensOf(await signIn(CLIENT.ENABLED, "fay@legacy.example", NEW_PASSWORD));
      expect(migrations()).to.deep.equal([]);
    });

    it("ForgotPassword for a name the table lacks answers as without a hook: simulated (ENABLED) or user_not_found (LEGACY)", async () => {
      const pool = (await t.app.deps.stores.pools.get(POOLS.legacy))!;
      const simulated = deliveryDetails(simulatedDestination(t.app.deps, pool, "nobody@legacy.example", "forgot-password"));
      expect(await forgot(CLIENT.ENABLED, "nobody@legacy.example")).to.deep.equal({ $case: "success", value: { codeDeliveryDetails: simulated } });
      expect(await forgot(CLIENT.LEGACY, "nobody@legacy.example")).to.deep.equal({ $case: "userNotFound", value: { message: "Username/client id combination not found." } });
      expect(migrations("UserMigration_ForgotPassword")).to.have.length(2);
      expect(await storedUser(t, POOLS.legacy, "nobody@legacy.example")).to.equal(undefined);
    });

    it("USER_SRP_AUTH never calls the hook (no password to check): the name stays unknown", async () => {
      const started = await t.auth.initiateAuth({ clientId: CLIENT.ENABLED, authFlow: AuthFlow.AUTH_FLOW_USER_SRP_AUTH, authParameters: { USERNAME: "pat@legacy.example", SRP_A: libraryA(POOLS.legacy) }, clientMetadata: {} });
      expect(started.result?.$case).to.equal("challenge");
      expect(recordedEvents().filter((event) => event.triggerSource.startsWith("UserMigration"))).to.deep.equal([]);
      expect(await storedUser(t, POOLS.legacy, "pat@legacy.example")).to.equal(undefined);
    });

    it("a locked-out legacy name is not offered to the hook until the lockout ends", async () => {
      for (let i = 0; i < 5; i++) expect(await signIn(CLIENT.ENABLED, "ada@legacy.example", `Wrong-Password-${i}`)).to.deep.equal(INCORRECT);
      expect(await signIn(CLIENT.ENABLED, "ada@legacy.example", LEGACY.ada)).to.deep.equal({ $case: "notAuthorized", value: { message: "Password attempts exceeded" } });
      expect(migrations()).to.have.length(5);
      expect(await storedUser(t, POOLS.legacy, "ada@legacy.example")).to.equal(undefined);
      t.clock.advance(2_000);
      tokensOf(await signIn(CLIENT.ENABLED, "ada@legacy.example", LEGACY.ada));
      expect(migrations()).to.have.length(6);
    });

    it("never logs a password", () => {
      const logged = t.log.lines.join("\n");
      for (const password of Object.values(LEGACY)) expect(logged).to.not.include(password);
    });
  });

  describe("the answer (a scripted hook, alias pool)", () => {
    const answer = (response: object) => ({ answer: JSON.stringify(response) });

    it("an empty userAttributes object counts as not found", async () => {
      expect(await signIn(CLIENT.scripted, "emil", "Any-Password-1", answer({ userAttributes: {}, finalUserStatus: "CONFIRMED" }))).to.deep.equal(INCORRECT);
      expect(await storedUser(t, POOLS.scripted, "emil")).to.equal(undefined);
    });

    it("finalUserStatus defaults to CONFIRMED at sign-in, keeping the password sent, and the password policy does not apply", async () => {
      tokensOf(await signIn(CLIENT.scripted, "mia", "weak", answer({ userAttributes: { email: "mia@example.com", email_verified: "true" } })));
      expect((await storedUser(t, POOLS.scripted, "mia"))?.status).to.equal("CONFIRMED");
      tokensOf(await signIn(CLIENT.scripted, "mia", "weak"));
    });

    it("finalUserStatus defaults to RESET_REQUIRED at ForgotPassword, and the code goes to the verified email", async () => {
      const mark = await t.outboxMark(POOLS.scripted);
      expect((await forgot(CLIENT.scripted, "noel", answer({ userAttributes: { email: "noel@example.com", email_verified: "true" } })))?.$case).to.equal("success");
      expect((await storedUser(t, POOLS.scripted, "noel"))?.status).to.equal("RESET_REQUIRED");
      expect((await t.nextDelivery(POOLS.scripted, mark, "noel@example.com")).code).to.match(/^\d{6}$/);
    });

    it("attributes no user can have are invalid_lambda_response, and nothing is created", async () => {
      expect(await signIn(CLIENT.scripted, "sid", "Any-Password-1", answer({ userAttributes: { sub: "chosen-sub" } }))).to.deep.equal({
        $case: "invalidLambdaResponse", value: { message: "Invalid lambda function output : Cannot modify the non-mutable attribute sub" },
      });
      expect(await storedUser(t, POOLS.scripted, "sid")).to.equal(undefined);
    });

    it("may name the user (userAttributes.username) only when the name sent is one of the returned aliases", async () => {
      const zoe = { userAttributes: { username: "zoe", email: "zoe@example.com", email_verified: "true" } };
      tokensOf(await signIn(CLIENT.scripted, "Zoe@Example.com", "Any-Password-1", answer(zoe)));
      expect((await storedUser(t, POOLS.scripted, "zoe@example.com"))?.username).to.equal("zoe");
      clearRecordedEvents();
      tokensOf(await signIn(CLIENT.scripted, "zoe@example.com", "Any-Password-1"));
      expect(migrations()).to.deep.equal([]);
      const yan = { userAttributes: { username: "other", email: "yan@example.com" } };
      expect(await signIn(CLIENT.scripted, "yan", "Any-Password-1", answer(yan))).to.deep.equal({
        $case: "invalidLambdaResponse", value: { message: "Invalid lambda function output : userAttributes.username is allowed only when the user name sent is an alias attribute of the user" },
      });
      expect(await storedUser(t, POOLS.scripted, "yan")).to.equal(undefined);
    });

    it("a verified alias another user holds fails the migration unless forceAliasCreation moves it", async () => {
      await signUpAndConfirm(t, POOLS.scripted, CLIENT.scripted, "holder", "dup@example.com");
      const newbie = { userAttributes: { email: "dup@example.com", email_verified: "true" } };
      expect(await signIn(CLIENT.scripted, "newbie", "Any-Password-1", answer(newbie))).to.deep.equal(INCORRECT);
      expect(await storedUser(t, POOLS.scripted, "newbie")).to.equal(undefined);
      expect(t.log.lines.some((line) => line.includes("migrated user not created"))).to.equal(true);
      tokensOf(await signIn(CLIENT.scripted, "newbie", "Any-Password-1", answer({ ...newbie, forceAliasCreation: true })));
      expect((await storedUser(t, POOLS.scripted, "dup@example.com"))?.username).to.equal("newbie");
      expect((await storedUser(t, POOLS.scripted, "holder"))?.attributes.email_verified).to.equal("false");
    });
  });

  describe("failing hooks create nothing", () => {
    it("a throwing hook: user_lambda_validation at sign-in and at ForgotPassword", async () => {
      expect(await signIn(CLIENT.throws, "gus@example.com", "Any-Password-1")).to.deep.equal(hookFailed("UserMigration", "Email domain not allowed"));
      expect(await forgot(CLIENT.throws, "gus@example.com", { message: "Bad Email" })).to.deep.equal(hookFailed("UserMigration", "Bad Email"));
      expect(await storedUser(t, POOLS.throws, "gus@example.com")).to.equal(undefined);
    });

    it("a hook that does not answer in time: unexpected_lambda at sign-in and at ForgotPassword", async () => {
      expect(await signIn(CLIENT.hangs, "gil@example.com", "Any-Password-1")).to.deep.equal(hookTimedOut("UserMigration"));
      expect(await forgot(CLIENT.hangs, "gil@example.com")).to.deep.equal(hookTimedOut("UserMigration"));
      expect(await storedUser(t, POOLS.hangs, "gil@example.com")).to.equal(undefined);
    });
  });

  it("counts ForgotPassword's hourly limit before the hook, so an unknown name cannot call it without limit", async () => {
    const name = "nobody-limited@example.com";
    for (let i = 0; i < 5; i++) expect((await forgot(CLIENT.ENABLED, name))?.$case).to.equal("success");
    expect((await forgot(CLIENT.ENABLED, name))?.$case).to.equal("limitExceeded");
    expect(migrations("UserMigration_ForgotPassword").filter((e) => e.userName === name)).to.have.length(5);
  });
});

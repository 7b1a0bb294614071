// PreSignUp (SignUp and AdminCreateUser) and the PostConfirmation of an auto-confirmed sign-up,
// through the real server (gRPC + Redis) with the fixture hooks in test/fixtures/triggers.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { AuthFlow, MessageAction, UserStatus } from "../../src/gen/identity/v1/common.js";
import type { PostConfirmationTriggerEvent, PreSignUpTriggerEvent } from "../../src/triggers/index.js";
import { TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { PASSWORD, clearRecordedEvents, clientEntry, destinationsUntil, fixture, hookFailed, hookTimedOut, recordedEvents, signUpAndConfirm, storedUser, triggerPool } from "../helpers/triggers.js";

const id = (prefix: string) => prefix.padEnd(26, "0");
const POOLS = { plain: "us-east-1_PreSignUp1", alias: "us-east-1_PreSignUpAlias1", email: "us-east-1_PreSignUpEmail1" } as const;
const CLIENT = { plain: id("presignupplain"), alias: id("presignupalias"), email: id("presignupemail") } as const;

const HOOKS = {
  PreSignUp: { module: fixture("pre-sign-up-scripted.mjs"), timeoutMs: 300 },
  PostConfirmation: { module: fixture("post-confirmation.mjs"), timeoutMs: 300 },
};
const CONFIG = {
  ...TEST_CONFIG,
  pools: [
    triggerPool(POOLS.plain, HOOKS, [clientEntry(CLIENT.plain, "ENABLED")]),
    { ...triggerPool(POOLS.alias, HOOKS, [clientEntry(CLIENT.alias, "ENABLED")]), settings: { aliasAttributes: ["email", "phone_number", "preferred_username"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] } },
    { ...triggerPool(POOLS.email, HOOKS, [clientEntry(CLIENT.email, "ENABLED")]), settings: { usernameAttributes: ["email"], autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"] } },
  ],
};

describe("triggers: PreSignUp and the auto-confirmed sign-up's PostConfirmation (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: CONFIG });
  });
  after(() => t.stop());
  beforeEach(() => clearRecordedEvents());

  type Extra = { clientMetadata?: Record<string, string>; validationData?: { name: string; value: string }[]; attributes?: { name: string; value: string }[] };
  function signUp(poolClient: string, username: string, email: string, extra: Extra = {}) {
    const attributes = extra.attributes ?? [{ name: "email", value: email }];
    return t.auth.signUp({ clientId: poolClient, secretHash: "", username, password: PASSWORD, userAttributes: attributes, validationData: extra.validationData ?? [], clientMetadata: extra.clientMetadata ?? {} });
  }
  function signIn(clientId: string, username: string) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: PASSWORD }, clientMetadata: {} });
  }
  const preSignUps = () => recordedEvents("PreSignUp_SignUp") as PreSignUpTriggerEvent[];
  const postConfirmations = () => recordedEvents("PostConfirmation_ConfirmSignUp") as PostConfirmationTriggerEvent[];

  /**
   * Proves no code went to `address` since `mark`: a later sign-up's code arrives, and nothing
   * delivered before it went there (deliveries leave in the order they were queued, deliver.ts).
   */
  async function expectNoDeliverySince(poolId: string, clientId: string, mark: string, sentinel: string, address: string) {
    expect((await signUp(clientId, sentinel, `${sentinel}@example.com`)).result?.$case).to.equal("success");
    expect(await destinationsUntil(t, poolId, mark, `${sentinel}@example.com`)).to.include(`${sentinel}@example.com`).and.not.include(address);
  }

  it("sends Cognito's PreSignUp_SignUp event, and a plain answer keeps the code flow", async () => {
    const response = await signUp(CLIENT.plain, "sue", "sue@example.com", { validationData: [{ name: "captcha", value: "ok" }], clientMetadata: { campaign: "spring" } });
    expect(response.result?.$case).to.equal("success");
    if (response.result?.$case !== "success") return;
    expect(response.result.value.userConfirmed).to.equal(false);
    expect(response.result.value.codeDeliveryDetails?.attributeName).to.equal("email");
    const [event] = preSignUps();
    expect(event).to.include({ version: "1", triggerSource: "PreSignUp_SignUp", region: "us-east-1", userPoolId: POOLS.plain, userName: "sue" });
    expect(event!.callerContext).to.deep.equal({ awsSdkVersion: "aws-sdk-unknown-unknown", clientId: CLIENT.plain });
    expect(event!.request).to.deep.equal({ userAttributes: { email: "sue@example.com" }, validationData: { captcha: "ok" }, clientMetadata: { campaign: "spring" } });
    expect(event!.response).to.deep.equal({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    expect((await storedUser(t, POOLS.plain, "sue"))?.status).to.equal("UNCONFIRMED");
    expect(postConfirmations()).to.deep.equal([]);
  });

  it("sends validationData null when the caller sent none", async () => {
    expect((await signUp(CLIENT.plain, "val", "val@example.com")).result?.$case).to.equal("success");
    expect(preSignUps()[0]!.request.validationData).to.equal(null);
  });

  it("autoConfirmUser: the user is CONFIRMED at once, no code is sent, PostConfirmation_ConfirmSignUp runs, and the user signs in", async () => {
    const mark = await t.outboxMark(POOLS.plain);
    const response = await signUp(CLIENT.plain, "ann", "ann@example.com", { clientMetadata: { preSignUp: "confirm" } });
    expect(response.result?.$case).to.equal("success");
    if (response.result?.$case !== "success") return;
    expect(response.result.value).to.deep.include({ userConfirmed: true, codeDeliveryDetails: undefined });
    const stored = await storedUser(t, POOLS.plain, "ann");
    expect(stored?.status).to.equal("CONFIRMED");
    expect(stored?.attributes).to.not.have.property("email_verified");
    const [post] = postConfirmations();
    expect(post).to.include({ triggerSource: "PostConfirmation_ConfirmSignUp", userName: "ann", userPoolId: POOLS.plain });
    expect(post!.callerContext.clientId).to.equal(CLIENT.plain);
    expect(post!.request.userAttributes).to.include({ sub: response.result.value.userSub, email: "ann@example.com", "cognito:user_status": "CONFIRMED" });
    expect(post!.request.clientMetadata).to.deep.equal({ preSignUp: "confirm" });
    expect(post!.response).to.deep.equal({});
    expect((await signIn(CLIENT.plain, "ann")).result?.$case).to.equal("authenticationResult");
    await expectNoDeliverySince(POOLS.plain, CLIENT.plain, mark, "sentinel-ann", "ann@example.com");
  });

  it("autoVerifyEmail (with autoConfirmUser) verifies the email; in an alias pool it moves the alias from its previous holder", async () => {
    await signUpAndConfirm(t, POOLS.alias, CLIENT.alias, "holly", "shared@example.com");
    clearRecordedEvents();
    const response = await signUp(CLIENT.alias, "vera", "shared@example.com", { clientMetadata: { preSignUp: "confirm-verify-email" } });
    expect(response.result?.$case).to.equal("success");
    expect((await storedUser(t, POOLS.alias, "vera"))?.attributes).to.include({ email: "shared@example.com", email_verified: "true" });
    expect((await storedUser(t, POOLS.alias, "holly"))?.attributes.email_verified).to.equal("false");
    expect(postConfirmations()[0]!.request.userAttributes).to.include({ "cognito:email_alias": "shared@example.com", email_verified: "true" });
    const signedIn = await signIn(CLIENT.alias, "shared@example.com");
    if (signedIn.result?.$case !== "authenticationResult") throw new Error(`expected tokens, got ${JSON.stringify(signedIn.result)}`);
    expect(decodeJwt(signedIn.result.value.idToken)["cognito:username"]).to.equal("vera");
  });

  it("an auto-verified sign-up moves an email alias but never another user's preferred_username", async () => {
    const holder = [{ name: "email", value: "pref-holder@example.com" }, { name: "preferred_username", value: "shorty" }];
    expect((await signUp(CLIENT.alias, "pref-holder", "", { attributes: holder, clientMetadata: { preSignUp: "confirm-verify-email" } })).result?.$case).to.equal("success");
    const taker = [{ name: "email", value: "pref-holder@example.com" }, { name: "preferred_username", value: "shorty" }];
    expect((await signUp(CLIENT.alias, "pref-taker", "", { attributes: taker, clientMetadata: { preSignUp: "confirm-verify-email" } })).result?.$case).to.equal("usernameExists");
    expect((await storedUser(t, POOLS.alias, "shorty"))?.username).to.equal("pref-holder");
    expect((await storedUser(t, POOLS.alias, "pref-holder@example.com"))?.username).to.equal("pref-holder");
    expect(await storedUser(t, POOLS.alias, "pref-taker")).to.equal(undefined);
  });

  it("autoVerifyPhone verifies the phone number too", async () => {
    const attributes = [{ name: "email", value: "phil@example.com" }, { name: "phone_number", value: "+15555550123" }];
    expect((await signUp(CLIENT.plain, "phil", "", { attributes, clientMetadata: { preSignUp: "confirm-verify-both" } })).result?.$case).to.equal("success");
    expect((await storedUser(t, POOLS.plain, "phil"))?.attributes).to.include({ email_verified: "true", phone_number_verified: "true" });
  });

  it("autoVerify without autoConfirmUser verifies nothing: the user is UNCONFIRMED and gets a code", async () => {
    const mark = await t.outboxMark(POOLS.plain);
    const response = await signUp(CLIENT.plain, "otto", "otto@example.com", { clientMetadata: { preSignUp: "verify-only" } });
    expect(response.result?.$case === "success" && response.result.value.userConfirmed).to.equal(false);
    const stored = await storedUser(t, POOLS.plain, "otto");
    expect(stored?.status).to.equal("UNCONFIRMED");
    expect(stored?.attributes).to.not.have.property("email_verified");
    expect((await t.nextDelivery(POOLS.plain, mark, "otto@example.com")).code).to.match(/^\d{6}$/);
    expect(postConfirmations()).to.deep.equal([]);
  });

  it("autoVerifyPhone for a user without a phone number is invalid_lambda_response, and nothing is created", async () => {
    const response = await signUp(CLIENT.plain, "nophone", "nophone@example.com", { clientMetadata: { preSignUp: "confirm-verify-phone" } });
    expect(response.result).to.deep.equal({ $case: "invalidLambdaResponse", value: { message: "Invalid lambda function output : autoVerifyPhone is true but the user has no phone_number" } });
    expect(await storedUser(t, POOLS.plain, "nophone")).to.equal(undefined);
    expect(postConfirmations()).to.deep.equal([]);
  });

  it("a throwing PreSignUp: user_lambda_validation, nothing is created, and the name stays free", async () => {
    const mark = await t.outboxMark(POOLS.plain);
    const response = await signUp(CLIENT.plain, "rex", "rex@example.com", { clientMetadata: { preSignUp: "throw" } });
    expect(response.result).to.deep.equal(hookFailed("PreSignUp", "Sign-ups from this domain are closed"));
    expect(await storedUser(t, POOLS.plain, "rex")).to.equal(undefined);
    expect((await signUp(CLIENT.plain, "rex", "rex@example.com")).result?.$case).to.equal("success");
    // One code for rex since the refused sign-up: the accepted one's.
    expect((await destinationsUntil(t, POOLS.plain, mark, "rex@example.com")).filter((to) => to === "rex@example.com")).to.have.length(1);
  });

  it("a PreSignUp that does not answer in time: unexpected_lambda, and nothing is created", async () => {
    const response = await signUp(CLIENT.plain, "hugo", "hugo@example.com", { clientMetadata: { preSignUp: "hang" } });
    expect(response.result).to.deep.equal(hookTimedOut("PreSignUp"));
    expect(await storedUser(t, POOLS.plain, "hugo")).to.equal(undefined);
  });

  for (const [script, expected] of [["throw", hookFailed("PostConfirmation", "Welcome service down")], ["hang", hookTimedOut("PostConfirmation")]] as const) {
    it(`a PostConfirmation that fails (${script}) after auto-confirmation: its error, and nothing is created`, async () => {
      const name = `post-${script}`;
      const mark = await t.outboxMark(POOLS.plain);
      const response = await signUp(CLIENT.plain, name, `${name}@example.com`, { clientMetadata: { preSignUp: "confirm", postConfirmation: script } });
      expect(response.result).to.deep.equal(expected);
      expect(postConfirmations()).to.have.length(1);
      expect(await storedUser(t, POOLS.plain, name)).to.equal(undefined);
      expect((await signUp(CLIENT.plain, name, `${name}@example.com`, { clientMetadata: { preSignUp: "confirm" } })).result?.$case).to.equal("success");
      await expectNoDeliverySince(POOLS.plain, CLIENT.plain, mark, `sentinel-${script}`, `${name}@example.com`);
    });
  }

  it("refuses a taken name before PostConfirmation, which never hears of it", async () => {
    expect((await signUp(CLIENT.plain, "tak", "tak@example.com", { clientMetadata: { preSignUp: "confirm" } })).result?.$case).to.equal("success");
    clearRecordedEvents();
    const again = await signUp(CLIENT.plain, "tak", "other@example.com", { clientMetadata: { preSignUp: "confirm" } });
    expect(again.result).to.deep.equal({ $case: "usernameExists", value: { message: "User already exists" } });
    expect(preSignUps()).to.have.length(1);
    expect(postConfirmations()).to.deep.equal([]);
  });

  it("in an email-as-username pool the event names the generated internal username, and the email is an attribute", async () => {
    const response = await signUp(CLIENT.email, "Eva@Example.com", "", { attributes: [], clientMetadata: { preSignUp: "confirm-verify-email" } });
    expect(response.result?.$case).to.equal("success");
    const stored = await storedUser(t, POOLS.email, "eva@example.com");
    expect(stored?.status).to.equal("CONFIRMED");
    const [event] = preSignUps();
    expect(event!.userName).to.equal(stored!.username).and.to.match(/^[0-9a-f-]{36}$/);
    expect(event!.request.userAttributes).to.deep.equal({ email: "Eva@Example.com" });
    expect(postConfirmations()[0]!.userName).to.equal(stored!.username);
  });

  describe("AdminCreateUser (PreSignUp_AdminCreateUser)", () => {
    function createUser(username: string, clientMetadata: Record<string, string>) {
      return t.admin.adminCreateUser({
        userPoolId: POOLS.plain, username, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [{ name: "source", value: "crm" }],
        temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata,
      }, t.adminMetadata);
    }

    it("sends the event without a client, and ignores the answer", async () => {
      const created = await createUser("adam", { preSignUp: "confirm-verify-email" });
      expect(created.result?.$case).to.equal("success");
      if (created.result?.$case !== "success") return;
      expect(created.result.value.userStatus).to.equal(UserStatus.USER_STATUS_FORCE_CHANGE_PASSWORD);
      expect((await storedUser(t, POOLS.plain, "adam"))?.attributes).to.not.have.property("email_verified");
      const [event] = recordedEvents("PreSignUp_AdminCreateUser") as PreSignUpTriggerEvent[];
      expect(event).to.include({ userName: "adam", userPoolId: POOLS.plain });
      expect(event!.callerContext.clientId).to.equal("CLIENT_ID_NOT_APPLICABLE");
      expect(event!.request).to.deep.equal({ userAttributes: { email: "adam@example.com" }, validationData: { source: "crm" }, clientMetadata: { preSignUp: "confirm-verify-email" } });
      expect(recordedEvents("PostConfirmation_ConfirmSignUp")).to.deep.equal([]);
    });

    it("returns the hook's error and creates nothing", async () => {
      expect((await createUser("abel", { preSignUp: "throw" })).result).to.deep.equal(hookFailed("PreSignUp", "Sign-ups from this domain are closed"));
      expect(await storedUser(t, POOLS.plain, "abel")).to.equal(undefined);
      expect((await createUser("abel", { preSignUp: "hang" })).result).to.deep.equal(hookTimedOut("PreSignUp"));
      expect(await storedUser(t, POOLS.plain, "abel")).to.equal(undefined);
    });
  });
});

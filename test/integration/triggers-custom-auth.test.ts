// CUSTOM_AUTH through the real server (gRPC + Redis) with hooks in fixture and example modules.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { AuthFlow, ChallengeName } from "../../src/gen/identity/v1/common.js";
import type { CreateAuthChallengeTriggerEvent, DefineAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from "../../src/triggers/index.js";
import { ADMIN_TOKEN, CLIENTS, POOL, TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { bearer } from "../helpers/clients.js";
import { customSrpSignIn, type CustomExchange } from "../helpers/custom-srp-client.js";
import { PASSWORD, clearRecordedEvents, clientEntry, example, fixture, recordedEvents, signUpAndConfirm, triggerPool } from "../helpers/triggers.js";

const CA_POOL = "us-east-1_CustomAuth1";
const OTP_POOL = "us-east-1_EmailOtp1";
const DEFINE_ONLY_POOL = "us-east-1_DefineOnly1";
const id = (prefix: string) => prefix.padEnd(26, "0");
const CA = { enabled: id("caenabled"), strict: id("castrict"), legacy: id("calegacy"), customOnly: id("cacustomonly") };
const OTP_CLIENT = id("otpenabled");
const DEFINE_ONLY_CLIENT = id("defineonly");

const scripted = (handler: string, timeoutMs?: number) => ({ module: fixture("custom-auth-scripted.mjs"), handler, ...(timeoutMs ? { timeoutMs } : {}) });
const CONFIG = {
  ...TEST_CONFIG,
  pools: [
    ...(TEST_CONFIG.pools ?? []),
    triggerPool(CA_POOL, { DefineAuthChallenge: scripted("define", 300), CreateAuthChallenge: scripted("create"), VerifyAuthChallengeResponse: scripted("verify") }, [
      clientEntry(CA.enabled, "ENABLED"), clientEntry(CA.strict, "STRICT"), clientEntry(CA.legacy, "LEGACY"),
      { ...clientEntry(CA.customOnly, "ENABLED"), explicitAuthFlows: ["ALLOW_CUSTOM_AUTH"] },
    ]),
    triggerPool(OTP_POOL, {
      DefineAuthChallenge: { module: example("email-otp/define-auth-challenge.mjs") },
      CreateAuthChallenge: { module: example("email-otp/create-auth-challenge.mjs") },
      VerifyAuthChallengeResponse: { module: example("email-otp/verify-auth-challenge-response.mjs") },
    }, [clientEntry(OTP_CLIENT, "ENABLED")]),
    triggerPool(DEFINE_ONLY_POOL, { DefineAuthChallenge: scripted("define") }, [clientEntry(DEFINE_ONLY_CLIENT, "ENABLED")]),
  ],
};

const OTP_OUTBOX = Symbol.for("identity.examples.emailOtp.outbox");
function otpOutbox(): { to: string; code: string }[] {
  return ((globalThis as Record<symbol, unknown>)[OTP_OUTBOX] ?? []) as { to: string; code: string }[];
}

const incorrect = { $case: "notAuthorized", value: { message: "Incorrect username or password." } };

describe("triggers: CUSTOM_AUTH (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: CONFIG });
    await signUpAndConfirm(t, CA_POOL, CA.enabled, "carl", "carl@example.com");
  });
  after(() => t.stop());
  beforeEach(() => clearRecordedEvents());

  function start(username: string, clientId = CA.enabled) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_CUSTOM_AUTH, authParameters: { USERNAME: username }, clientMetadata: { fromInitiate: "yes" } });
  }
  function answer(session: string, username: string, text: string, clientId = CA.enabled, clientMetadata: Record<string, string> = {}) {
    return t.auth.respondToAuthChallenge({ clientId, challengeName: ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE, session, challengeResponses: { USERNAME: username, ANSWER: text }, clientMetadata });
  }
  function challengeOf(response: { result?: { $case: string; value: unknown } | undefined }) {
    if (response.result?.$case !== "challenge") throw new Error(`expected a challenge, got ${JSON.stringify(response.result)}`);
    return response.result.value as { challengeName: ChallengeName; session: string; challengeParameters: Record<string, string> };
  }
  const defines = () => recordedEvents("DefineAuthChallenge_Authentication") as DefineAuthChallengeTriggerEvent[];

  it("runs Define → Create → challenge → Verify → Define to tokens, with Cognito's events", async () => {
    const first = challengeOf(await start("carl"));
    expect(first.challengeName).to.equal(ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE);
    expect(first.challengeParameters).to.deep.equal({ question: "6*7", round: "1", USERNAME: "carl" });
    const [define] = defines();
    expect(define).to.include({ version: "1", triggerSource: "DefineAuthChallenge_Authentication", userPoolId: CA_POOL, userName: "carl", region: "us-east-1" });
    expect(define!.callerContext.clientId).to.equal(CA.enabled);
    expect(define!.request.session).to.deep.equal([]);
    expect(define!.request.userNotFound).to.equal(false);
    expect(define!.request.userAttributes).to.include({ email: "carl@example.com", "cognito:user_status": "CONFIRMED" });
    // InitiateAuth's ClientMetadata is not passed to the challenge hooks (docs/cognito.md §5.1).
    expect(define!.request).to.not.have.property("clientMetadata");
    const create = recordedEvents("CreateAuthChallenge_Authentication")[0] as CreateAuthChallengeTriggerEvent;
    expect(create.request).to.include({ challengeName: "CUSTOM_CHALLENGE", userNotFound: false });

    const second = challengeOf(await answer(first.session, "carl", "41", CA.enabled, { step: "one" }));
    expect(second.challengeParameters.round).to.equal("2");
    expect(second.session).to.not.equal(first.session);
    const verify = recordedEvents("VerifyAuthChallengeResponse_Authentication")[0] as VerifyAuthChallengeResponseTriggerEvent;
    expect(verify.request).to.deep.include({ privateChallengeParameters: { answer: "42" }, challengeAnswer: "41", clientMetadata: { step: "one" }, userNotFound: false });
    expect(defines()[1]!.request.session).to.deep.equal([{ challengeName: "CUSTOM_CHALLENGE", challengeResult: false, challengeMetadata: "RIDDLE-1" }]);

    const done = await answer(second.session, "carl", "42");
    expect(done.result?.$case).to.equal("authenticationResult");
    if (done.result?.$case !== "authenticationResult") return;
    expect(decodeJwt(done.result.value.idToken)["cognito:username"]).to.equal("carl");
    expect(defines()[2]!.request.session.map((step) => [step.challengeResult, step.challengeMetadata])).to.deep.equal([[false, "RIDDLE-1"], [true, "RIDDLE-2"]]);
  });

  it("binds each round to its Session: a used Session is refused", async () => {
    const first = challengeOf(await start("carl"));
    challengeOf(await answer(first.session, "carl", "41"));
    expect((await answer(first.session, "carl", "42")).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Invalid session for the user, session can only be used once." } });
  });

  it("answers 'Incorrect username or password.' when Define fails the authentication", async () => {
    const first = challengeOf(await start("carl"));
    const second = challengeOf(await answer(first.session, "carl", "1"));
    expect((await answer(second.session, "carl", "2")).result).to.deep.equal(incorrect);
  });

  it("refuses an answer naming another user than the session's", async () => {
    const first = challengeOf(await start("carl"));
    expect((await answer(first.session, "someone-else", "42")).result).to.deep.equal(incorrect);
  });

  it("works through AdminInitiateAuth / AdminRespondToAuthChallenge", async () => {
    const metadata = bearer(ADMIN_TOKEN);
    const started = await t.admin.adminInitiateAuth({ userPoolId: CA_POOL, clientId: CA.enabled, authFlow: AuthFlow.AUTH_FLOW_CUSTOM_AUTH, authParameters: { USERNAME: "carl" }, clientMetadata: {} }, metadata);
    const challenge = challengeOf(started);
    const done = await t.admin.adminRespondToAuthChallenge({ userPoolId: CA_POOL, clientId: CA.enabled, challengeName: ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE, session: challenge.session, challengeResponses: { USERNAME: "carl", ANSWER: "42" }, clientMetadata: {} }, metadata);
    expect(done.result?.$case).to.equal("authenticationResult");
  });

  for (const [mode, clientId] of [["ENABLED", CA.enabled], ["STRICT", CA.strict]] as const) {
    it(`${mode}: an unknown user gets a challenge shaped like a real one and can never sign in`, async () => {
      const real = challengeOf(await start("carl", clientId));
      clearRecordedEvents();
      const ghost = challengeOf(await start("nobody", clientId));
      expect(Object.keys(ghost.challengeParameters).sort()).to.deep.equal(Object.keys(real.challengeParameters).sort());
      expect(ghost.challengeParameters.USERNAME).to.equal("nobody");
      expect(ghost.session.length).to.equal(real.session.length);
      expect(defines()[0]!.request).to.deep.include({ userNotFound: true, userAttributes: {}, session: [] });
      expect(defines()[0]!.userName).to.equal("nobody");
      // The hook would accept "42"; the service still counts the answer as wrong, and never issues tokens.
      const again = challengeOf(await answer(ghost.session, "nobody", "42", clientId));
      expect((recordedEvents("VerifyAuthChallengeResponse_Authentication")[0] as VerifyAuthChallengeResponseTriggerEvent).request.userNotFound).to.equal(true);
      expect(defines()[1]!.request.session[0]!.challengeResult).to.equal(false);
      expect((await answer(again.session, "nobody", "42", clientId)).result).to.deep.equal(incorrect);
    });
  }

  it("never issues tokens for an unknown user, even when Define says issueTokens", async () => {
    expect((await start("issue-now-ghost")).result).to.deep.equal(incorrect);
    expect(defines()).to.have.length(1);
  });

  it("LEGACY: an unknown user is 'User does not exist.' before any hook runs", async () => {
    expect((await start("nobody", CA.legacy)).result).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
    expect(recordedEvents()).to.deep.equal([]);
    // A known user under LEGACY: the events carry no userNotFound field.
    challengeOf(await start("carl", CA.legacy));
    expect(defines()[0]!.request).to.not.have.property("userNotFound");
  });

  it("applies the password flows' state rules only after the hooks let the user through", async () => {
    const signedUp = await t.auth.signUp({ clientId: CA.enabled, secretHash: "", username: "issue-now-unconfirmed", password: "Correct-Horse-1", userAttributes: [{ name: "email", value: "u@example.com" }], validationData: [], clientMetadata: {} });
    expect(signedUp.result?.$case).to.equal("success");
    await signUpAndConfirm(t, CA_POOL, CA.enabled, "issue-now-disabled", "d@example.com");
    const disabled = await t.admin.adminDisableUser({ userPoolId: CA_POOL, username: "issue-now-disabled" }, bearer(ADMIN_TOKEN));
    expect(disabled.result?.$case).to.equal("success");
    clearRecordedEvents();
    expect((await start("issue-now-unconfirmed")).result).to.deep.equal({ $case: "userNotConfirmed", value: { message: "User is not confirmed." } });
    expect((await start("issue-now-disabled")).result).to.deep.equal({ $case: "notAuthorized", value: { message: "User is disabled." } });
    expect(defines().map((event) => event.userName)).to.deep.equal(["issue-now-unconfirmed", "issue-now-disabled"]);
  });

  it("returns a hook's error as its arm", async () => {
    expect((await start("define-throws")).result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "DefineAuthChallenge failed with error No entry." } });
    expect((await start("create-throws")).result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "CreateAuthChallenge failed with error Cannot create." } });
    const challenge = challengeOf(await start("verify-throws"));
    expect((await answer(challenge.session, "verify-throws", "42")).result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "VerifyAuthChallengeResponse failed with error Cannot verify." } });
  });

  it("answers unexpected_lambda when Define does not answer within its time box", async () => {
    expect((await start("define-hangs")).result).to.deep.equal({ $case: "unexpectedLambda", value: { message: "DefineAuthChallenge invocation failed due to error Socket timeout while invoking Lambda function." } });
  });

  it("answers invalid_user_pool_configuration when the custom auth hooks are not configured", async () => {
    const expected = { $case: "invalidUserPoolConfiguration", value: { message: "Custom auth lambda trigger is not configured for the user pool." } };
    const none = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_CUSTOM_AUTH, authParameters: { USERNAME: "anyone" }, clientMetadata: {} });
    expect(none.result).to.deep.equal(expected);
    expect(POOL).to.not.equal(CA_POOL);
    expect((await start("anyone", DEFINE_ONLY_CLIENT)).result).to.deep.equal(expected);
    expect(defines()).to.have.length(1); // Define ran; Create was not configured, so no challenge
  });

  it("checks the required parameters", async () => {
    const missing = await t.auth.initiateAuth({ clientId: CA.enabled, authFlow: AuthFlow.AUTH_FLOW_CUSTOM_AUTH, authParameters: {}, clientMetadata: {} });
    expect(missing.result).to.deep.equal({ $case: "invalidParameter", value: { message: "Missing required parameter USERNAME", field: "auth_parameters.USERNAME" } });
    const challenge = challengeOf(await start("carl"));
    const noAnswer = await t.auth.respondToAuthChallenge({ clientId: CA.enabled, challengeName: ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE, session: challenge.session, challengeResponses: { USERNAME: "carl" }, clientMetadata: {} });
    expect(noAnswer.result).to.deep.equal({ $case: "invalidParameter", value: { message: "Missing required parameter ANSWER", field: "challenge_responses.ANSWER" } });
  });

  describe("starting with SRP (CHALLENGE_NAME SRP_A), with amazon-cognito-identity-js", () => {
    before(() => signUpAndConfirm(t, CA_POOL, CA.enabled, "srp-2fa-sam", "sam@example.com"));

    it("calls Define with [SRP_A], runs the SRP step with a Session, then Define decides (tokens)", async () => {
      const exchange: CustomExchange = { steps: [] };
      const result = await customSrpSignIn(t, CA_POOL, CA.enabled, "carl", PASSWORD, exchange);
      expect(result).to.deep.equal({ kind: "tokens" });
      expect(exchange.steps).to.deep.equal(["PASSWORD_VERIFIER"]);
      expect(exchange.sessions![0]).to.be.a("string").and.not.equal("");
      expect(defines().map((event) => event.request.session.map((step) => `${step.challengeName}:${step.challengeResult}`))).to.deep.equal([
        ["SRP_A:true"], ["SRP_A:true", "PASSWORD_VERIFIER:true"],
      ]);
      expect(recordedEvents("CreateAuthChallenge_Authentication")).to.deep.equal([]);
    });

    it("goes on to a CUSTOM_CHALLENGE after the password when Define asks for one", async () => {
      const exchange: CustomExchange = { steps: [] };
      const result = await customSrpSignIn(t, CA_POOL, CA.enabled, "srp-2fa-sam", PASSWORD, exchange);
      expect(result.kind).to.equal("tokens");
      expect(exchange.steps).to.deep.equal(["PASSWORD_VERIFIER", "CUSTOM_CHALLENGE"]);
      expect(defines().at(-1)!.request.session.map((step) => step.challengeName)).to.deep.equal(["SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE"]);
    });

    it("passes a wrong password to Define as PASSWORD_VERIFIER:false", async () => {
      const result = await customSrpSignIn(t, CA_POOL, CA.enabled, "carl", "Wrong-Horse-1", { steps: [] });
      expect(result).to.deep.equal({ kind: "failure", code: "NotAuthorizedException", message: "Incorrect username or password." });
      expect(defines().at(-1)!.request.session.at(-1)).to.deep.equal({ challengeName: "PASSWORD_VERIFIER", challengeResult: false, challengeMetadata: null });
    });

    it("simulates the SRP step for an unknown user, who never gets through", async () => {
      const result = await customSrpSignIn(t, CA_POOL, CA.enabled, "nobody-srp", PASSWORD, { steps: [] });
      expect(result).to.deep.equal({ kind: "failure", code: "NotAuthorizedException", message: "Incorrect username or password." });
      expect(defines()[0]!.request.userNotFound).to.equal(true);
      expect(defines().at(-1)!.request.session.at(-1)).to.include({ challengeName: "PASSWORD_VERIFIER", challengeResult: false });
    });

    it("does not let a custom flow's SECRET_BLOCK skip the flow on a client without USER_SRP_AUTH", async () => {
      const result = await customSrpSignIn(t, CA_POOL, CA.customOnly, "srp-2fa-sam", PASSWORD, { steps: [], dropSession: true });
      expect(result).to.deep.equal({ kind: "failure", code: "InvalidParameterException", message: "USER_SRP_AUTH flow not enabled for this client" });
    });
  });

  describe("the email-OTP example (examples/triggers/email-otp)", () => {
    before(() => signUpAndConfirm(t, OTP_POOL, OTP_CLIENT, "olga", "olga@example.com"));

    it("mails a code, lets the user retry once wrong, and signs in with the code", async () => {
      const sentBefore = otpOutbox().length;
      const first = challengeOf(await start("olga", OTP_CLIENT));
      expect(first.challengeParameters).to.deep.equal({ email: "o***@e***", USERNAME: "olga" });
      expect(otpOutbox()).to.have.length(sentBefore + 1);
      const mailed = otpOutbox().at(-1)!;
      expect(mailed.to).to.equal("olga@example.com");
      expect(mailed.code).to.match(/^\d{6}$/);
      const wrong = mailed.code === "000000" ? "111111" : "000000";
      const second = challengeOf(await answer(first.session, "olga", wrong, OTP_CLIENT));
      const code = otpOutbox().at(-1)!.code;
      expect(otpOutbox()).to.have.length(sentBefore + 2);
      const done = await answer(second.session, "olga", code, OTP_CLIENT);
      expect(done.result?.$case).to.equal("authenticationResult");
    });

    it("simulates the challenge for an unknown address and mails nothing", async () => {
      const sentBefore = otpOutbox().length;
      const ghost = challengeOf(await start("ghost@example.com", OTP_CLIENT));
      expect(ghost.challengeParameters).to.deep.equal({ email: "g***@e***", USERNAME: "ghost@example.com" });
      expect(otpOutbox()).to.have.length(sentBefore);
      const again = challengeOf(await answer(ghost.session, "ghost@example.com", "123456", OTP_CLIENT));
      expect(again.challengeParameters.USERNAME).to.equal("ghost@example.com");
    });

    it("masks an unknown name's stand-in from the server, not the typed name: the same address ForgotPassword names for it", async () => {
      for (const name of ["uq9bxyz4", "Zed-Unknown-2"]) {
        const challenge = challengeOf(await start(name, OTP_CLIENT));
        const forgot = await t.auth.forgotPassword({ clientId: OTP_CLIENT, secretHash: "", username: name, clientMetadata: {} });
        if (forgot.result?.$case !== "success") throw new Error(JSON.stringify(forgot.result));
        expect(challenge.challengeParameters.email).to.equal(forgot.result.value.codeDeliveryDetails?.destination);
      }
      // And a real user's: the masked address of the user's own email, as ForgotPassword names it.
      const olga = challengeOf(await start("olga", OTP_CLIENT));
      const forgot = await t.auth.forgotPassword({ clientId: OTP_CLIENT, secretHash: "", username: "olga", clientMetadata: {} });
      if (forgot.result?.$case !== "success") throw new Error(JSON.stringify(forgot.result));
      expect(olga.challengeParameters.email).to.equal(forgot.result.value.codeDeliveryDetails?.destination);
    });

    it("hands hooks simulatedUserAttributes only for unknown names, stable per name (CA pool, recorded events)", async () => {
      clearRecordedEvents();
      await start("stand-in-probe", CA.enabled);
      await start("Stand-In-Probe", CA.strict);
      await start("carl", CA.enabled);
      await start("stand-in-probe", CA.legacy);
      const creates = recordedEvents("CreateAuthChallenge_Authentication") as CreateAuthChallengeTriggerEvent[];
      expect(creates).to.have.length(3); // LEGACY answers an unknown name at once
      const [ghost, ghostAgain, carl] = creates;
      expect(ghost!.request.userNotFound).to.equal(true);
      expect(ghost!.request.simulatedUserAttributes?.email).to.match(/^[a-z]@[a-z]\.invalid$/);
      expect(ghostAgain!.request.simulatedUserAttributes).to.deep.equal(ghost!.request.simulatedUserAttributes);
      expect(carl!.request.userNotFound).to.equal(false);
      expect(carl!.request).to.not.have.property("simulatedUserAttributes");
    });
  });
});

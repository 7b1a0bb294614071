// PreTokenGeneration and PostAuthentication through the real server: an in-process example hook, a
// remote hook over real gRPC, and failing ones.
import { expect } from "chai";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { decodeJwt } from "jose";
import { AuthFlow, ChallengeName, MessageAction } from "../../src/gen/identity/v1/common.js";
import { TriggerServiceService, type TriggerServiceServer } from "../../src/gen/identity/v1/trigger_service.js";
import type { PostAuthenticationTriggerEvent, PreTokenGenerationTriggerEvent } from "../../src/triggers/index.js";
import { keys } from "../../src/store/keys.js";
import { bearer } from "../helpers/clients.js";
import { ADMIN_TOKEN, TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { PASSWORD, clearRecordedEvents, clientEntry, example, fixture, recordedEvents, signUpAndConfirm, triggerPool } from "../helpers/triggers.js";

const id = (prefix: string) => prefix.padEnd(26, "0");
const POOLS = { claims: "us-east-1_TokClaims1", remote: "us-east-1_TokRemote1", throws: "us-east-1_TokThrows1", hangs: "us-east-1_TokHangs1" } as const;
const CLIENT = { claims: id("tokclaims"), remote: id("tokremote"), throws: id("tokthrows"), hangs: id("tokhangs") } as const;

/** A TriggerService on 127.0.0.1:0 answering PreTokenGeneration; it keeps the events it received. */
async function startHookServer() {
  const received: PreTokenGenerationTriggerEvent[] = [];
  const implementation: TriggerServiceServer = {
    invoke: (call, callback) => {
      const event = JSON.parse(call.request.eventJson) as PreTokenGenerationTriggerEvent;
      received.push(structuredClone(event));
      if (event.userName.startsWith("remote-err")) return callback(null, { result: { $case: "errorMessage", value: "Remote says no" } });
      event.response = {
        claimsOverrideDetails: {
          // Protected claims are ignored; everything else applies (docs/cognito.md §3.8, §5.12).
          claimsToAddOrOverride: { remote: "yes", sub: "evil", aud: "evil", "cognito:username": "evil", token_use: "evil", "cognito:groups": "evil" },
          claimsToSuppress: ["email", "iss", "auth_time", "remote"],
          groupOverrideDetails: null,
        },
      };
      // "remote" is added and suppressed (suppress wins); "from_remote" shows that additions apply.
      event.response.claimsOverrideDetails!.claimsToAddOrOverride!.from_remote = "true";
      callback(null, { result: { $case: "eventJson", value: JSON.stringify(event) } });
    },
  };
  const server = new Server();
  server.addService(TriggerServiceService, implementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { server, endpoint: `127.0.0.1:${port}`, received };
}

describe("triggers: PreTokenGeneration and PostAuthentication (gRPC + Redis)", () => {
  let t: TestApp;
  let hooks: Awaited<ReturnType<typeof startHookServer>>;

  before(async () => {
    hooks = await startHookServer();
    const postAuthentication = { module: fixture("post-authentication.mjs") };
    t = await startTestApp({
      config: {
        ...TEST_CONFIG,
        pools: [
          triggerPool(POOLS.claims, { PreTokenGeneration: { module: example("pre-token-claims.mjs") }, PostAuthentication: postAuthentication }, [clientEntry(CLIENT.claims, "ENABLED")]),
          triggerPool(POOLS.remote, { PreTokenGeneration: { endpoint: hooks.endpoint, insecure: true } }, [clientEntry(CLIENT.remote, "ENABLED")]),
          triggerPool(POOLS.throws, { PreTokenGeneration: { module: fixture("throws.mjs") }, PostAuthentication: postAuthentication }, [clientEntry(CLIENT.throws, "ENABLED")]),
          triggerPool(POOLS.hangs, { PreTokenGeneration: { module: fixture("never-resolves.mjs"), timeoutMs: 200 } }, [clientEntry(CLIENT.hangs, "ENABLED")]),
        ],
      },
    });
  });
  after(async () => {
    await t.stop();
    hooks.server.forceShutdown();
  });
  beforeEach(() => clearRecordedEvents());

  function passwordAuth(clientId: string, username: string, password = PASSWORD) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: { ignored: "by these hooks" } });
  }
  function tokensOf(response: { result?: { $case: string; value: unknown } | undefined }) {
    if (response.result?.$case !== "authenticationResult") throw new Error(`expected tokens, got ${JSON.stringify(response.result)}`);
    const value = response.result.value as { idToken: string; accessToken: string; refreshToken: string };
    return { ...value, id: decodeJwt(value.idToken), access: decodeJwt(value.accessToken) };
  }

  describe("the claims enricher example (examples/triggers/pre-token-claims.mjs)", () => {
    before(async () => {
      const mark = await t.outboxMark(POOLS.claims);
      const attributes = [{ name: "email", value: "tina@acme.test" }, { name: "phone_number", value: "+15555550100" }];
      const signedUp = await t.auth.signUp({ clientId: CLIENT.claims, secretHash: "", username: "tina", password: PASSWORD, userAttributes: attributes, validationData: [], clientMetadata: {} });
      expect(signedUp.result?.$case).to.equal("success");
      const delivery = await t.nextDelivery(POOLS.claims, mark);
      const confirmed = await t.auth.confirmSignUp({ clientId: CLIENT.claims, secretHash: "", username: "tina", confirmationCode: delivery.code!, forceAliasCreation: false, clientMetadata: {} });
      expect(confirmed.result?.$case).to.equal("success");
    });

    it("shapes the id token and the groups of both tokens on sign-in, then runs PostAuthentication", async () => {
      const tokens = tokensOf(await passwordAuth(CLIENT.claims, "tina"));
      expect(tokens.id).to.include({ tenant: "acme.test", signin_source: "TokenGeneration_Authentication", email: "tina@acme.test", "cognito:username": "tina" });
      expect(tokens.id).to.not.have.property("phone_number");
      expect(tokens.id["cognito:groups"]).to.deep.equal(["users", "tenant:acme.test"]);
      expect(tokens.access["cognito:groups"]).to.deep.equal(["users", "tenant:acme.test"]);
      expect(tokens.access).to.not.have.property("tenant");
      const [post] = recordedEvents("PostAuthentication_Authentication") as PostAuthenticationTriggerEvent[];
      expect(post).to.include({ userName: "tina", userPoolId: POOLS.claims });
      expect(post!.request.userAttributes).to.include({ email: "tina@acme.test", "cognito:user_status": "CONFIRMED" });
      // InitiateAuth's ClientMetadata does not reach PostAuthentication (docs/cognito.md §5.1).
      expect(post!.request).to.not.have.property("clientMetadata");
    });

    it("runs with TokenGeneration_RefreshTokens on refresh, and PostAuthentication does not", async () => {
      const signedIn = tokensOf(await passwordAuth(CLIENT.claims, "tina"));
      clearRecordedEvents();
      const refreshed = tokensOf(await t.auth.initiateAuth({ clientId: CLIENT.claims, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: signedIn.refreshToken }, clientMetadata: {} }));
      expect(refreshed.id).to.include({ signin_source: "TokenGeneration_RefreshTokens", tenant: "acme.test" });
      expect(refreshed.access["cognito:groups"]).to.deep.equal(["users", "tenant:acme.test"]);
      expect(refreshed.id.origin_jti).to.equal(signedIn.id.origin_jti);
      expect(recordedEvents("PostAuthentication_Authentication")).to.deep.equal([]);
    });

    it("runs with TokenGeneration_NewPasswordChallenge after NEW_PASSWORD_REQUIRED, with its ClientMetadata", async () => {
      const temporary = "Temporary-Pass-1";
      const created = await t.admin.adminCreateUser({
        userPoolId: POOLS.claims, username: "nina", userAttributes: [{ name: "email", value: "nina@beta.test" }], validationData: [],
        temporaryPassword: temporary, forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {},
      }, bearer(ADMIN_TOKEN));
      expect(created.result?.$case).to.equal("success");
      const challenged = await passwordAuth(CLIENT.claims, "nina", temporary);
      if (challenged.result?.$case !== "challenge") throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${challenged.result?.$case}`);
      const answered = await t.auth.respondToAuthChallenge({
        clientId: CLIENT.claims, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session: challenged.result.value.session,
        challengeResponses: { USERNAME: "nina", NEW_PASSWORD: "Brand-New-Pass-2" }, clientMetadata: { via: "new-password" },
      });
      expect(tokensOf(answered).id).to.include({ signin_source: "TokenGeneration_NewPasswordChallenge", tenant: "beta.test" });
      const [post] = recordedEvents("PostAuthentication_Authentication") as PostAuthenticationTriggerEvent[];
      expect(post!.request.clientMetadata).to.deep.equal({ via: "new-password" });
    });

    it("returns PostAuthentication's error and records no sign-in", async () => {
      await signUpAndConfirm(t, POOLS.claims, CLIENT.claims, "post-reject-pete", "pete@acme.test");
      const response = await passwordAuth(CLIENT.claims, "post-reject-pete");
      expect(response.result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "PostAuthentication failed with error Account under review." } });
      expect(await t.redis.exists(keys.userAuthEvents(POOLS.claims, "post-reject-pete"))).to.equal(0);
    });
  });

  describe("a remote hook (TriggerService over gRPC)", () => {
    before(() => signUpAndConfirm(t, POOLS.remote, CLIENT.remote, "rita", "rita@example.com"));

    it("sends Cognito's event and applies the answer, protected claims untouched", async () => {
      const tokens = tokensOf(await passwordAuth(CLIENT.remote, "rita"));
      const event = hooks.received.at(-1)!;
      expect(event).to.include({ triggerSource: "TokenGeneration_Authentication", userName: "rita", userPoolId: POOLS.remote });
      expect(event.request.groupConfiguration).to.deep.equal({ groupsToOverride: [], iamRolesToOverride: [], preferredRole: null });
      expect(event.request.userAttributes).to.include({ email: "rita@example.com" });
      expect(tokens.id).to.include({ from_remote: "true", "cognito:username": "rita", token_use: "id", aud: CLIENT.remote, sub: tokens.access.sub });
      expect(tokens.id).to.not.have.any.keys("remote", "email", "cognito:groups");
      expect(tokens.id.iss).to.equal(`http://localhost:9999/${POOLS.remote}`);
      expect(tokens.id.auth_time).to.be.a("number");
      expect(tokens.access).to.not.have.property("cognito:groups");
    });

    it("maps the service's error_message to user_lambda_validation", async () => {
      await signUpAndConfirm(t, POOLS.remote, CLIENT.remote, "remote-err-ray", "ray@example.com");
      expect((await passwordAuth(CLIENT.remote, "remote-err-ray")).result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "PreTokenGeneration failed with error Remote says no." } });
    });
  });

  it("returns user_lambda_validation when PreTokenGeneration throws, and PostAuthentication never runs", async () => {
    await signUpAndConfirm(t, POOLS.throws, CLIENT.throws, "theo", "theo@example.com");
    const response = await passwordAuth(CLIENT.throws, "theo");
    expect(response.result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "PreTokenGeneration failed with error Email domain not allowed." } });
    expect(recordedEvents("PostAuthentication_Authentication")).to.deep.equal([]);
    expect(await t.redis.exists(keys.userAuthEvents(POOLS.throws, "theo"))).to.equal(0);
  });

  it("returns unexpected_lambda when PreTokenGeneration does not answer in time", async () => {
    await signUpAndConfirm(t, POOLS.hangs, CLIENT.hangs, "hank", "hank@example.com");
    expect((await passwordAuth(CLIENT.hangs, "hank")).result).to.deep.equal({ $case: "unexpectedLambda", value: { message: "PreTokenGeneration invocation failed due to error Socket timeout while invoking Lambda function." } });
  });
});

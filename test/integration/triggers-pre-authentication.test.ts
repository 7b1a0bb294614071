// PreAuthentication in every sign-in flow (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH,
// USER_SRP_AUTH, CUSTOM_AUTH) through the real server (gRPC + Redis): for known and unknown names in
// each mode, before the password, with an in-process fixture and a remote TriggerService.
import { expect } from "chai";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { TriggerServiceService, type TriggerServiceServer } from "../../src/gen/identity/v1/trigger_service.js";
import { keys } from "../../src/store/keys.js";
import type { PreAuthenticationTriggerEvent } from "../../src/triggers/index.js";
import { TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { PASSWORD, clearRecordedEvents, clientEntry, fixture, hookFailed, hookTimedOut, recordedEvents, signUpAndConfirm, triggerPool } from "../helpers/triggers.js";
import { libraryA, librarySignIn } from "./srp-client.js";

const id = (prefix: string) => prefix.padEnd(26, "0");
const POOLS = { local: "us-east-1_PreAuth1", remote: "us-east-1_PreAuthRemote1", hangs: "us-east-1_PreAuthHangs1" } as const;
const CLIENT = {
  ENABLED: id("preauthenabled"), STRICT: id("preauthstrict"), LEGACY: id("preauthlegacy"),
  remote: id("preauthremote"), remoteLegacy: id("preauthremotelegacy"), hangs: id("preauthhangs"),
} as const;
const WRONG_PASSWORD = "Wrong-Password-9";

const scripted = (handler: string) => ({ module: fixture("custom-auth-scripted.mjs"), handler });
const CUSTOM_AUTH_HOOKS = { DefineAuthChallenge: scripted("define"), CreateAuthChallenge: scripted("create"), VerifyAuthChallengeResponse: scripted("verify") };

/** A TriggerService on 127.0.0.1:0 answering PreAuthentication; it keeps the events it received. */
async function startHookServer() {
  const received: PreAuthenticationTriggerEvent[] = [];
  const implementation: TriggerServiceServer = {
    invoke: (call, callback) => {
      const event = JSON.parse(call.request.eventJson) as PreAuthenticationTriggerEvent;
      received.push(structuredClone(event));
      if (event.request.validationData?.preAuth === "deny") return callback(null, { result: { $case: "errorMessage", value: "Remote says no" } });
      callback(null, { result: { $case: "eventJson", value: JSON.stringify(event) } });
    },
  };
  const server = new Server();
  server.addService(TriggerServiceService, implementation);
  const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  return { server, endpoint: `127.0.0.1:${port}`, received };
}

type Flow = "USER_PASSWORD_AUTH" | "ADMIN_USER_PASSWORD_AUTH" | "USER_SRP_AUTH" | "CUSTOM_AUTH";
const FLOWS: readonly Flow[] = ["USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "USER_SRP_AUTH", "CUSTOM_AUTH"];

describe("triggers: PreAuthentication (gRPC + Redis)", () => {
  let t: TestApp;
  let hooks: Awaited<ReturnType<typeof startHookServer>>;

  before(async () => {
    hooks = await startHookServer();
    t = await startTestApp({
      config: {
        ...TEST_CONFIG,
        pools: [
          triggerPool(POOLS.local, { PreAuthentication: { module: fixture("pre-authentication.mjs") }, ...CUSTOM_AUTH_HOOKS }, [
            clientEntry(CLIENT.ENABLED, "ENABLED"), clientEntry(CLIENT.STRICT, "STRICT"), clientEntry(CLIENT.LEGACY, "LEGACY"),
          ]),
          triggerPool(POOLS.remote, { PreAuthentication: { endpoint: hooks.endpoint, insecure: true } }, [clientEntry(CLIENT.remote, "ENABLED"), clientEntry(CLIENT.remoteLegacy, "LEGACY")]),
          triggerPool(POOLS.hangs, { PreAuthentication: { module: fixture("never-resolves.mjs"), timeoutMs: 200 } }, [clientEntry(CLIENT.hangs, "ENABLED")]),
        ],
      },
    });
    // The SRP library stamps TIMESTAMP with the real clock; the server's injected clock follows it.
    t.clock.nowMs = Date.now();
    await signUpAndConfirm(t, POOLS.local, CLIENT.ENABLED, "kim", "kim@example.com");
    await signUpAndConfirm(t, POOLS.remote, CLIENT.remote, "rem", "rem@example.com");
    await signUpAndConfirm(t, POOLS.hangs, CLIENT.hangs, "hal", "hal@example.com");
  });
  after(async () => {
    await t.stop();
    hooks.server.forceShutdown();
  });
  beforeEach(() => clearRecordedEvents());

  const preAuthEvents = () => recordedEvents("PreAuthentication_Authentication") as PreAuthenticationTriggerEvent[];

  /** The first call of a sign-in in `flow`: InitiateAuth or AdminInitiateAuth. */
  async function start(flow: Flow, clientId: string, username: string, clientMetadata: Record<string, string> = {}, password = PASSWORD, poolId: string = POOLS.local) {
    const parameters: Record<Flow, Record<string, string>> = {
      USER_PASSWORD_AUTH: { USERNAME: username, PASSWORD: password },
      ADMIN_USER_PASSWORD_AUTH: { USERNAME: username, PASSWORD: password },
      USER_SRP_AUTH: { USERNAME: username, SRP_A: libraryA(poolId) },
      CUSTOM_AUTH: { USERNAME: username },
    };
    const request = { clientId, authFlow: AuthFlow[`AUTH_FLOW_${flow}`], authParameters: parameters[flow], clientMetadata };
    const response = flow === "ADMIN_USER_PASSWORD_AUTH" ? await t.admin.adminInitiateAuth({ ...request, userPoolId: poolId }, t.adminMetadata) : await t.auth.initiateAuth(request);
    return response.result;
  }
  /** What the first call answers when the hook accepted: tokens for the password flows, a challenge for the others. */
  const accepted = (flow: Flow) => (flow === "USER_SRP_AUTH" || flow === "CUSTOM_AUTH" ? "challenge" : "authenticationResult");

  for (const flow of FLOWS) {
    describe(flow, () => {
      for (const mode of ["ENABLED", "STRICT"] as const) {
        it(`${mode}: runs for a known user with their attributes and userNotFound false, before the sign-in goes on`, async () => {
          const result = await start(flow, CLIENT[mode], "kim", { app: "web" });
          expect(result?.$case).to.equal(accepted(flow));
          const [event] = preAuthEvents();
          expect(event).to.include({ version: "1", triggerSource: "PreAuthentication_Authentication", userPoolId: POOLS.local, userName: "kim", region: "us-east-1" });
          expect(event!.callerContext).to.deep.equal({ awsSdkVersion: "aws-sdk-unknown-unknown", clientId: CLIENT[mode] });
          expect(event!.request).to.deep.include({ validationData: { app: "web" }, userNotFound: false });
          expect(event!.request.userAttributes).to.include({ email: "kim@example.com", "cognito:user_status": "CONFIRMED" });
          expect(event!.response).to.deep.equal({});
          expect(preAuthEvents()).to.have.length(1);
        });

        it(`${mode}: runs for an unknown name too, with userNotFound true, the name sent and no attributes`, async () => {
          const result = await start(flow, CLIENT[mode], "Nobody-Here", { app: "web" });
          expect(result?.$case).to.equal(flow === "USER_SRP_AUTH" || flow === "CUSTOM_AUTH" ? "challenge" : "notAuthorized");
          const [event] = preAuthEvents();
          expect(event).to.include({ userName: "Nobody-Here", userPoolId: POOLS.local });
          expect(event!.request).to.deep.equal({ userAttributes: {}, validationData: { app: "web" }, userNotFound: true });
        });

        it(`${mode}: a rejection is the answer for a known user, right or wrong password, and for an unknown name`, async () => {
          const denied = hookFailed("PreAuthentication", "SPIKE_LOCKED");
          expect(await start(flow, CLIENT[mode], "kim", { preAuth: "deny" })).to.deep.equal(denied);
          expect(await start(flow, CLIENT[mode], "kim", { preAuth: "deny" }, WRONG_PASSWORD)).to.deep.equal(denied);
          expect(await start(flow, CLIENT[mode], "nobody-here", { preAuth: "deny" })).to.deep.equal(denied);
        });
      }

      it("LEGACY: a known user's event has no userNotFound; an unknown name is user_not_found and no hook runs", async () => {
        expect((await start(flow, CLIENT.LEGACY, "kim"))?.$case).to.equal(accepted(flow));
        expect(preAuthEvents()[0]!.request).to.not.have.property("userNotFound");
        clearRecordedEvents();
        expect(await start(flow, CLIENT.LEGACY, "nobody-here")).to.deep.equal({ $case: "userNotFound", value: { message: "User does not exist." } });
        expect(preAuthEvents()).to.deep.equal([]);
      });
    });
  }

  it("a rejection changes nothing: no failed attempt is counted, no sign-in recorded", async () => {
    for (let i = 0; i < 6; i++) {
      expect(await start("USER_PASSWORD_AUTH", CLIENT.ENABLED, "kim", { preAuth: "deny" }, WRONG_PASSWORD)).to.deep.equal(hookFailed("PreAuthentication", "SPIKE_LOCKED"));
    }
    expect(await t.redis.exists(keys.lockout(POOLS.local, "u:kim"))).to.equal(0);
    expect(await t.redis.exists(keys.lockout(POOLS.local, "n:nobody-here"))).to.equal(0);
    const authEvents = await t.redis.zcard(keys.userAuthEvents(POOLS.local, "kim"));
    expect(await start("USER_PASSWORD_AUTH", CLIENT.ENABLED, "kim", { preAuth: "deny" })).to.deep.equal(hookFailed("PreAuthentication", "SPIKE_LOCKED"));
    expect(await t.redis.zcard(keys.userAuthEvents(POOLS.local, "kim"))).to.equal(authEvents);
  });

  it("runs once per USER_SRP_AUTH sign-in, at InitiateAuth: not again for the PASSWORD_VERIFIER answer", async () => {
    const result = await librarySignIn(t, POOLS.local, CLIENT.ENABLED, "kim", PASSWORD);
    expect(result.kind).to.equal("tokens");
    expect(preAuthEvents()).to.have.length(1);
  });

  it("is not called on refresh", async () => {
    const signedIn = await start("USER_PASSWORD_AUTH", CLIENT.ENABLED, "kim");
    if (signedIn?.$case !== "authenticationResult") throw new Error(`expected tokens, got ${JSON.stringify(signedIn)}`);
    clearRecordedEvents();
    const refreshed = await t.auth.initiateAuth({ clientId: CLIENT.ENABLED, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: signedIn.value.refreshToken }, clientMetadata: {} });
    expect(refreshed.result?.$case).to.equal("authenticationResult");
    expect(preAuthEvents()).to.deep.equal([]);
  });

  it("keeps the masked answers alike: a known user's wrong password and an unknown name get the same answer after the hook", async () => {
    const known = await start("USER_PASSWORD_AUTH", CLIENT.ENABLED, "kim", {}, WRONG_PASSWORD);
    const unknown = await start("USER_PASSWORD_AUTH", CLIENT.ENABLED, "nobody-else", {}, WRONG_PASSWORD);
    expect(known).to.deep.equal({ $case: "notAuthorized", value: { message: "Incorrect username or password." } });
    expect(unknown).to.deep.equal(known);
    expect(preAuthEvents().map((event) => event.request.userNotFound)).to.deep.equal([false, true]);
  });

  it("returns unexpected_lambda when the hook does not answer in time, for known and unknown names", async () => {
    for (const name of ["hal", "nobody-here"]) {
      expect(await start("USER_PASSWORD_AUTH", CLIENT.hangs, name, {}, PASSWORD, POOLS.hangs)).to.deep.equal(hookTimedOut("PreAuthentication"));
    }
    expect(await t.redis.exists(keys.lockout(POOLS.hangs, "n:nobody-here"))).to.equal(0);
  });

  describe("a remote hook (TriggerService over gRPC)", () => {
    it("receives Cognito's event for known and unknown names, and its acceptance lets the sign-in go on", async () => {
      hooks.received.length = 0;
      expect((await start("USER_PASSWORD_AUTH", CLIENT.remote, "rem", { app: "remote" }, PASSWORD, POOLS.remote))?.$case).to.equal("authenticationResult");
      expect((await start("USER_SRP_AUTH", CLIENT.remote, "ghost", { app: "remote" }, PASSWORD, POOLS.remote))?.$case).to.equal("challenge");
      const [known, unknown] = hooks.received;
      expect(known).to.include({ triggerSource: "PreAuthentication_Authentication", userName: "rem", userPoolId: POOLS.remote });
      expect(known!.request).to.deep.include({ validationData: { app: "remote" }, userNotFound: false });
      expect(known!.request.userAttributes).to.include({ email: "rem@example.com" });
      expect(unknown).to.include({ userName: "ghost" });
      expect(unknown!.request).to.deep.equal({ userAttributes: {}, validationData: { app: "remote" }, userNotFound: true });
    });

    it("maps the service's error_message to user_lambda_validation, before the password", async () => {
      const denied = hookFailed("PreAuthentication", "Remote says no");
      expect(await start("USER_PASSWORD_AUTH", CLIENT.remote, "rem", { preAuth: "deny" }, WRONG_PASSWORD, POOLS.remote)).to.deep.equal(denied);
      expect(await start("USER_SRP_AUTH", CLIENT.remote, "rem", { preAuth: "deny" }, PASSWORD, POOLS.remote)).to.deep.equal(denied);
    });

    it("is not called for an unknown name under LEGACY", async () => {
      hooks.received.length = 0;
      expect((await start("USER_PASSWORD_AUTH", CLIENT.remoteLegacy, "ghost", {}, PASSWORD, POOLS.remote))?.$case).to.equal("userNotFound");
      expect(hooks.received).to.deep.equal([]);
    });
  });
});

import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { startApp } from "../../src/app.js";
import type { ConfigFile } from "../../src/config/config-file.js";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { testClients } from "../helpers/clients.js";
import { nextEntry, openGate } from "../helpers/gate.js";
import { ADMIN_TOKEN, MemoryLog, sha256, startTestApp, type TestApp } from "../helpers/test-app.js";
import { fixture, PASSWORD, signUpAndConfirm } from "../helpers/triggers.js";

// Request-rate quotas (docs/quotas.md): per pool and category, shared by every process, never per
// name; a refused call changes nothing. The test clock stands still, so a quota of N admits exactly
// N calls until the test moves time on.
const POOL = "us-east-1_QuotaPool1";
const OTHER = "us-east-1_QuotaPool2";
const CLIENT = "quotaclient000000000000000";
const OTHER_CLIENT = "quotaother0000000000000000";
const FLOWS = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

const CONFIG: ConfigFile = {
  adminCredentials: [{ tokenSha256: sha256(ADMIN_TOKEN), pools: "*" }],
  pools: [
    {
      id: POOL, name: "quota",
      settings: { autoVerifiedAttributes: ["email"], accountRecovery: ["verified_email"], requestRateQuotas: { userAuthentication: 3, userCreation: 2, clientAuthentication: 2 } },
      clients: [{ clientId: CLIENT, name: "quota", explicitAuthFlows: FLOWS, preventUserExistenceErrors: "ENABLED" }],
    },
    {
      id: OTHER, name: "other", settings: { autoVerifiedAttributes: ["email"], requestRateQuotas: { userAuthentication: 3 } },
      clients: [{ clientId: OTHER_CLIENT, name: "other", explicitAuthFlows: FLOWS, preventUserExistenceErrors: "ENABLED" }],
    },
  ],
};

const RATE_EXCEEDED = { $case: "tooManyRequests", value: { message: "Rate exceeded" } };

describe("request-rate quotas (gRPC + Redis, two processes)", () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp({ config: CONFIG, overrides: { quotas: true } });
  });
  after(async () => t.stop());
  afterEach(() => t.clock.advance(60_000)); // every test starts with full quotas

  const signIn = (username: string, clientId = CLIENT, auth = t.auth) =>
    auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: "Wrong-Password-1" }, clientMetadata: {} });

  it("admits exactly the pool's rate and answers the rest with too_many_requests", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(`nobody-${i}`)));
    const refused = answers.filter((a) => a.result?.$case === "tooManyRequests");
    expect(refused).to.have.length(7);
    expect(refused[0]!.result).to.deep.equal(RATE_EXCEEDED);
    expect(answers.filter((a) => a.result?.$case === "notAuthorized")).to.have.length(3);
  });

  it("counts per pool and category, never per name: a real and an unknown name spend and see the same", async () => {
    // The real user was created while sign-ins were still allowed; now both kinds of name alternate.
    const real = "quota-real-user";
    await t.admin.adminCreateUser({ userPoolId: POOL, username: real, userAttributes: [{ name: "email", value: "real@example.com" }], validationData: [], temporaryPassword: PASSWORD, forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
    const order = [real, "quota-unknown", real, "quota-unknown", real, "quota-unknown"];
    const answers = [];
    for (const name of order) answers.push((await signIn(name)).result);
    expect(answers.slice(0, 3).map((a) => a?.$case)).to.deep.equal(["notAuthorized", "notAuthorized", "notAuthorized"]);
    expect(answers.slice(3)).to.deep.equal([RATE_EXCEEDED, RATE_EXCEEDED, RATE_EXCEEDED]);
  });

  it("keeps pools and categories apart", async () => {
    for (let i = 0; i < 3; i++) await signIn("nobody");
    expect((await signIn("nobody")).result).to.deep.equal(RATE_EXCEEDED);
    expect((await signIn("nobody", OTHER_CLIENT)).result?.$case, "another pool").to.equal("notAuthorized");
    const forgot = await t.auth.forgotPassword({ clientId: CLIENT, secretHash: "", username: "nobody", clientMetadata: {} });
    expect(forgot.result?.$case, "another category").to.equal("success");
  });

  it("changes nothing for a refused call: a sign-up over the quota creates no user", async () => {
    const signUp = (username: string) => t.auth.signUp({ clientId: CLIENT, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });
    expect((await signUp("quota-first")).result?.$case).to.equal("success");
    expect((await signUp("quota-second")).result?.$case).to.equal("success");
    expect((await signUp("quota-third")).result).to.deep.equal(RATE_EXCEEDED);
    const third = await t.admin.adminGetUser({ userPoolId: POOL, username: "quota-third" }, t.adminMetadata);
    expect(third.result?.$case).to.equal("userNotFound");
  });

  it("refills with time", async () => {
    for (let i = 0; i < 3; i++) await signIn("nobody");
    expect((await signIn("nobody")).result).to.deep.equal(RATE_EXCEEDED);
    t.clock.advance(340); // a third of a second: one request's worth at 3 per second
    expect((await signIn("nobody")).result?.$case).to.equal("notAuthorized");
    expect((await signIn("nobody")).result).to.deep.equal(RATE_EXCEEDED);
  });

  it("is shared by every server process on the same Redis", async () => {
    const peer = await startApp(t.config, { clock: t.clock.now, log: new MemoryLog(), configFile: CONFIG });
    const peerClients = testClients(peer.grpcPort);
    try {
      const answers = [];
      for (let i = 0; i < 8; i++) answers.push((await signIn("nobody", CLIENT, i % 2 === 0 ? t.auth : peerClients.auth)).result?.$case);
      expect(answers.filter((c) => c === "notAuthorized")).to.have.length(3);
      expect(answers.filter((c) => c === "tooManyRequests")).to.have.length(5);
    } finally {
      peerClients.close();
      await peer.stop();
    }
  });

  it("is set per pool through UpdateUserPool and shown by DescribeUserPool, defaults filled in", async () => {
    const described = await t.admin.describeUserPool({ userPoolId: OTHER }, t.adminMetadata);
    const settings = described.result?.$case === "success" ? described.result.value.settings! : undefined;
    expect(settings?.requestRateQuotas).to.include({ userAuthentication: 3, userCreation: 50, userList: 30, userPoolUpdate: 5 });
    const updated = await t.admin.updateUserPool({ userPoolId: OTHER, settings: { ...settings!, requestRateQuotas: { ...settings!.requestRateQuotas!, userAuthentication: 1 } } }, t.adminMetadata);
    expect(updated.result?.$case).to.equal("success");
    expect((await signIn("nobody", OTHER_CLIENT)).result?.$case).to.equal("notAuthorized");
    expect((await signIn("nobody", OTHER_CLIENT)).result).to.deep.equal(RATE_EXCEEDED);
  });

  it("refuses a rate out of range with invalid_parameter and keeps the old one", async () => {
    const described = await t.admin.describeUserPool({ userPoolId: POOL }, t.adminMetadata);
    const settings = described.result?.$case === "success" ? described.result.value.settings! : undefined;
    const refused = await t.admin.updateUserPool({ userPoolId: POOL, settings: { ...settings!, requestRateQuotas: { ...settings!.requestRateQuotas!, userAuthentication: 100_001 } } }, t.adminMetadata);
    expect(refused.result?.$case).to.equal("invalidParameter");
    const after = await t.admin.describeUserPool({ userPoolId: POOL }, t.adminMetadata);
    expect(after.result?.$case === "success" && after.result.value.settings?.requestRateQuotas?.userAuthentication).to.equal(3);
  });

  it("gives admin operations the quota of the pool they name", async () => {
    const list = () => t.admin.listUsers({ userPoolId: POOL, attributesToGet: [], limit: 1, paginationToken: "", filter: "" }, t.adminMetadata);
    const answers = [];
    for (let i = 0; i < 32; i++) answers.push((await list()).result?.$case);
    expect(answers.filter((c) => c === "success")).to.have.length(30);
    expect(answers.filter((c) => c === "tooManyRequests")).to.have.length(2);
  });

  it("spends the ClientAuthentication quota at the token endpoint and in GetClientToken alike", async () => {
    const post = () => fetch(`http://127.0.0.1:${t.app.httpPort}/${POOL}/oauth2/token`, {
      method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials&client_id=nosuchclient00000000000000&client_secret=x",
    });
    expect((await post()).status, "an unknown client, within the quota").to.equal(401);
    const viaGrpc = await t.auth.getClientToken({ clientId: CLIENT, secret: "not-the-secret", scopes: [], clientMetadata: {} });
    expect(viaGrpc.result?.$case, "the second request of two").to.not.equal("tooManyRequests");
    const refused = await post();
    expect(refused.status).to.equal(429);
    expect(refused.headers.get("retry-after")).to.equal("1");
    expect(await refused.json()).to.deep.equal({ error: "too_many_requests", error_description: "Rate exceeded" });
    expect((await t.auth.getClientToken({ clientId: CLIENT, secret: "not-the-secret", scopes: [], clientMetadata: {} })).result).to.deep.equal(RATE_EXCEEDED);
  });

  it("sends unauthenticated admin calls away before they spend any quota", async () => {
    const list = (metadata?: grpc.Metadata) => t.admin.listUsers({ userPoolId: POOL, attributesToGet: [], limit: 1, paginationToken: "", filter: "" }, metadata);
    for (let i = 0; i < 40; i++) {
      const refused = await list().then(() => "answered", (e: grpc.ServiceError) => e.code);
      expect(refused).to.equal(grpc.status.UNAUTHENTICATED);
    }
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push((await list(t.adminMetadata)).result?.$case);
    expect(answers.every((c) => c === "success"), "the pool's 30 ListUsers a second are all still there").to.equal(true);
  });
});

describe("overload: each process bounds its calls in flight (gRPC + Redis)", () => {
  let t: TestApp;
  const GATED_POOL = "us-east-1_GatedPool1";
  const GATED_CLIENT = "gatedclient000000000000000";

  before(async () => {
    t = await startTestApp({
      overrides: { maxInFlight: 1 },
      config: {
        adminCredentials: [{ tokenSha256: sha256(ADMIN_TOKEN), pools: "*" }],
        pools: [{ id: GATED_POOL, name: "gated", settings: { autoVerifiedAttributes: ["email"] }, triggers: { PreSignUp: { module: fixture("gate.mjs") } }, clients: [{ clientId: GATED_CLIENT, name: "gated", explicitAuthFlows: FLOWS }] }],
      },
    });
  });
  after(async () => t.stop());

  const signUp = (username: string) => t.auth.signUp({ clientId: GATED_CLIENT, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: {} });

  it("sheds a call past the bound at once with too_many_requests, and it changes nothing", async () => {
    const entered = nextEntry();
    const held = signUp("held-user");
    await entered; // one call is in flight, inside the PreSignUp hook
    const shed = await signUp("shed-user");
    expect(shed.result).to.deep.equal(RATE_EXCEEDED);
    openGate();
    expect((await held).result?.$case).to.equal("success");
    const shedUser = await t.admin.adminGetUser({ userPoolId: GATED_POOL, username: "shed-user" }, t.adminMetadata);
    expect(shedUser.result?.$case).to.equal("userNotFound");
  });

  it("answers RESOURCE_EXHAUSTED where the operation has no too_many_requests arm", async () => {
    const entered = nextEntry();
    const held = signUp("held-again");
    await entered;
    const jwks = await t.auth.getJwks({ userPoolId: GATED_POOL, clientId: "" }).then(() => "answered", (e: grpc.ServiceError) => e.code);
    expect(jwks).to.equal(grpc.status.RESOURCE_EXHAUSTED);
    openGate();
    expect((await held).result?.$case).to.equal("success");
    expect((await t.auth.getJwks({ userPoolId: GATED_POOL, clientId: "" })).result?.$case, "after the held call left").to.equal("success");
  });

  it("frees the slot after a failed call too", async () => {
    const unknownClient = await t.auth.initiateAuth({ clientId: "unknownclient0000000000000", authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "a", PASSWORD: "b" }, clientMetadata: {} });
    expect(unknownClient.result?.$case).to.equal("resourceNotFound");
    expect((await t.auth.getJwks({ userPoolId: GATED_POOL, clientId: "" })).result?.$case).to.equal("success");
  });
});

describe("quotas with Cognito's defaults", () => {
  it("let an ordinary sign-up and confirmation through", async () => {
    const t = await startTestApp({ config: CONFIG, overrides: { quotas: true } });
    try {
      await signUpAndConfirm(t, OTHER, OTHER_CLIENT, "defaults-user", "defaults@example.com");
    } finally {
      await t.stop();
    }
  });
});

import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { SERVICE_NAMES } from "../../src/api/server.js";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { bearer } from "../helpers/clients.js";
import { fuzz, methodsOf, rawCall } from "../helpers/fuzz.js";
import { ADMIN_TOKEN, ALIAS_POOL, CLIENT_SECRET, CLIENTS, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";

// Bounded here (a few thousand calls); `make fuzz` runs the same with FUZZ_ITERATIONS per method.
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 12);
const SEED = process.env.FUZZ_SEED ?? "identity-fuzz-1";
const PASSWORD = "Correct-Horse-1";
const SERVED = [...SERVICE_NAMES, "grpc.health.v1.Health"];

describe("no input gets INTERNAL: decode errors, admin check first, seeded fuzz (gRPC + Redis)", function () {
  this.timeout(Math.max(120_000, ITERATIONS * 20_000));
  let t: TestApp;
  let raw: grpc.Client;
  before(async () => {
    t = await startTestApp();
    raw = new grpc.Client(`127.0.0.1:${t.app.grpcPort}`, grpc.credentials.createInsecure());
  });
  after(async () => {
    raw.close();
    await t.stop();
  });

  const call = (path: string, bytes: Buffer, metadata = new grpc.Metadata()) => rawCall(raw, { path, service: path.split("/")[1]!, kind: "unary", input: undefined }, bytes, metadata, 10_000);

  it("answers INVALID_ARGUMENT to one byte 0x0a sent to AuthService/SignUp", async () => {
    expect(grpc.status[await call("/identity.v1.AuthService/SignUp", Buffer.from([0x0a]))]).to.equal("INVALID_ARGUMENT");
  });

  it("answers INVALID_ARGUMENT to undecodable bytes on AdminService with valid credentials", async () => {
    expect(grpc.status[await call("/identity.v1.AdminService/AdminGetUser", Buffer.from([0x0a]), t.adminMetadata)]).to.equal("INVALID_ARGUMENT");
  });

  it("answers UNAUTHENTICATED to AdminService without credentials whatever the bytes", async () => {
    for (const bytes of [Buffer.from([0x0a]), Buffer.from([0xff, 0xff, 0xff]), Buffer.alloc(0), Buffer.from("0a0548656c6c6f", "hex")]) {
      expect(grpc.status[await call("/identity.v1.AdminService/DeleteUserPool", bytes)]).to.equal("UNAUTHENTICATED");
      expect(grpc.status[await call("/identity.v1.AdminService/ListUserPools", bytes, bearer("wrong-token-0123456789"))]).to.equal("UNAUTHENTICATED");
    }
  });

  it("answers INVALID_ARGUMENT to undecodable bytes on grpc.health.v1.Health/Check", async () => {
    expect(grpc.status[await call("/grpc.health.v1.Health/Check", Buffer.from([0x0a]))]).to.equal("INVALID_ARGUMENT");
  });

  it(`fuzzes every RPC of every service (${ITERATIONS} structured + ${ITERATIONS} raw per RPC, seed ${SEED}): no INTERNAL, no crash, healthy after`, async () => {
    const vocabulary = await realValues();
    const methods = methodsOf(SERVED);
    const tally = await fuzz({ address: `127.0.0.1:${t.app.grpcPort}`, seed: SEED, iterations: ITERATIONS, methods, vocabulary, adminMetadata: () => bearer(ADMIN_TOKEN) });
    console.log(`      fuzz: ${tally.calls} calls over ${methods.length} methods: ${[...tally.byCode].map(([code, n]) => `${code} ${n}`).join(", ")}`);
    expect(tally.violations, tally.violations.join("\n")).to.deep.equal([]);
    expect(tally.calls).to.equal(methods.reduce((sum, m) => sum + ITERATIONS * (m.service === "identity.v1.AdminService" ? 3 : 2), 0));
    // Bugs are logged as "rpc failed" (INTERNAL); store trouble would be UNAVAILABLE. Neither happened.
    expect(t.log.lines.filter((line) => line.includes("rpc failed"))).to.deep.equal([]);
    expect(tally.byCode.get("UNAVAILABLE") ?? 0).to.equal(0);
    // Healthy after: health says SERVING and the API still answers.
    expect(grpc.status[await call("/grpc.health.v1.Health/Check", Buffer.alloc(0))]).to.equal("OK");
    const pools = await t.admin.listUserPools({ maxResults: 10, nextToken: "" }, t.adminMetadata);
    expect(pools.result?.$case).to.equal("success");
  });

  /** Ids, names and live tokens from this server, so random requests get past validation. */
  async function realValues() {
    const userAttributes = [{ name: "email", value: "fuzz@example.com" }];
    await t.admin.adminCreateUser({ userPoolId: POOL, username: "fuzzuser", userAttributes, validationData: [], temporaryPassword: "", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
    await t.admin.adminSetUserPassword({ userPoolId: POOL, username: "fuzzuser", password: PASSWORD, permanent: true }, t.adminMetadata);
    const signedIn = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "fuzzuser", PASSWORD }, clientMetadata: {} });
    expect(signedIn.result?.$case).to.equal("authenticationResult");
    const tokens = signedIn.result?.$case === "authenticationResult" ? [signedIn.result.value.accessToken, signedIn.result.value.refreshToken, signedIn.result.value.idToken] : [];
    return { strings: [POOL, ALIAS_POOL, EMAIL_POOL, ...Object.values(CLIENTS), CLIENT_SECRET, "fuzzuser", "fuzz@example.com", "alice", PASSWORD, "123456", ...tokens] };
  }
});

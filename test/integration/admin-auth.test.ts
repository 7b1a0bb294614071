import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { AdminServiceService } from "../../src/gen/identity/v1/admin_service.js";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { bearer } from "../helpers/clients.js";
import { ALIAS_POOL, CLIENTS, POOL, POOL_ADMIN_TOKEN, startTestApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Permanent-Pass-2";
type Method = keyof typeof AdminServiceService;
const METHODS = Object.keys(AdminServiceService) as Method[];

/** A request of the method's type with every field at its default, naming `poolId` where it has a pool. */
function emptyRequest(method: Method, poolId: string): Record<string, unknown> {
  const request = AdminServiceService[method].requestDeserialize(Buffer.alloc(0)) as unknown as Record<string, unknown>;
  return "userPoolId" in request ? { ...request, userPoolId: poolId } : request;
}

describe("admin authentication and pool scope (gRPC + Redis)", () => {
  let t: TestApp;
  const poolAdmin = bearer(POOL_ADMIN_TOKEN);
  const noCredentials = () => new grpc.Metadata();
  const wrongToken = () => bearer("not-the-admin-token-0123456789");
  const notBearer = () => {
    const metadata = new grpc.Metadata();
    metadata.set("authorization", `Basic ${POOL_ADMIN_TOKEN}`);
    return metadata;
  };

  before(async () => {
    t = await startTestApp();
    await createUser("alice", POOL);
    await createUser("alias-user", ALIAS_POOL);
  });
  after(() => t.stop());

  async function createUser(username: string, userPoolId: string) {
    const request = { userPoolId, username, userAttributes: [], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
    expect((await t.admin.adminCreateUser(request, t.adminMetadata)).result?.$case).to.equal("success");
    expect((await t.admin.adminSetUserPassword({ userPoolId, username, password: PASSWORD, permanent: true }, t.adminMetadata)).result?.$case).to.equal("success");
  }

  /** Calls a method through the generated client; resolves to the response or the gRPC status code. */
  async function call(method: Method, request: Record<string, unknown>, metadata: grpc.Metadata): Promise<{ code: grpc.status } | { response: unknown }> {
    const invoke = (t.admin as unknown as Record<Method, (r: unknown, m: grpc.Metadata) => Promise<unknown>>)[method];
    try {
      return { response: await invoke(request, metadata) };
    } catch (error) {
      return { code: (error as grpc.ServiceError).code };
    }
  }

  async function userState(username: string, userPoolId: string) {
    const result = (await t.admin.adminGetUser({ userPoolId, username }, t.adminMetadata)).result;
    return result?.$case === "success" ? { enabled: result.value.enabled, status: result.value.userStatus } : result?.$case;
  }

  function passwordAuth(username: string, clientId: string) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: PASSWORD }, clientMetadata: {} });
  }

  async function signsIn(username: string, clientId: string): Promise<boolean> {
    return (await passwordAuth(username, clientId)).result?.$case === "authenticationResult";
  }

  async function signIn(username: string, clientId: string): Promise<string> {
    const response = await passwordAuth(username, clientId);
    if (response.result?.$case !== "authenticationResult") throw new Error(`sign-in answered ${response.result?.$case}`);
    return response.result.value.accessToken;
  }

  it("covers every AdminService method", () => {
    expect(METHODS).to.have.length(42);
  });

  for (const [label, metadata] of [["no credentials", noCredentials], ["a wrong token", wrongToken], ["a non-Bearer authorization", notBearer]] as const) {
    it(`answers UNAUTHENTICATED to every method called with ${label}`, async () => {
      for (const method of METHODS) expect(await call(method, emptyRequest(method, POOL), metadata()), method).to.deep.equal({ code: grpc.status.UNAUTHENTICATED });
    });
  }

  it("answers PERMISSION_DENIED to a pool-scoped token on another pool, or on no pool", async () => {
    for (const method of METHODS) expect(await call(method, emptyRequest(method, ALIAS_POOL), poolAdmin), method).to.deep.equal({ code: grpc.status.PERMISSION_DENIED });
  });

  it("lets a pool-scoped token manage its own pool", async () => {
    const got = await t.admin.adminGetUser({ userPoolId: POOL, username: "alice" }, poolAdmin);
    expect(got.result?.$case).to.equal("success");
    const described = await t.admin.describeUserPool({ userPoolId: POOL }, poolAdmin);
    expect(described.result?.$case).to.equal("success");
  });

  it("does not reach another pool's client through its own pool id", async () => {
    const described = await t.admin.describeUserPoolClient({ userPoolId: POOL, clientId: CLIENTS.aliasLegacy }, poolAdmin);
    expect(described.result?.$case).to.equal("resourceNotFound");
    const deleted = await t.admin.deleteUserPoolClient({ userPoolId: POOL, clientId: CLIENTS.aliasLegacy }, poolAdmin);
    expect(deleted.result?.$case).to.equal("resourceNotFound");
    expect(await signsIn("alias-user", CLIENTS.aliasLegacy)).to.equal(true);
  });

  describe("refused calls change nothing", () => {
    const refusals = [
      { label: "no credentials", metadata: noCredentials, refused: { code: grpc.status.UNAUTHENTICATED }, pool: POOL, user: "alice", client: CLIENTS.legacy },
      { label: "a wrong token", metadata: wrongToken, refused: { code: grpc.status.UNAUTHENTICATED }, pool: POOL, user: "alice", client: CLIENTS.legacy },
      { label: "a pool token on another pool", metadata: () => poolAdmin, refused: { code: grpc.status.PERMISSION_DENIED }, pool: ALIAS_POOL, user: "alias-user", client: CLIENTS.aliasLegacy },
    ];
    for (const { label, metadata, refused, pool, user, client } of refusals) {
      it(`with ${label}: AdminDeleteUser, AdminDisableUser, AdminSetUserPassword and AdminUserGlobalSignOut`, async () => {
        const accessToken = await signIn(user, client);
        const target = { userPoolId: pool, username: user };
        expect(await call("adminDeleteUser", target, metadata())).to.deep.equal(refused);
        expect(await call("adminDisableUser", target, metadata())).to.deep.equal(refused);
        expect(await call("adminUserGlobalSignOut", target, metadata())).to.deep.equal(refused);
        expect(await call("adminSetUserPassword", { ...target, password: "Another-Pass-9", permanent: true }, metadata())).to.deep.equal(refused);
        expect(await userState(user, pool)).to.deep.include({ enabled: true });
        expect((await t.auth.getUser({ accessToken })).result?.$case).to.equal("success");
        expect(await signsIn(user, client)).to.equal(true);
      });

      it(`with ${label}: AdminCreateUser, UpdateUserPoolClient and DeleteUserPool`, async () => {
        const request = { ...emptyRequest("adminCreateUser", pool), username: "intruder", temporaryPassword: "Temporary-Pass-1", messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS };
        expect(await call("adminCreateUser", request, metadata())).to.deep.equal(refused);
        expect(await userState("intruder", pool)).to.equal("userNotFound");
        const before = await t.admin.describeUserPoolClient({ userPoolId: pool, clientId: client }, t.adminMetadata);
        expect(await call("updateUserPoolClient", { ...emptyRequest("updateUserPoolClient", pool), clientId: client, clientName: "hijacked" }, metadata())).to.deep.equal(refused);
        expect(await t.admin.describeUserPoolClient({ userPoolId: pool, clientId: client }, t.adminMetadata)).to.deep.equal(before);
        expect(await call("deleteUserPool", { userPoolId: pool }, metadata())).to.deep.equal(refused);
        expect((await t.admin.describeUserPool({ userPoolId: pool }, t.adminMetadata)).result?.$case).to.equal("success");
      });
    }

    it("a pool-scoped token cannot create or list pools", async () => {
      expect(await call("createUserPool", { poolName: "rogue", userPoolId: "us-east-1_Rogue1" }, poolAdmin)).to.deep.equal({ code: grpc.status.PERMISSION_DENIED });
      expect((await t.admin.describeUserPool({ userPoolId: "us-east-1_Rogue1" }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      expect(await call("listUserPools", { maxResults: 10, nextToken: "" }, poolAdmin)).to.deep.equal({ code: grpc.status.PERMISSION_DENIED });
    });
  });

  // Last: mocha runs a suite's own tests before its nested suites.
  describe("logging", () => {
    it("never logs an admin token or a password", () => {
      const logged = t.log.lines.join("\n");
      for (const secret of [POOL_ADMIN_TOKEN, "not-the-admin-token", PASSWORD]) expect(logged).to.not.include(secret);
    });
  });
});

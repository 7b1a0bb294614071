import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import { AdminServiceClient, UpdateUserPoolClientRequest, UpdateUserPoolRequest } from "../../src/gen/identity/v1/admin_service.js";
import {
  AuthFlow,
  ExplicitAuthFlow,
  MessageAction,
  PreventUserExistenceErrors,
  RecoveryMechanism,
  UserPoolClientSettings,
  UserPoolSettings,
  type UserPool,
  type UserPoolClient,
} from "../../src/gen/identity/v1/common.js";
import { keys } from "../../src/store/keys.js";
import { ALIAS_POOL, CLIENT_SECRET, CLIENTS, EMAIL_POOL, POOL, startPeerApp, startTestApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Permanent-Pass-2";

describe("admin pool and client operations (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.stop());

  async function createPool(userPoolId: string, settings: Partial<UserPoolSettings> = {}): Promise<UserPool> {
    const response = await t.admin.createUserPool({ poolName: userPoolId, userPoolId, settings: UserPoolSettings.fromPartial(settings) }, t.adminMetadata);
    if (response.result?.$case !== "success") throw new Error(`CreateUserPool answered ${JSON.stringify(response.result)}`);
    return response.result.value;
  }

  async function createClient(userPoolId: string, clientId: string, settings: Partial<UserPoolClientSettings> = {}, generateSecret = false): Promise<UserPoolClient> {
    const response = await t.admin.createUserPoolClient({ userPoolId, clientName: clientId, clientId, generateSecret, settings: UserPoolClientSettings.fromPartial(settings) }, t.adminMetadata);
    if (response.result?.$case !== "success") throw new Error(`CreateUserPoolClient answered ${JSON.stringify(response.result)}`);
    return response.result.value;
  }

  const describePool = async (userPoolId: string) => (await t.admin.describeUserPool({ userPoolId }, t.adminMetadata)).result;
  const describeClient = async (userPoolId: string, clientId: string) => (await t.admin.describeUserPoolClient({ userPoolId, clientId }, t.adminMetadata)).result;
  const updatePool = (userPoolId: string, settings: Partial<UserPoolSettings> | undefined) =>
    t.admin.updateUserPool(UpdateUserPoolRequest.fromPartial({ userPoolId, ...(settings ? { settings: UserPoolSettings.fromPartial(settings) } : {}) }), t.adminMetadata);
  const updateClient = (userPoolId: string, clientId: string, settings: Partial<UserPoolClientSettings>, clientName = "") =>
    t.admin.updateUserPoolClient(UpdateUserPoolClientRequest.fromPartial({ userPoolId, clientId, clientName, settings: UserPoolClientSettings.fromPartial(settings) }), t.adminMetadata);

  function signIn(clientId: string, username: string, password: string) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} });
  }

  describe("DescribeUserPool", () => {
    it("shows a pool with its settings and defaults", async () => {
      const result = await describePool(POOL);
      if (result?.$case !== "success") throw new Error(`DescribeUserPool answered ${result?.$case}`);
      expect(result.value.id).to.equal(POOL);
      expect(result.value.settings).to.deep.include({ autoVerifiedAttributes: ["email"], accountRecovery: [RecoveryMechanism.RECOVERY_MECHANISM_VERIFIED_EMAIL], usernameCaseSensitive: false });
      expect(result.value.settings?.passwordPolicy).to.deep.equal({ minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7 });
    });

    it("says resource_not_found or invalid_parameter", async () => {
      expect(await describePool("us-east-1_Missing1")).to.deep.equal({ $case: "resourceNotFound", value: { message: "User pool us-east-1_Missing1 does not exist." } });
      for (const id of ["", "nounderscore", `us-east-1_${"x".repeat(50)}`, "us east_1"]) expect((await describePool(id))?.$case, id).to.equal("invalidParameter");
    });
  });

  describe("UpdateUserPool", () => {
    const ID = "us-east-1_UpdPool1";
    before(() => createPool(ID, { aliasAttributes: ["email"], autoVerifiedAttributes: ["email"] }));

    it("replaces the mutable settings, and the new policy applies at once", async () => {
      t.clock.advance(1000);
      const response = await updatePool(ID, {
        aliasAttributes: ["email"],
        autoVerifiedAttributes: ["email", "phone_number"],
        passwordPolicy: { minimumLength: 12, requireUppercase: false, requireLowercase: true, requireNumbers: false, requireSymbols: false, temporaryPasswordValidityDays: 3 },
        accountRecovery: [RecoveryMechanism.RECOVERY_MECHANISM_ADMIN_ONLY],
      });
      if (response.result?.$case !== "success") throw new Error(`UpdateUserPool answered ${JSON.stringify(response.result)}`);
      const described = await describePool(ID);
      expect(described).to.deep.equal({ $case: "success", value: response.result.value });
      expect(response.result.value.settings).to.deep.include({ autoVerifiedAttributes: ["email", "phone_number"], accountRecovery: [RecoveryMechanism.RECOVERY_MECHANISM_ADMIN_ONLY] });
      expect(response.result.value.lastModifiedDate!.getTime()).to.be.greaterThan(response.result.value.creationDate!.getTime());
      const weak = await t.admin.adminCreateUser({ userPoolId: ID, username: "newbie", userAttributes: [], validationData: [], temporaryPassword: "lowercase11", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
      expect(weak.result).to.deep.equal({ $case: "invalidPassword", value: { message: "Password did not conform with policy: Password not long enough" } });
    });

    const fixed: [string, Partial<UserPoolSettings>][] = [
      ["username_attributes", { usernameAttributes: ["email"] }],
      ["alias_attributes", { aliasAttributes: ["email", "phone_number"] }],
      ["alias_attributes", { aliasAttributes: [] }],
      ["username_case_sensitive", { aliasAttributes: ["email"], usernameCaseSensitive: true }],
    ];
    for (const [name, settings] of fixed) {
      it(`refuses to change ${name} (${JSON.stringify(settings)}), changing nothing`, async () => {
        const before = await describePool(ID);
        const response = await updatePool(ID, { autoVerifiedAttributes: [], ...settings });
        expect(response.result).to.deep.equal({ $case: "invalidParameter", value: { field: `settings.${name}`, message: `${name} cannot be changed after the user pool is created.` } });
        expect(await describePool(ID)).to.deep.equal(before);
      });
    }

    it("refuses missing or out-of-range settings, unknown enum values and unknown pools", async () => {
      const before = await describePool(ID);
      const bad: (Partial<UserPoolSettings> | undefined)[] = [
        undefined,
        { aliasAttributes: ["email"], passwordPolicy: { minimumLength: 5, requireUppercase: false, requireLowercase: false, requireNumbers: false, requireSymbols: false, temporaryPasswordValidityDays: 1 } },
        { aliasAttributes: ["email"], accountRecovery: [9 as RecoveryMechanism] },
        { aliasAttributes: ["email"], autoVerifiedAttributes: ["name"] },
      ];
      for (const settings of bad) expect((await updatePool(ID, settings)).result?.$case, JSON.stringify(settings)).to.equal("invalidParameter");
      expect(await describePool(ID)).to.deep.equal(before);
      expect((await updatePool("us-east-1_Missing1", {})).result?.$case).to.equal("resourceNotFound");
      expect((await updatePool("bad id", {})).result?.$case).to.equal("invalidParameter");
    });
  });

  describe("ListUserPools", () => {
    it("pages through every pool in id order; the last page has no token", async () => {
      await createPool("us-east-1_ListMe1");
      await createPool("us-east-1_ListMe2");
      const seen: string[] = [];
      let nextToken = "";
      do {
        const response = await t.admin.listUserPools({ maxResults: 2, nextToken }, t.adminMetadata);
        if (response.result?.$case !== "success") throw new Error(`ListUserPools answered ${JSON.stringify(response.result)}`);
        expect(response.result.value.userPools.length).to.be.within(1, 2);
        seen.push(...response.result.value.userPools.map((p) => p.id));
        nextToken = response.result.value.nextToken;
      } while (nextToken !== "");
      expect(seen).to.include.members([POOL, ALIAS_POOL, EMAIL_POOL, "us-east-1_ListMe1", "us-east-1_ListMe2"]);
      expect(seen).to.deep.equal([...new Set(seen)].sort());
    });

    it("refuses page sizes outside 1-60 and foreign or forged tokens", async () => {
      for (const maxResults of [0, 61, -5]) expect((await t.admin.listUserPools({ maxResults, nextToken: "" }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
      const clients = await t.admin.listUserPoolClients({ userPoolId: POOL, maxResults: 1, nextToken: "" }, t.adminMetadata);
      const foreign = clients.result?.$case === "success" ? clients.result.value.nextToken : "";
      expect(foreign).to.not.equal("");
      for (const nextToken of [foreign, "%%%", "x".repeat(2000)]) {
        expect((await t.admin.listUserPools({ maxResults: 10, nextToken }, t.adminMetadata)).result).to.deep.equal({ $case: "invalidParameter", value: { field: "next_token", message: "Invalid pagination token." } });
      }
    });
  });

  describe("app clients", () => {
    it("DescribeUserPoolClient shows the secret; a client of another pool is not found", async () => {
      const result = await describeClient(POOL, CLIENTS.secret);
      expect(result?.$case === "success" && result.value.clientSecret).to.equal(CLIENT_SECRET);
      expect(await describeClient(ALIAS_POOL, CLIENTS.secret)).to.deep.equal({ $case: "resourceNotFound", value: { message: `User pool client ${CLIENTS.secret} does not exist.` } });
      expect((await describeClient(POOL, "nosuchclient00000000000000"))?.$case).to.equal("resourceNotFound");
      for (const clientId of ["", "UPPERCASE0000000000000000A", "short"]) expect((await describeClient(POOL, clientId))?.$case, clientId).to.equal("invalidParameter");
    });

    it("ListUserPoolClients pages through a pool's clients without their secrets", async () => {
      const seen: UserPoolClient[] = [];
      let nextToken = "";
      do {
        const response = await t.admin.listUserPoolClients({ userPoolId: POOL, maxResults: 3, nextToken }, t.adminMetadata);
        if (response.result?.$case !== "success") throw new Error(`ListUserPoolClients answered ${JSON.stringify(response.result)}`);
        seen.push(...response.result.value.userPoolClients);
        nextToken = response.result.value.nextToken;
      } while (nextToken !== "");
      expect(seen.map((c) => c.clientId)).to.include.members([CLIENTS.legacy, CLIENTS.enabled, CLIENTS.strict, CLIENTS.secret]);
      expect(seen.every((c) => c.clientSecret === "" && c.userPoolId === POOL)).to.equal(true);
      expect((await t.admin.listUserPoolClients({ userPoolId: "us-east-1_Missing1", maxResults: 10, nextToken: "" }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      expect((await t.admin.listUserPoolClients({ userPoolId: POOL, maxResults: 0, nextToken: "" }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
    });

    it("UpdateUserPoolClient replaces the settings, keeps the secret, and applies at once", async () => {
      const ID = "updclient00000000000000001";
      const made = await createClient(POOL, ID, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH], preventUserExistenceErrors: PreventUserExistenceErrors.PREVENT_USER_EXISTENCE_ERRORS_LEGACY }, true);
      expect((await signIn(ID, "ghost-user", PASSWORD)).result?.$case).to.equal("notAuthorized"); // SECRET_HASH missing
      const response = await updateClient(POOL, ID, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH], accessTokenValiditySeconds: 900 }, "renamed");
      if (response.result?.$case !== "success") throw new Error(`UpdateUserPoolClient answered ${JSON.stringify(response.result)}`);
      expect(response.result.value.clientName).to.equal("renamed");
      expect(response.result.value.clientSecret).to.equal(made.clientSecret);
      expect(response.result.value.settings).to.deep.include({ explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH], accessTokenValiditySeconds: 900, preventUserExistenceErrors: PreventUserExistenceErrors.PREVENT_USER_EXISTENCE_ERRORS_ENABLED });
      expect(await describeClient(POOL, ID)).to.deep.equal({ $case: "success", value: response.result.value });
      const refused = (await signIn(ID, "ghost-user", PASSWORD)).result;
      expect(refused?.$case === "invalidParameter" && refused.value.message).to.equal("USER_PASSWORD_AUTH flow not enabled for this client");
    });

    it("a changed PreventUserExistenceErrors takes effect on the next request", async () => {
      const ID = "modeclient0000000000000001";
      const flows = [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH];
      await createClient(POOL, ID, { explicitAuthFlows: flows, preventUserExistenceErrors: PreventUserExistenceErrors.PREVENT_USER_EXISTENCE_ERRORS_LEGACY });
      expect((await signIn(ID, "ghost-user", PASSWORD)).result?.$case).to.equal("userNotFound");
      expect((await updateClient(POOL, ID, { explicitAuthFlows: flows, preventUserExistenceErrors: PreventUserExistenceErrors.PREVENT_USER_EXISTENCE_ERRORS_ENABLED })).result?.$case).to.equal("success");
      expect((await signIn(ID, "ghost-user", PASSWORD)).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Incorrect username or password." } });
    });

    it("UpdateUserPoolClient refuses bad input, changing nothing", async () => {
      const before = await describeClient(POOL, CLIENTS.strict);
      const bad: [Partial<UserPoolClientSettings>, string][] = [
        [{ explicitAuthFlows: [99 as ExplicitAuthFlow] }, ""],
        [{ preventUserExistenceErrors: 42 as PreventUserExistenceErrors }, ""],
        [{ refreshTokenValiditySeconds: 60 }, ""],
        [{ authSessionValidityMinutes: 16 }, ""],
        [{}, "n".repeat(129)],
      ];
      for (const [settings, name] of bad) expect((await updateClient(POOL, CLIENTS.strict, settings, name)).result?.$case, JSON.stringify(settings)).to.equal("invalidParameter");
      expect((await updateClient(POOL, "Bad-Client-Id", {})).result?.$case).to.equal("invalidParameter");
      expect((await updateClient(ALIAS_POOL, CLIENTS.strict, {})).result?.$case).to.equal("resourceNotFound");
      expect(await describeClient(POOL, CLIENTS.strict)).to.deep.equal(before);
    });

    it("DeleteUserPoolClient removes the client; requests naming it fail at once", async () => {
      const ID = "delclient00000000000000001";
      await createClient(POOL, ID, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH] });
      expect((await signIn(ID, "ghost-user", PASSWORD)).result?.$case).to.equal("notAuthorized");
      expect((await t.admin.deleteUserPoolClient({ userPoolId: ALIAS_POOL, clientId: ID }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      expect((await t.admin.deleteUserPoolClient({ userPoolId: POOL, clientId: ID }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await describeClient(POOL, ID))?.$case).to.equal("resourceNotFound");
      expect((await signIn(ID, "ghost-user", PASSWORD)).result?.$case).to.equal("resourceNotFound");
      expect((await t.admin.deleteUserPoolClient({ userPoolId: POOL, clientId: ID }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
    });
  });

  describe("DeleteUserPool", () => {
    it("deletes the pool with its clients, users and tokens; the id can be reused", async () => {
      const ID = "us-east-1_Doomed1";
      const CLIENT = "doomedclient00000000000001";
      await createPool(ID);
      await createClient(ID, CLIENT, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH] });
      const user = { userPoolId: ID, username: "doomed", userAttributes: [], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
      expect((await t.admin.adminCreateUser(user, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await t.admin.adminSetUserPassword({ userPoolId: ID, username: "doomed", password: PASSWORD, permanent: true }, t.adminMetadata)).result?.$case).to.equal("success");
      const signedIn = await signIn(CLIENT, "doomed", PASSWORD);
      if (signedIn.result?.$case !== "authenticationResult") throw new Error(`sign-in answered ${signedIn.result?.$case}`);

      expect((await t.admin.deleteUserPool({ userPoolId: ID }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await describePool(ID))?.$case).to.equal("resourceNotFound");
      expect((await describeClient(ID, CLIENT))?.$case).to.equal("resourceNotFound");
      expect((await signIn(CLIENT, "doomed", PASSWORD)).result?.$case).to.equal("resourceNotFound");
      expect((await t.auth.getUser({ accessToken: signedIn.result.value.accessToken })).result?.$case).to.equal("notAuthorized");
      expect(await t.redis.keys(`${keys.poolPrefix(ID).replace(/[{}]/g, "\\$&")}*`)).to.deep.equal([]);
      expect(await t.redis.exists(keys.client(CLIENT))).to.equal(0);
      expect((await t.admin.deleteUserPool({ userPoolId: ID }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");

      await createPool(ID);
      const users = await t.admin.listUsers({ userPoolId: ID, attributesToGet: [], limit: 0, paginationToken: "", filter: "" }, t.adminMetadata);
      expect(users.result).to.deep.equal({ $case: "success", value: { users: [], paginationToken: "" } });
    });

    it("deletes a pool of thousands of users in bounded steps and leaves other pools whole", async () => {
      const ID = "us-east-1_Doomed2";
      await createPool(ID);
      for (let start = 0; start < 3_000; start += 500) {
        const users = Array.from({ length: 500 }, (_, i) => ({ username: `d${start + i}`, attributes: [{ name: "email", value: `d${start + i}@example.com` }] }));
        expect((await t.admin.importUsers({ userPoolId: ID, users }, t.adminMetadata)).result?.$case).to.equal("success");
      }
      const survivor = { userPoolId: POOL, username: "survivor", userAttributes: [], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
      expect((await t.admin.adminCreateUser(survivor, t.adminMetadata)).result?.$case).to.equal("success");
      const others = await t.redis.dbsize();
      const unlinks = async () => Number(/cmdstat_unlink:calls=(\d+)/.exec(await t.redis.info("commandstats"))?.[1] ?? 0);
      const before = await unlinks();
      expect((await t.admin.deleteUserPool({ userPoolId: ID }, t.adminMetadata)).result?.$case).to.equal("success");
      expect(await t.redis.keys(`${keys.poolPrefix(ID).replace(/[{}]/g, "\\$&")}*`)).to.deep.equal([]);
      // 3,000 user keys (and the pool's lists and indexes) went in several UNLINKs of at most a batch each.
      if (t.config.redisCluster.length === 0) {
        expect((await unlinks()) - before).to.be.greaterThan(3);
        expect(await t.redis.dbsize()).to.be.lessThan(others - 3_000);
      }
      const list = await t.admin.listUsers({ userPoolId: POOL, attributesToGet: [], limit: 1, paginationToken: "", filter: 'username = "survivor"' }, t.adminMetadata);
      expect(list.result?.$case === "success" && list.result.value.users.map((u) => u.username)).to.deep.equal(["survivor"]);
    });

    const poolKeys = (id: string) => t.redis.keys(`${keys.poolPrefix(id).replace(/[{}]/g, "\\$&")}*`);
    async function poolWithUsers(id: string, count: number) {
      await createPool(id);
      for (let start = 0; start < count; start += 500) {
        const users = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ username: `u${start + i}`, attributes: [] }));
        expect((await t.admin.importUsers({ userPoolId: id, users }, t.adminMetadata)).result?.$case).to.equal("success");
      }
    }

    it("finishes a deletion the caller stopped waiting for: the caller's deadline does not cut it short", async () => {
      const ID = "us-east-1_Doomed3";
      await poolWithUsers(ID, 5_000);
      // The caller gives up after half a second: the deletion has begun by then, and it takes two seconds at least.
      const client = new AdminServiceClient(`127.0.0.1:${t.app.grpcPort}`, grpc.credentials.createInsecure());
      try {
        await new Promise<void>((resolve) => client.deleteUserPool({ userPoolId: ID }, t.adminMetadata, { deadline: Date.now() + 500 }, () => resolve()));
      } finally {
        client.close();
      }
      // Done when no key is left and the pool is no longer marked (after the second pass, two seconds on).
      for (let waited = 0; (await poolKeys(ID)).length > 0 || (await t.redis.sismember(keys.deletingPools(), ID)) === 1; waited += 50) {
        if (waited > 10_000) throw new Error("the pool's keys were still there after 10 s");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    it("removes what a call that loaded the pool before the deletion writes after the first pass", async () => {
      const ID = "us-east-1_Doomed5";
      await poolWithUsers(ID, 10);
      const deletion = t.admin.deleteUserPool({ userPoolId: ID }, t.adminMetadata);
      for (let waited = 0; (await t.redis.exists(keys.pool(ID))) === 1; waited += 5) {
        if (waited > 5_000) throw new Error("the pool record was still there after 5 s");
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // As a replica serving the pool from its cached context would: a write after the record went.
      await t.redis.set(keys.user(ID, "late"), "x");
      expect((await deletion).result?.$case).to.equal("success");
      expect(await poolKeys(ID)).to.deep.equal([]);
    });

    it("a deletion cut short is finished at the next start, and its id stays taken until then", async () => {
      const ID = "us-east-1_Doomed4";
      await poolWithUsers(ID, 1_200);
      // As a process stopped mid-deletion leaves it: marked, record gone, users still there.
      await t.redis.sadd(keys.deletingPools(), ID);
      await t.redis.del(keys.pool(ID));
      expect((await describePool(ID))?.$case).to.equal("resourceNotFound");
      expect((await t.admin.createUserPool({ poolName: "again", userPoolId: ID, settings: undefined }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
      expect(await t.redis.exists(keys.pool(ID))).to.equal(0);
      const peer = await startPeerApp(t);
      await peer.stop();
      expect(await poolKeys(ID)).to.deep.equal([]);
      expect(await t.redis.smembers(keys.deletingPools())).to.deep.equal([]);
      expect((await t.admin.createUserPool({ poolName: "again", userPoolId: ID, settings: undefined }, t.adminMetadata)).result?.$case).to.equal("success");
    });

    it("refuses malformed and unknown pool ids", async () => {
      expect((await t.admin.deleteUserPool({ userPoolId: "" }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
      expect((await t.admin.deleteUserPool({ userPoolId: "us-east-1_Missing1" }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      expect((await describePool(POOL))?.$case).to.equal("success");
    });
  });
});

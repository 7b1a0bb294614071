// GetClientToken and the admin side of machine-to-machine auth through the real server: resource
// servers, client OAuth settings, scopes, secret rotation, and the PreTokenGeneration M2M event.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { UpdateUserPoolClientRequest } from "../../src/gen/identity/v1/admin_service.js";
import { ExplicitAuthFlow, OauthFlow, UserPoolClientSettings } from "../../src/gen/identity/v1/common.js";
import type { GetClientTokenResponse } from "../../src/gen/identity/v1/m2m.js";
import { clearRecordedEvents, fixture, recordedEvents } from "../helpers/triggers.js";
import { M2M, M2M_POOL, OTHER_POOL, SECRET, m2mConfig, verifiedClaims } from "../helpers/m2m.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

describe("machine-to-machine: GetClientToken, resource servers, client secrets (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: m2mConfig({ PreTokenGeneration: { module: fixture("m2m-pre-token.mjs") } }) });
  });
  after(() => t.stop());
  beforeEach(() => clearRecordedEvents());

  const token = (clientId: string, secret: string, scopes: string[] = [], clientMetadata: Record<string, string> = {}) =>
    t.auth.getClientToken({ clientId, secret, scopes, clientMetadata });

  async function accessToken(clientId: string, scopes: string[] = [], metadata: Record<string, string> = {}): Promise<string> {
    const response = await token(clientId, SECRET, scopes, metadata);
    if (response.result?.$case !== "success") throw new Error(`GetClientToken answered ${JSON.stringify(response.result)}`);
    return response.result.value.accessToken;
  }

  describe("the token", () => {
    it("carries the client as sub and client_id, the granted scopes, and Cognito's access-token claims", async () => {
      const response = await token(M2M.api, SECRET, ["https://orders/read"]);
      if (response.result?.$case !== "success") throw new Error(JSON.stringify(response.result));
      expect(response.result.value.tokenType).to.equal("Bearer");
      expect(response.result.value.expiresIn).to.equal(3600);
      const claims = await verifiedClaims(t, M2M_POOL, response.result.value.accessToken);
      expect(claims).to.include({ sub: M2M.api, client_id: M2M.api, token_use: "access", scope: "https://orders/read", version: 2, iss: `http://localhost:9999/${M2M_POOL}` });
      expect(claims.exp! - claims.iat!).to.equal(3600);
      expect(claims.iat).to.equal(Math.floor(t.clock.now() / 1000));
      expect(claims.jti).to.match(/^[0-9a-f-]{36}$/);
      expect(claims).to.not.have.any.keys("username", "cognito:groups", "origin_jti", "aud");
    });

    it("grants every allowed scope when none is asked for, and each token has its own jti", async () => {
      const [a, b] = await Promise.all([accessToken(M2M.api), accessToken(M2M.api)]);
      expect(decodeJwt(a).scope).to.equal("https://orders/read https://orders/write");
      expect(decodeJwt(a).jti).to.not.equal(decodeJwt(b).jti);
    });

    it("lasts the client's access-token validity", async () => {
      const response = await t.admin.updateUserPoolClient(UpdateUserPoolClientRequest.fromPartial({ userPoolId: M2M_POOL, clientId: M2M.api, settings: UserPoolClientSettings.fromPartial({ explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH], allowedOauthScopes: ["https://orders/read", "https://orders/write"], accessTokenValiditySeconds: 600 }) }), t.adminMetadata);
      expect(response.result?.$case).to.equal("success");
      const got = await token(M2M.api, SECRET);
      if (got.result?.$case !== "success") throw new Error(JSON.stringify(got.result));
      expect(got.result.value.expiresIn).to.equal(600);
      const claims = decodeJwt(got.result.value.accessToken);
      expect(claims.exp! - claims.iat!).to.equal(600);
    });

    it("is not a user's token: GetUser refuses it", async () => {
      const got = await t.auth.getUser({ accessToken: await accessToken(M2M.api) });
      expect(got.result).to.deep.equal({ $case: "notAuthorized", value: { message: "Invalid Access Token" } });
    });
  });

  describe("refusals", () => {
    const bytes = (r: GetClientTokenResponse) => JSON.stringify(r);

    it("answers a wrong secret and an unknown client identically", async () => {
      const wrong = await token(M2M.api, "not-the-secret");
      const unknown = await token("unknownclient0000000000000", SECRET);
      const userClient = await token(M2M.publicUser, "anything");
      const otherPools = await token(M2M.other, "not-the-secret");
      expect(wrong.result).to.deep.equal({ $case: "notAuthorized", value: { message: "Invalid client credentials." } });
      for (const r of [unknown, userClient, otherPools]) expect(bytes(r)).to.equal(bytes(wrong));
    });

    it("checks the secret before it says anything about the client's flows or scopes", async () => {
      expect((await token(M2M.oauth, "wrong", ["https://orders/read"])).result?.$case).to.equal("notAuthorized");
      expect((await token(M2M.user, "wrong", ["no/such"])).result?.$case).to.equal("notAuthorized");
    });

    it("refuses a client without ALLOW_CLIENT_TOKEN_AUTH, with the right secret", async () => {
      for (const client of [M2M.oauth, M2M.user]) {
        expect((await token(client, SECRET)).result).to.deep.equal({ $case: "invalidOauthFlow", value: { message: "CLIENT_TOKEN_AUTH flow not enabled for this client" } });
      }
    });

    it("refuses scopes the client is not allowed or the pool does not have", async () => {
      expect((await token(M2M.api, SECRET, ["inventory/read"])).result).to.deep.equal({ $case: "scopeDoesNotExist", value: { message: "Scope inventory/read is not allowed for this client." } });
      expect((await token(M2M.api, SECRET, ["https://orders/read", "https://orders/delete"])).result).to.deep.equal({ $case: "scopeDoesNotExist", value: { message: "Scope https://orders/delete does not exist." } });
    });

    it("answers bad input with invalid_parameter", async () => {
      const cases: [string, string, string[], Record<string, string>, string][] = [
        ["", SECRET, [], {}, "client_id"],
        [M2M.api, "", [], {}, "secret"],
        [M2M.api, "x".repeat(129), [], {}, "secret"],
        [M2M.api, SECRET, ["has space"], {}, "scopes"],
        [M2M.api, SECRET, Array.from({ length: 51 }, (_, i) => `s/${i}`), {}, "scopes"],
        [M2M.api, SECRET, [], { "": "empty key" }, "client_metadata"],
      ];
      for (const [clientId, secret, scopes, metadata, field] of cases) {
        const got = await token(clientId, secret, scopes, metadata);
        expect(got.result?.$case, field).to.equal("invalidParameter");
        expect(got.result?.$case === "invalidParameter" && got.result.value.field, field).to.equal(field);
      }
    });

    it("never logs the secret", () => {
      expect(t.log.lines.join("\n")).to.not.include(SECRET);
    });
  });

  describe("resource servers", () => {
    const create = (identifier: string, scopes = [{ scopeName: "read", scopeDescription: "read" }], name = "api") =>
      t.admin.createResourceServer({ userPoolId: M2M_POOL, identifier, name, scopes }, t.adminMetadata);

    it("creates, describes, updates, lists and deletes with Cognito's members", async () => {
      const created = await create("https://billing", [{ scopeName: "charge", scopeDescription: "charge a card" }], "billing");
      expect(created.result).to.deep.equal({ $case: "success", value: { userPoolId: M2M_POOL, identifier: "https://billing", name: "billing", scopes: [{ scopeName: "charge", scopeDescription: "charge a card" }] } });
      const described = await t.admin.describeResourceServer({ userPoolId: M2M_POOL, identifier: "https://billing" }, t.adminMetadata);
      expect(described.result).to.deep.equal(created.result);
      const updated = await t.admin.updateResourceServer({ userPoolId: M2M_POOL, identifier: "https://billing", name: "billing v2", scopes: [{ scopeName: "refund", scopeDescription: "refund" }] }, t.adminMetadata);
      expect(updated.result?.$case === "success" && updated.result.value.scopes.map((s) => s.scopeName)).to.deep.equal(["refund"]);
      const listed = await t.admin.listResourceServers({ userPoolId: M2M_POOL, maxResults: 0, nextToken: "" }, t.adminMetadata);
      expect(listed.result?.$case === "success" && listed.result.value.resourceServers.map((s) => s.identifier)).to.deep.equal(["https://billing", "https://orders", "inventory"]);
      expect((await t.admin.deleteResourceServer({ userPoolId: M2M_POOL, identifier: "https://billing" }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await t.admin.describeResourceServer({ userPoolId: M2M_POOL, identifier: "https://billing" }, t.adminMetadata)).result).to.deep.equal({ $case: "resourceNotFound", value: { message: "Resource server https://billing does not exist." } });
    });

    it("pages with next_token", async () => {
      const first = await t.admin.listResourceServers({ userPoolId: M2M_POOL, maxResults: 1, nextToken: "" }, t.adminMetadata);
      if (first.result?.$case !== "success") throw new Error(JSON.stringify(first.result));
      expect(first.result.value.resourceServers.map((s) => s.identifier)).to.deep.equal(["https://orders"]);
      const second = await t.admin.listResourceServers({ userPoolId: M2M_POOL, maxResults: 1, nextToken: first.result.value.nextToken }, t.adminMetadata);
      expect(second.result?.$case === "success" && second.result.value.resourceServers.map((s) => s.identifier)).to.deep.equal(["inventory"]);
      expect(second.result?.$case === "success" && second.result.value.nextToken).to.equal("");
    });

    it("refuses duplicates, bad members, a missing pool, and more than 25 per pool", async () => {
      expect((await create("inventory")).result?.$case).to.equal("invalidParameter");
      const bad: [string, string, { scopeName: string; scopeDescription: string }[]][] = [
        ["", "api", []], ["has space", "api", []], ["x".repeat(257), "api", []], ["ok", "bad/name", []], ["ok", "", []],
        ["ok", "api", [{ scopeName: "a/b", scopeDescription: "slash" }]], ["ok", "api", [{ scopeName: "a", scopeDescription: "" }]],
        ["ok", "api", [{ scopeName: "a", scopeDescription: "x" }, { scopeName: "a", scopeDescription: "y" }]],
        ["ok", "api", Array.from({ length: 101 }, (_, i) => ({ scopeName: `s${i}`, scopeDescription: "d" }))],
      ];
      for (const [identifier, name, scopes] of bad) expect((await create(identifier, scopes, name)).result?.$case, `${identifier} ${name}`).to.equal("invalidParameter");
      expect((await t.admin.createResourceServer({ userPoolId: "us-east-1_Missing1", identifier: "x", name: "x", scopes: [] }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      for (let i = 0; i < 23; i++) expect((await create(`limit-${String(i).padStart(2, "0")}`)).result?.$case).to.equal("success");
      expect((await create("limit-overflow")).result).to.deep.equal({ $case: "limitExceeded", value: { message: "The user pool has the maximum number of resource servers (25)." } });
      for (let i = 0; i < 23; i++) await t.admin.deleteResourceServer({ userPoolId: M2M_POOL, identifier: `limit-${String(i).padStart(2, "0")}` }, t.adminMetadata);
    });

    it("stops granting a scope as soon as its resource server loses it", async () => {
      await t.admin.updateResourceServer({ userPoolId: M2M_POOL, identifier: "https://orders", name: "orders", scopes: [{ scopeName: "read", scopeDescription: "r" }, { scopeName: "audit", scopeDescription: "a" }] }, t.adminMetadata);
      try {
        expect(decodeJwt(await accessToken(M2M.api)).scope).to.equal("https://orders/read");
        expect((await token(M2M.api, SECRET, ["https://orders/write"])).result?.$case).to.equal("scopeDoesNotExist");
      } finally {
        await t.admin.updateResourceServer({ userPoolId: M2M_POOL, identifier: "https://orders", name: "orders", scopes: [{ scopeName: "read", scopeDescription: "r" }, { scopeName: "write", scopeDescription: "w" }, { scopeName: "audit", scopeDescription: "a" }] }, t.adminMetadata);
      }
    });
  });

  describe("client OAuth settings", () => {
    const settings = (s: Partial<UserPoolClientSettings>) => UserPoolClientSettings.fromPartial(s);
    const createClient = (clientId: string, generateSecret: boolean, s: Partial<UserPoolClientSettings>) =>
      t.admin.createUserPoolClient({ userPoolId: M2M_POOL, clientName: clientId, clientId, generateSecret, settings: settings(s) }, t.adminMetadata);

    it("creates a machine client that gets tokens at once, and shows its settings", async () => {
      const created = await createClient("newmachine0000000000000000", true, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH], allowedOauthFlows: [OauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS], allowedOauthScopes: ["inventory/read"] });
      if (created.result?.$case !== "success") throw new Error(JSON.stringify(created.result));
      expect(created.result.value.settings).to.deep.include({ allowedOauthFlows: [OauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS], allowedOauthScopes: ["inventory/read"], explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH] });
      const got = await token("newmachine0000000000000000", created.result.value.clientSecret);
      expect(got.result?.$case === "success" && decodeJwt(got.result.value.accessToken).scope).to.equal("inventory/read");
    });

    it("refuses client_credentials or ALLOW_CLIENT_TOKEN_AUTH without a secret, unknown scopes, and ALLOW_CLIENT_TOKEN_AUTH with user flows", async () => {
      expect((await createClient("nosecret000000000000000000", false, { allowedOauthFlows: [OauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS] })).result).to.deep.equal({ $case: "invalidOauthFlow", value: { message: "client_credentials flow can not be selected if client does not have a client secret." } });
      expect((await createClient("nosecret000000000000000000", false, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH] })).result?.$case).to.equal("invalidOauthFlow");
      expect((await createClient("nosecret000000000000000000", true, { allowedOauthScopes: ["https://orders/delete"] })).result).to.deep.equal({ $case: "scopeDoesNotExist", value: { message: "Scope https://orders/delete does not exist." } });
      expect((await createClient("nosecret000000000000000000", true, { explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH, ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH] })).result?.$case).to.equal("invalidParameter");
      expect((await createClient("nosecret000000000000000000", true, { allowedOauthScopes: ["bad scope"] })).result?.$case).to.equal("invalidParameter");
      expect((await t.admin.describeUserPoolClient({ userPoolId: M2M_POOL, clientId: "nosecret000000000000000000" }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      const updated = await t.admin.updateUserPoolClient(UpdateUserPoolClientRequest.fromPartial({ userPoolId: M2M_POOL, clientId: M2M.publicUser, settings: settings({ allowedOauthFlows: [OauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS] }) }), t.adminMetadata);
      expect(updated.result?.$case).to.equal("invalidOauthFlow");
    });
  });

  describe("secret rotation", () => {
    it("adds a second secret, serves both, retires the first, and keeps the last", async () => {
      const listed = await t.admin.listUserPoolClientSecrets({ userPoolId: M2M_POOL, clientId: M2M.both }, t.adminMetadata);
      if (listed.result?.$case !== "success") throw new Error(JSON.stringify(listed.result));
      expect(listed.result.value.clientSecrets).to.have.length(1);
      const first = listed.result.value.clientSecrets[0]!;
      expect(first.clientSecretValue).to.equal("");

      const added = await t.admin.addUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.both, clientSecret: "" }, t.adminMetadata);
      if (added.result?.$case !== "success") throw new Error(JSON.stringify(added.result));
      const second = added.result.value;
      expect(second.clientSecretValue).to.match(/^[a-z0-9]{52}$/);
      for (const secret of [SECRET, second.clientSecretValue]) expect((await token(M2M.both, secret)).result?.$case).to.equal("success");
      expect((await t.admin.addUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.both, clientSecret: "" }, t.adminMetadata)).result?.$case).to.equal("limitExceeded");

      expect((await t.admin.deleteUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.both, clientSecretId: first.clientSecretId }, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await token(M2M.both, SECRET)).result?.$case).to.equal("notAuthorized");
      expect((await token(M2M.both, second.clientSecretValue)).result?.$case).to.equal("success");
      const described = await t.admin.describeUserPoolClient({ userPoolId: M2M_POOL, clientId: M2M.both }, t.adminMetadata);
      expect(described.result?.$case === "success" && described.result.value.clientSecret).to.equal(second.clientSecretValue);
      expect((await t.admin.deleteUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.both, clientSecretId: second.clientSecretId }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
      expect((await t.admin.deleteUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.both, clientSecretId: first.clientSecretId }, t.adminMetadata)).result?.$case).to.equal("resourceNotFound");
      expect(t.log.lines.join("\n")).to.not.include(second.clientSecretValue);
    });

    it("takes a secret of the caller's choosing, shows no value back, and refuses malformed ones", async () => {
      const chosen = "Chosen_secret_0123456789abc";
      const added = await t.admin.addUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.api, clientSecret: chosen }, t.adminMetadata);
      expect(added.result?.$case === "success" && added.result.value.clientSecretValue).to.equal("");
      expect((await token(M2M.api, chosen)).result?.$case).to.equal("success");
      for (const bad of ["short", "has space but long enough!!", "x".repeat(65)]) {
        expect((await t.admin.addUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.oauth, clientSecret: bad }, t.adminMetadata)).result?.$case, bad).to.equal("invalidParameter");
      }
      expect((await t.admin.addUserPoolClientSecret({ userPoolId: M2M_POOL, clientId: M2M.publicUser, clientSecret: "" }, t.adminMetadata)).result?.$case).to.equal("invalidParameter");
    });
  });

  describe("PreTokenGeneration (TokenGeneration_ClientCredentials)", () => {
    it("sends Cognito's version 3 event and applies claim and scope edits, protected claims untouched", async () => {
      const claims = decodeJwt(await accessToken(M2M.api, [], { tenant: "acme" }));
      const [event] = recordedEvents("TokenGeneration_ClientCredentials");
      expect(event).to.deep.include({ version: "3", userPoolId: M2M_POOL, userName: M2M.api, callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: M2M.api } });
      expect(event!.request).to.deep.equal({ userAttributes: {}, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null }, scopes: ["https://orders/read", "https://orders/write"], clientMetadata: { tenant: "acme" } });
      expect(claims).to.include({ tenant: "acme", tier: 3, sub: M2M.api, client_id: M2M.api, token_use: "access", scope: "https://orders/read https://orders/audit", version: 2 });
      expect(claims.auth_time).to.equal(claims.iat);
    });

    it("maps a hook's error to user_lambda_validation and issues nothing", async () => {
      expect((await token(M2M.api, SECRET, [], { fail: "yes" })).result).to.deep.equal({ $case: "userLambdaValidation", value: { message: "PreTokenGeneration failed with error tenant is suspended." } });
    });
  });

  it("keeps pools apart: a client of another pool gets its own pool's issuer and scopes", async () => {
    const got = await token(M2M.other, SECRET);
    if (got.result?.$case !== "success") throw new Error(JSON.stringify(got.result));
    expect(decodeJwt(got.result.value.accessToken)).to.include({ iss: `http://localhost:9999/${OTHER_POOL}`, scope: "https://orders/read" });
  });
});

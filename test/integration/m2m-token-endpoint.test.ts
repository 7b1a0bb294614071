// POST /{poolId}/oauth2/token over real HTTP (RFC 6749 §4.4, §6, §5.2; Cognito's token endpoint):
// both ways of authenticating a client, the JSON answers and every error code.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { AuthFlow, MessageAction } from "../../src/gen/identity/v1/common.js";
import { M2M, M2M_POOL, OTHER_POOL, SECRET, USER_PASSWORD, m2mConfig, verifiedClaims } from "../helpers/m2m.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { secretHash } from "../../src/crypto/secret-hash.js";

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

describe("machine-to-machine: the token endpoint (HTTP + Redis)", () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await startTestApp({ config: m2mConfig() });
    base = `http://127.0.0.1:${t.app.httpPort}`;
  });
  after(() => t.stop());

  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

  async function post(form: Record<string, string> | string, headers: Record<string, string> = {}, poolId = M2M_POOL): Promise<Answer> {
    const body = typeof form === "string" ? form : new URLSearchParams(form).toString();
    const response = await fetch(`${base}/${poolId}/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  function expectError(answer: Answer, status: number, error: string) {
    expect({ status: answer.status, error: answer.body.error }).to.deep.equal({ status, error });
    expect(answer.body.error_description).to.be.a("string");
    expect(answer.headers.get("cache-control")).to.equal("no-store");
    if (error === "invalid_client") expect(answer.headers.get("www-authenticate")).to.match(/^Basic realm=/);
  }

  describe("grant_type=client_credentials", () => {
    it("issues a token to a client authenticated with HTTP Basic", async () => {
      const answer = await post({ grant_type: "client_credentials", scope: "https://orders/read" }, { authorization: basic(M2M.oauth, SECRET) });
      expect(answer.status).to.equal(200);
      expect(answer.headers.get("content-type")).to.match(/^application\/json/);
      expect(answer.headers.get("cache-control")).to.equal("no-store");
      expect(answer.headers.get("pragma")).to.equal("no-cache");
      expect(answer.body).to.have.keys("access_token", "expires_in", "token_type");
      expect(answer.body).to.include({ token_type: "Bearer", expires_in: 900 });
      const claims = await verifiedClaims(t, M2M_POOL, answer.body.access_token as string);
      expect(claims).to.include({ sub: M2M.oauth, client_id: M2M.oauth, token_use: "access", scope: "https://orders/read" });
    });

    it("issues a token to a client authenticated with form fields, every allowed scope by default", async () => {
      const answer = await post({ grant_type: "client_credentials", client_id: M2M.both, client_secret: SECRET });
      expect(answer.status).to.equal(200);
      expect(decodeJwt(answer.body.access_token as string).scope).to.equal("https://orders/read https://orders/write");
    });

    it("accepts both ways at once when they agree, and refuses them when they differ", async () => {
      expect((await post({ grant_type: "client_credentials", client_id: M2M.both, client_secret: SECRET }, { authorization: basic(M2M.both, SECRET) })).status).to.equal(200);
      expectError(await post({ grant_type: "client_credentials", client_id: M2M.oauth }, { authorization: basic(M2M.both, SECRET) }), 401, "invalid_client");
      expectError(await post({ grant_type: "client_credentials", client_id: M2M.both, client_secret: "other" }, { authorization: basic(M2M.both, SECRET) }), 401, "invalid_client");
    });

    it("answers a wrong secret, an unknown client, a client of another pool and no credentials with invalid_client", async () => {
      const wrong = await post({ grant_type: "client_credentials" }, { authorization: basic(M2M.oauth, "wrong") });
      expectError(wrong, 401, "invalid_client");
      const unknown = await post({ grant_type: "client_credentials" }, { authorization: basic("unknownclient0000000000000", SECRET) });
      const otherPool = await post({ grant_type: "client_credentials" }, { authorization: basic(M2M.other, SECRET) });
      for (const answer of [unknown, otherPool]) expect({ status: answer.status, body: answer.body }).to.deep.equal({ status: wrong.status, body: wrong.body });
      expectError(await post({ grant_type: "client_credentials" }), 401, "invalid_client");
      expectError(await post({ grant_type: "client_credentials" }, { authorization: "Bearer abc" }), 401, "invalid_client");
      expectError(await post({ grant_type: "client_credentials" }, { authorization: "Basic bm9jb2xvbg==" }), 401, "invalid_client");
      expect((await post({ grant_type: "client_credentials" }, { authorization: basic(M2M.other, SECRET) }, OTHER_POOL)).status).to.equal(200);
    });

    it("answers unauthorized_client to a client without the client_credentials OAuth flow", async () => {
      expectError(await post({ grant_type: "client_credentials" }, { authorization: basic(M2M.api, SECRET) }), 400, "unauthorized_client");
    });

    it("answers invalid_scope to a scope the client may not have", async () => {
      expectError(await post({ grant_type: "client_credentials", scope: "inventory/read" }, { authorization: basic(M2M.oauth, SECRET) }), 400, "invalid_scope");
      expectError(await post({ grant_type: "client_credentials", scope: "https://orders/read nope/nope" }, { authorization: basic(M2M.oauth, SECRET) }), 400, "invalid_scope");
    });
  });

  describe("grant_type=refresh_token", () => {
    async function signedIn(clientId: string, secret: string | undefined, username: string): Promise<string> {
      const create = { userPoolId: M2M_POOL, username, userAttributes: [], validationData: [], temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} };
      expect((await t.admin.adminCreateUser(create, t.adminMetadata)).result?.$case).to.equal("success");
      expect((await t.admin.adminSetUserPassword({ userPoolId: M2M_POOL, username, password: USER_PASSWORD, permanent: true }, t.adminMetadata)).result?.$case).to.equal("success");
      const parameters: Record<string, string> = { USERNAME: username, PASSWORD: USER_PASSWORD, ...(secret ? { SECRET_HASH: secretHash(secret, username, clientId) } : {}) };
      const auth = await t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: parameters, clientMetadata: {} });
      if (auth.result?.$case !== "authenticationResult") throw new Error(JSON.stringify(auth.result));
      return auth.result.value.refreshToken;
    }

    it("refreshes a confidential client's sign-in: new id and access tokens, no SECRET_HASH needed", async () => {
      const refreshToken = await signedIn(M2M.user, SECRET, "refresher");
      const answer = await post({ grant_type: "refresh_token", refresh_token: refreshToken }, { authorization: basic(M2M.user, SECRET) });
      expect(answer.status).to.equal(200);
      expect(answer.body).to.have.keys("access_token", "id_token", "expires_in", "token_type");
      expect(decodeJwt(answer.body.access_token as string)).to.include({ username: "refresher", client_id: M2M.user, token_use: "access" });
      expect(decodeJwt(answer.body.id_token as string)).to.include({ "cognito:username": "refresher", aud: M2M.user });
    });

    it("refreshes a public client's sign-in with its client_id alone", async () => {
      const refreshToken = await signedIn(M2M.publicUser, undefined, "public-refresher");
      const answer = await post({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: M2M.publicUser });
      expect(answer.status).to.equal(200);
    });

    it("answers invalid_grant to an unknown or another client's refresh token, invalid_client to a wrong secret, unauthorized_client to a machine client", async () => {
      const refreshToken = await signedIn(M2M.user, SECRET, "refresher-2");
      expectError(await post({ grant_type: "refresh_token", refresh_token: "not-a-refresh-token" }, { authorization: basic(M2M.user, SECRET) }), 400, "invalid_grant");
      expectError(await post({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: M2M.publicUser }), 400, "invalid_grant");
      expectError(await post({ grant_type: "refresh_token", refresh_token: refreshToken }, { authorization: basic(M2M.user, "wrong") }), 401, "invalid_client");
      expectError(await post({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: M2M.user }), 401, "invalid_client");
      expectError(await post({ grant_type: "refresh_token", refresh_token: refreshToken }, { authorization: basic(M2M.api, SECRET) }), 400, "unauthorized_client");
      expectError(await post({ grant_type: "refresh_token" }, { authorization: basic(M2M.user, SECRET) }), 400, "invalid_request");
    });
  });

  describe("malformed requests", () => {
    const auth = () => ({ authorization: basic(M2M.oauth, SECRET) });

    it("answers invalid_request without grant_type, with a repeated parameter, or with another content type", async () => {
      expectError(await post({}, auth()), 400, "invalid_request");
      expectError(await post("grant_type=client_credentials&scope=a&scope=b", auth()), 400, "invalid_request");
      const json = await fetch(`${base}/${M2M_POOL}/oauth2/token`, { method: "POST", headers: { "content-type": "application/json", ...auth() }, body: JSON.stringify({ grant_type: "client_credentials" }) });
      expect(json.status).to.equal(400);
      expect(((await json.json()) as { error: string }).error).to.equal("invalid_request");
      expectError(await post(`grant_type=client_credentials&pad=${"x".repeat(20_000)}`, auth()), 400, "invalid_request");
    });

    it("answers unsupported_grant_type to other grants", async () => {
      for (const grant of ["password", "authorization_code", "urn:ietf:params:oauth:grant-type:jwt-bearer"]) expectError(await post({ grant_type: grant }, auth()), 400, "unsupported_grant_type");
    });

    it("answers 405 to GET and 404 to an unknown pool", async () => {
      const get = await fetch(`${base}/${M2M_POOL}/oauth2/token`);
      expect(get.status).to.equal(405);
      expect(get.headers.get("allow")).to.equal("POST");
      expect((await post({ grant_type: "client_credentials" }, auth(), "us-east-1_Missing1")).status).to.equal(404);
    });
  });

  it("is advertised by discovery", async () => {
    const discovery = (await (await fetch(`${base}/${M2M_POOL}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).to.deep.include({
      token_endpoint: `http://localhost:9999/${M2M_POOL}/oauth2/token`,
      grant_types_supported: ["client_credentials", "refresh_token"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
  });
});

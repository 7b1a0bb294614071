// A standard OAuth 2.0 / OpenID client library (openid-client, on oauth4webapi) against the live
// server, unchanged: discovery finds the token endpoint, and the client-credentials grant works with
// either client authentication method the discovery document advertises.
import { expect } from "chai";
import * as oidc from "openid-client";
import { M2M, M2M_POOL, SECRET, m2mConfig, verifiedClaims } from "../helpers/m2m.js";
import { freePort } from "../helpers/redis-server.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

describe("machine-to-machine: a standard OAuth2 client library (openid-client)", () => {
  let t: TestApp;
  let issuer: URL;
  before(async () => {
    // The issuer must be where the library can fetch discovery from: the HTTP listener itself.
    const port = await freePort();
    t = await startTestApp({ config: m2mConfig(), overrides: { http: { host: "127.0.0.1", port }, issuerBaseUrl: `http://127.0.0.1:${port}` } });
    issuer = new URL(`http://127.0.0.1:${port}/${M2M_POOL}`);
  });
  after(() => t.stop());

  const discover = (auth: oidc.ClientAuth) => oidc.discovery(issuer, M2M.oauth, undefined, auth, { execute: [oidc.allowInsecureRequests] });

  for (const [method, auth] of [["client_secret_basic", () => oidc.ClientSecretBasic(SECRET)], ["client_secret_post", () => oidc.ClientSecretPost(SECRET)]] as const) {
    it(`gets a token with ${method}`, async () => {
      const config = await discover(auth());
      expect(config.serverMetadata().token_endpoint).to.equal(`${issuer.href}/oauth2/token`);
      const tokens = await oidc.clientCredentialsGrant(config, { scope: "https://orders/read" });
      expect(tokens.token_type.toLowerCase()).to.equal("bearer");
      expect(tokens.expiresIn()).to.be.within(899, 900);
      const claims = await verifiedClaims(t, M2M_POOL, tokens.access_token);
      expect(claims).to.include({ client_id: M2M.oauth, scope: "https://orders/read", iss: issuer.href });
    });
  }

  it("surfaces the server's RFC 6749 errors as the library's typed errors", async () => {
    const wrong = await oidc.discovery(issuer, M2M.oauth, undefined, oidc.ClientSecretBasic("wrong"), { execute: [oidc.allowInsecureRequests] });
    const refused = await oidc.clientCredentialsGrant(wrong).then(() => undefined, (error: unknown) => error);
    // invalid_client comes with 401 and a WWW-Authenticate challenge (RFC 6749 §5.2), which the library reports as such.
    expect(refused).to.be.instanceOf(oidc.WWWAuthenticateChallengeError);
    expect((refused as oidc.WWWAuthenticateChallengeError).status).to.equal(401);
    expect((refused as oidc.WWWAuthenticateChallengeError).cause[0]?.scheme).to.equal("basic");
    const scope = await oidc.clientCredentialsGrant(await discover(oidc.ClientSecretBasic(SECRET)), { scope: "inventory/read" }).then(() => undefined, (error: unknown) => error);
    expect((scope as oidc.ResponseBodyError).error).to.equal("invalid_scope");
  });
});

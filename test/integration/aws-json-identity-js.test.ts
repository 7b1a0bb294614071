import { expect } from "chai";
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { startAwsJsonApp, type AwsJsonApp } from "../helpers/aws-json.js";
import { CLIENT_SECRET, CLIENTS, POOL } from "../helpers/test-app.js";
import { PASSWORD } from "../helpers/user-states.js";

type Cognito = typeof import("amazon-cognito-identity-js");
const cognito = createRequire(import.meta.url)("amazon-cognito-identity-js") as Cognito;
type Params = Record<string, unknown> & { AuthParameters?: Record<string, string>; ChallengeResponses?: Record<string, string> };

/**
 * amazon-cognito-identity-js, with its own HTTP client pointed at the AWS JSON endpoint: USER_SRP_AUTH
 * end to end (the library computes A, the HKDF and the signature; the server checks them). For a
 * client with a secret, SECRET_HASH is added to each request the library sends (it never computes
 * one), and the request still leaves through the library's own transport.
 */
describe("AWS JSON endpoint: amazon-cognito-identity-js SRP sign-in", () => {
  let s: AwsJsonApp;
  before(async () => {
    s = await startAwsJsonApp();
    for (const username of ["srp-http", "srp-http-secret"]) {
      await s.t.admin.adminCreateUser({ userPoolId: POOL, username, userAttributes: [], validationData: [], temporaryPassword: "", forceAliasCreation: false, messageAction: 2, desiredDeliveryMediums: [], clientMetadata: {} }, s.t.adminMetadata);
      await s.t.admin.adminSetUserPassword({ userPoolId: POOL, username, password: PASSWORD, permanent: true }, s.t.adminMetadata);
    }
  });
  after(() => s.t.stop());

  function signIn(clientId: string, username: string, password: string, secret?: string) {
    const pool = new cognito.CognitoUserPool({ UserPoolId: POOL, ClientId: clientId, endpoint: s.endpoint });
    const client = (pool as unknown as { client: { request: (op: string, params: Params, cb: unknown) => void } }).client;
    const operations: string[] = [];
    const send = client.request.bind(client);
    client.request = (operation, params, callback) => {
      operations.push(operation);
      send(operation, secret ? withSecretHash(params, clientId, secret) : params, callback);
    };
    const user = new cognito.CognitoUser({ Username: username, Pool: pool });
    return new Promise<{ ok: true; idToken: string } | { ok: false; code: string; message: string }>((resolve) => {
      user.authenticateUser(new cognito.AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: (session) => resolve({ ok: true, idToken: session.getIdToken().getJwtToken() }),
        onFailure: (err: { code?: string; name?: string; message?: string }) => resolve({ ok: false, code: err.code ?? err.name ?? String(err), message: err.message ?? "" }),
      });
    }).then((result) => ({ result, operations }));
  }

  it("signs in with USER_SRP_AUTH over HTTP (InitiateAuth, then RespondToAuthChallenge PASSWORD_VERIFIER)", async () => {
    const { result, operations } = await signIn(CLIENTS.enabled, "srp-http", PASSWORD);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    expect(operations).to.deep.equal(["InitiateAuth", "RespondToAuthChallenge"]);
    const claims = JSON.parse(Buffer.from((result as { idToken: string }).idToken.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims["cognito:username"]).to.equal("srp-http");
    expect(claims.aud).to.equal(CLIENTS.enabled);
  });

  it("signs in through a client with a secret when SECRET_HASH accompanies each step, and is refused without it", async () => {
    const { result } = await signIn(CLIENTS.secret, "srp-http-secret", PASSWORD, CLIENT_SECRET);
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    const refused = (await signIn(CLIENTS.secret, "srp-http-secret", PASSWORD)).result;
    expect(refused).to.deep.equal({ ok: false, code: "NotAuthorizedException", message: `Unable to verify secret hash for client ${CLIENTS.secret}` });
  });

  it("gets the same answer for a wrong password as for an unknown user", async () => {
    const wrong = (await signIn(CLIENTS.enabled, "srp-http", "Wrong-Password-9")).result;
    const unknown = (await signIn(CLIENTS.enabled, "srp-nobody-here", "Wrong-Password-9")).result;
    expect(wrong).to.deep.equal({ ok: false, code: "NotAuthorizedException", message: "Incorrect username or password." });
    expect(unknown).to.deep.equal(wrong);
  });
});

/** SECRET_HASH = Base64(HMAC-SHA256(secret, USERNAME + clientId)) over each map's own USERNAME. */
function withSecretHash(params: Params, clientId: string, secret: string): Params {
  const hash = (map: Record<string, string>) => ({ ...map, SECRET_HASH: createHmac("sha256", secret).update(`${map.USERNAME ?? ""}${clientId}`).digest("base64") });
  return {
    ...params,
    ...(params.AuthParameters ? { AuthParameters: hash(params.AuthParameters) } : {}),
    ...(params.ChallengeResponses ? { ChallengeResponses: hash(params.ChallengeResponses) } : {}),
  };
}

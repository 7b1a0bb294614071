// The token verifier and the grpc-js interceptor with tokens from the live server: its JWKS at
// IDP_ISSUER/.well-known/jwks.json, a user's access token from USER_PASSWORD_AUTH (the scope every
// user access token carries: aws.cognito.signin.user.admin). Env from scripts/sdk/with-server.sh.
import * as grpc from "@grpc/grpc-js";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  AuthFlow,
  claimsOf,
  createAdminClient,
  createAuthClient,
  createAuthInterceptor,
  MessageAction,
  tlsCredentials,
  TokenVerificationError,
  TokenVerifier,
  type TokenCheck,
} from "../../src/index.js";

const { IDP_GRPC_ADDR, IDP_CLIENT_ID, IDP_POOL_ID, IDP_ISSUER, IDP_ADMIN_TOKEN } = process.env;
const skip = IDP_GRPC_ADDR ? false : "IDP_GRPC_ADDR is not set: no live server";
const USER_SCOPE = "aws.cognito.signin.user.admin";

async function rejects(promise: Promise<unknown>, check: TokenCheck): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof TokenVerificationError && error.check === check);
}

/** A confirmed user (AdminCreateUser + permanent AdminSetUserPassword) signed in with USER_PASSWORD_AUTH. */
export async function userTokens(): Promise<{ accessToken: string; idToken: string; username: string }> {
  if (!IDP_POOL_ID || !IDP_CLIENT_ID || !IDP_ADMIN_TOKEN) throw new Error("IDP_POOL_ID, IDP_CLIENT_ID and IDP_ADMIN_TOKEN are required");
  // Over mTLS when the server runs with SDK_TLS=1 (scripts/sdk/with-server.sh), plaintext otherwise.
  const { IDP_TLS_CA_FILE: caFile, IDP_TLS_CERT_FILE: certFile, IDP_TLS_KEY_FILE: keyFile } = process.env;
  const transport = caFile ? { credentials: tlsCredentials({ caFile, ...(certFile && keyFile ? { certFile, keyFile } : {}) }) } : {};
  const admin = createAdminClient(IDP_GRPC_ADDR!, { metadata: { authorization: `Bearer ${IDP_ADMIN_TOKEN}` }, ...transport });
  const auth = createAuthClient(IDP_GRPC_ADDR!, transport);
  try {
    const username = `ts-verify-${randomBytes(6).toString("hex")}`;
    const password = `Passw0rd!${randomBytes(6).toString("hex")}`;
    const created = await admin.adminCreateUser({ userPoolId: IDP_POOL_ID, username, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS });
    assert.equal(created.$case, "success", JSON.stringify(created));
    const set = await admin.adminSetUserPassword({ userPoolId: IDP_POOL_ID, username, password, permanent: true });
    assert.equal(set.$case, "success", JSON.stringify(set));
    const signedIn = await auth.initiateAuth({ clientId: IDP_CLIENT_ID, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password } });
    assert.equal(signedIn.$case, "authenticationResult", JSON.stringify(signedIn));
    if (signedIn.$case !== "authenticationResult") throw new Error("no tokens");
    return { accessToken: signedIn.value.accessToken, idToken: signedIn.value.idToken, username };
  } finally {
    admin.close();
    auth.close();
  }
}

describe("token verifier against the live server's JWKS", { skip }, () => {
  let tokens: Awaited<ReturnType<typeof userTokens>>;
  let verifier: TokenVerifier;
  before(async () => {
    tokens = await userTokens();
    verifier = new TokenVerifier({ issuer: IDP_ISSUER!, clientIds: [IDP_CLIENT_ID!] });
  });

  test("a user access token verifies (issuer, default JWKS path, client id, scope)", async () => {
    const claims = await verifier.verify(tokens.accessToken, { scopes: [USER_SCOPE] });
    assert.equal(claims.clientId, IDP_CLIENT_ID);
    assert.equal(claims.payload.username, tokens.username);
    assert.ok(claims.scopes.includes(USER_SCOPE));
  });

  test("typed failures: missing scope, id token, tampered, other client; one JWKS fetch in all", async () => {
    await rejects(verifier.verify(tokens.accessToken, { scopes: ["orders/read"] }), "scope");
    await rejects(verifier.verify(tokens.idToken), "token_use");
    const [h, p] = tokens.accessToken.split(".");
    await rejects(verifier.verify(`${h}.${p}.${randomBytes(256).toString("base64url")}`), "signature");
    await rejects(new TokenVerifier({ issuer: IDP_ISSUER!, clientIds: ["someotherclient00000000001"] }).verify(tokens.accessToken), "client_id");
    assert.equal(verifier.jwks.fetches, 1);
  });

  test("an id-token verifier accepts the id token (aud is the client)", async () => {
    const idVerifier = new TokenVerifier({ issuer: IDP_ISSUER!, clientIds: [IDP_CLIENT_ID!], tokenUse: "id" });
    assert.equal((await idVerifier.verify(tokens.idToken)).payload["cognito:username"], tokens.username);
  });

  describe("grpc-js interceptor with live tokens", () => {
    let server: grpc.Server;
    let client: grpc.Client & Record<string, Function>;
    const json = {
      requestSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
      responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
    };
    const service = {
      profile: { path: "/profile.v1.Profiles/Get", requestStream: false, responseStream: false, ...json },
      orders: { path: "/orders.v1.Orders/Get", requestStream: false, responseStream: false, ...json },
    } satisfies grpc.ServiceDefinition;

    before(async () => {
      server = new grpc.Server({
        interceptors: [createAuthInterceptor({ verifier, methods: { "/profile.v1.Profiles/Get": { scopes: [USER_SCOPE] }, "/orders.v1.Orders/Get": { scopes: ["orders/read"] } } })],
      });
      const handler = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => callback(null, { username: claimsOf(call)?.payload.username });
      server.addService(service, { profile: handler, orders: handler });
      const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
      client = new (grpc.makeGenericClientConstructor(service, "S"))(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as grpc.Client & Record<string, Function>;
    });
    after(async () => {
      client?.close();
      await new Promise<void>((resolve) => (server ? server.tryShutdown(() => resolve()) : resolve()));
    });

    const call = (method: string, token?: string) =>
      new Promise<{ error: grpc.ServiceError | null; value: unknown }>((resolve) => {
        const metadata = new grpc.Metadata();
        if (token) metadata.set("authorization", `Bearer ${token}`);
        client[method]!({}, metadata, (error: grpc.ServiceError | null, value: unknown) => resolve({ error, value }));
      });

    test("allowed scope → OK with claims; missing scope → PERMISSION_DENIED; none/tampered → UNAUTHENTICATED", async () => {
      const ok = await call("profile", tokens.accessToken);
      assert.equal(ok.error, null);
      assert.deepEqual(ok.value, { username: tokens.username });
      assert.equal((await call("orders", tokens.accessToken)).error?.code, grpc.status.PERMISSION_DENIED);
      assert.equal((await call("profile")).error?.code, grpc.status.UNAUTHENTICATED);
      assert.equal((await call("profile", `${tokens.accessToken.slice(0, -4)}AAAA`)).error?.code, grpc.status.UNAUTHENTICATED);
    });
  });
});

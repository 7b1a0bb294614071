// The caller's side against the live server: client-credentials tokens from POST /{pool}/oauth2/token
// and from GetClientToken, cached by TokenSource, verified by TokenVerifier with the live JWKS, sent
// as grpc-js call credentials to a service behind the interceptor. Env from scripts/sdk/with-server.sh.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  ClientTokenError,
  createAdminClient,
  createAuthClient,
  createAuthInterceptor,
  ExplicitAuthFlow,
  getClientTokenFetcher,
  grpc,
  OauthFlow,
  TokenEndpointError,
  tokenEndpointFetcher,
  TokenSource,
  TokenVerificationError,
  TokenVerifier,
  type AuthClient,
  tlsCredentials,
} from "../../src/index.js";

const { IDP_GRPC_ADDR, IDP_POOL_ID, IDP_ISSUER, IDP_ADMIN_TOKEN } = process.env;
const skip = IDP_GRPC_ADDR ? false : "IDP_GRPC_ADDR is not set: no live server";
// Over mTLS when the server runs with SDK_TLS=1 (scripts/sdk/with-server.sh), plaintext otherwise.
const { IDP_TLS_CA_FILE: caFile, IDP_TLS_CERT_FILE: certFile, IDP_TLS_KEY_FILE: keyFile } = process.env;
const transport = caFile ? { credentials: tlsCredentials({ caFile, ...(certFile && keyFile ? { certFile, keyFile } : {}) }) } : {};

describe("client credentials against the live server", { skip }, () => {
  const api = `ts-e2e-${randomBytes(4).toString("hex")}`; // a resource server of our own in the shared pool
  const tokenEndpoint = `${IDP_ISSUER}/oauth2/token`;
  let clientId = "";
  let clientSecret = "";
  let auth: AuthClient;
  let verifier: TokenVerifier;

  before(async () => {
    const admin = createAdminClient(IDP_GRPC_ADDR!, { metadata: { authorization: `Bearer ${IDP_ADMIN_TOKEN}` }, ...transport });
    try {
      const server = await admin.createResourceServer({
        userPoolId: IDP_POOL_ID!,
        identifier: api,
        name: api,
        scopes: [
          { scopeName: "read", scopeDescription: "read" },
          { scopeName: "write", scopeDescription: "write" },
        ],
      });
      assert.equal(server.$case, "success", JSON.stringify(server));
      const client = await admin.createUserPoolClient({
        userPoolId: IDP_POOL_ID!,
        clientName: "ts-e2e-service",
        generateSecret: true,
        settings: {
          explicitAuthFlows: [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH],
          allowedOauthFlows: [OauthFlow.OAUTH_FLOW_CLIENT_CREDENTIALS],
          allowedOauthScopes: [`${api}/read`],
        },
      });
      assert.equal(client.$case, "success", JSON.stringify(client));
      if (client.$case !== "success") return;
      clientId = client.value.clientId;
      clientSecret = client.value.clientSecret;
    } finally {
      admin.close();
    }
    auth = createAuthClient(IDP_GRPC_ADDR!, transport);
    verifier = new TokenVerifier({ issuer: IDP_ISSUER!, clientIds: [clientId] });
  });
  after(() => auth?.close());

  test("token endpoint → TokenSource → verified: sub and client_id are the client, scope granted", async () => {
    const source = new TokenSource({ fetchToken: tokenEndpointFetcher({ tokenEndpoint, clientId, clientSecret, scopes: [`${api}/read`] }) });
    const claims = await verifier.verify(await source.token(), { scopes: [`${api}/read`] });
    assert.equal(claims.sub, clientId);
    assert.equal(claims.clientId, clientId);
    assert.deepEqual(claims.scopes, [`${api}/read`]);
    await assert.rejects(verifier.verify(await source.token(), { scopes: [`${api}/write`] }), (e: unknown) => e instanceof TokenVerificationError && e.check === "scope");
  });

  test("GetClientToken → TokenSource → verified; one fetch for 25 concurrent callers", async () => {
    const source = new TokenSource({ fetchToken: getClientTokenFetcher(auth, { clientId, clientSecret }) });
    const tokens = await Promise.all(Array.from({ length: 25 }, () => source.token()));
    assert.equal(new Set(tokens).size, 1);
    assert.equal(source.fetches, 1);
    assert.deepEqual((await verifier.verify(tokens[0]!)).scopes, [`${api}/read`]);
  });

  test("wrong secret: invalid_client (401) at the token endpoint, not_authorized from GetClientToken", async () => {
    await assert.rejects(tokenEndpointFetcher({ tokenEndpoint, clientId, clientSecret: `${clientSecret}x` })(), (e: unknown) => e instanceof TokenEndpointError && e.error === "invalid_client" && e.status === 401);
    await assert.rejects(getClientTokenFetcher(auth, { clientId, clientSecret: `${clientSecret}x` })(), (e: unknown) => e instanceof ClientTokenError && e.arm === "notAuthorized");
  });

  test("a scope the client is not allowed: invalid_scope", async () => {
    await assert.rejects(tokenEndpointFetcher({ tokenEndpoint, clientId, clientSecret, scopes: [`${api}/write`] })(), (e: unknown) => e instanceof TokenEndpointError && e.error === "invalid_scope");
  });

  test("call credentials to a grpc-js service behind the interceptor: allowed → OK, other scope → PERMISSION_DENIED", async () => {
    const json = {
      requestSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      requestDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
      responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
      responseDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
    };
    const service = {
      read: { path: `/svc.v1.Svc/Read`, requestStream: false, responseStream: false, ...json },
      write: { path: `/svc.v1.Svc/Write`, requestStream: false, responseStream: false, ...json },
    } satisfies grpc.ServiceDefinition;
    const server = new grpc.Server({ interceptors: [createAuthInterceptor({ verifier, methods: { "/svc.v1.Svc/Read": { scopes: [`${api}/read`] }, "/svc.v1.Svc/Write": { scopes: [`${api}/write`] } } })] });
    const ok = (_call: unknown, done: grpc.sendUnaryData<unknown>) => done(null, { ok: true });
    server.addService(service, { read: ok, write: ok });
    const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
    const client = new (grpc.makeGenericClientConstructor(service, "Svc"))(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as grpc.Client & Record<string, Function>;
    const source = new TokenSource({ fetchToken: tokenEndpointFetcher({ tokenEndpoint, clientId, clientSecret }) });
    const call = (method: string) =>
      new Promise<grpc.ServiceError | null>((resolve) => client[method]!({}, new grpc.Metadata(), { credentials: source.callCredentials() }, (error: grpc.ServiceError | null) => resolve(error)));
    try {
      assert.equal(await call("read"), null);
      assert.equal((await call("write"))?.code, grpc.status.PERMISSION_DENIED);
    } finally {
      client.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    }
  });
});

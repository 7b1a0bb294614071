// The grpc-js interceptor and call credentials against a real grpc-js server on a free port: a small
// JSON-coded service (unary, server-streaming and a public method) behind createAuthInterceptor.
import * as grpc from "@grpc/grpc-js";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { claimsOf, createAuthInterceptor, TokenSource, TokenVerifier } from "../../src/index.js";
import { accessToken, CLIENT_ID, ISSUER, JwksServer, signingKey, tamperSignature, type SigningKey } from "./auth-fixtures.js";

const json = {
  requestSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
  requestDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
  responseSerialize: (v: unknown) => Buffer.from(JSON.stringify(v)),
  responseDeserialize: (b: Buffer) => JSON.parse(b.toString()) as unknown,
};
const service = {
  get: { path: "/orders.v1.Orders/Get", requestStream: false, responseStream: false, ...json },
  watch: { path: "/orders.v1.Orders/Watch", requestStream: false, responseStream: true, ...json },
  ping: { path: "/orders.v1.Orders/Ping", requestStream: false, responseStream: false, ...json },
  drop: { path: "/orders.v1.Orders/Drop", requestStream: false, responseStream: false, ...json },
  upload: { path: "/orders.v1.Orders/Upload", requestStream: true, responseStream: false, ...json },
  chat: { path: "/orders.v1.Orders/Chat", requestStream: true, responseStream: true, ...json },
} satisfies grpc.ServiceDefinition;

describe("createAuthInterceptor (grpc-js server)", () => {
  let jwks: JwksServer;
  let key: SigningKey;
  let server: grpc.Server;
  let client: grpc.Client & Record<string, Function>;

  before(async () => {
    key = await signingKey();
    jwks = await new JwksServer().start();
    jwks.keys = [key];
    const verifier = new TokenVerifier({ issuer: ISSUER, jwksUri: jwks.url, clientIds: [CLIENT_ID] });
    server = new grpc.Server({
      interceptors: [
        createAuthInterceptor({
          verifier,
          methods: {
            "/orders.v1.Orders/Get": { scopes: ["orders/read"] },
            "/orders.v1.Orders/Watch": { scopes: ["orders/read"] },
            "/orders.v1.Orders/Ping": "public",
            "/orders.v1.Orders/Upload": { scopes: ["orders/write"] },
            "/orders.v1.Orders/Chat": { scopes: ["orders/read"] },
          },
        }),
      ],
    });
    const reply = (call: grpc.ServerUnaryCall<unknown, unknown>) => ({ sub: claimsOf(call)?.sub ?? null, scopes: claimsOf(call)?.scopes ?? null });
    server.addService(service, {
      get: (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => callback(null, reply(call)),
      watch: (call: grpc.ServerWritableStream<unknown, unknown>) => {
        call.write(reply(call));
        call.write(reply(call));
        call.end();
      },
      ping: (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => callback(null, reply(call)),
      drop: (_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => callback(null, { dropped: true }),
      upload: (call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        let count = 0;
        call.on("data", () => count++);
        call.on("end", () => callback(null, { count, sub: claimsOf(call)?.sub ?? null }));
      },
      chat: (call: grpc.ServerDuplexStream<unknown, unknown>) => {
        call.on("data", () => call.write(reply(call as unknown as grpc.ServerUnaryCall<unknown, unknown>)));
        call.on("end", () => call.end());
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
    );
    const Client = grpc.makeGenericClientConstructor(service, "Orders");
    client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as grpc.Client & Record<string, Function>;
  });
  after(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    await jwks.stop();
  });

  const bearer = (token: string) => {
    const metadata = new grpc.Metadata();
    metadata.set("authorization", `Bearer ${token}`);
    return metadata;
  };
  const unary = (method: string, metadata = new grpc.Metadata(), options: grpc.CallOptions = {}) =>
    new Promise<{ error: grpc.ServiceError | null; value: unknown }>((resolve) =>
      client[method]!({}, metadata, options, (error: grpc.ServiceError | null, value: unknown) => resolve({ error, value })),
    );

  test("allowed scope: the handler runs and sees the verified claims", async () => {
    const { error, value } = await unary("get", bearer(await accessToken(key)));
    assert.equal(error, null);
    assert.deepEqual(value, { sub: CLIENT_ID, scopes: ["orders/read", "orders/write"] });
  });

  test("missing scope → PERMISSION_DENIED naming the check", async () => {
    const { error } = await unary("get", bearer(await accessToken(key, { claims: { scope: "orders/write" } })));
    assert.equal(error?.code, grpc.status.PERMISSION_DENIED);
    assert.match(error!.details, /^scope: /);
  });

  test("no token, tampered token, expired token, wrong scheme → UNAUTHENTICATED", async () => {
    const expired = await accessToken(key, { iat: Math.floor(Date.now() / 1000) - 7200, lifetime: 3600 });
    const basic = new grpc.Metadata();
    basic.set("authorization", "Basic dXNlcjpwYXNz");
    for (const [metadata, check] of [
      [new grpc.Metadata(), "missing_token"],
      [bearer(tamperSignature(await accessToken(key))), "signature"],
      [bearer(expired), "expired"],
      [basic, "missing_token"],
    ] as const) {
      const { error } = await unary("get", metadata);
      assert.equal(error?.code, grpc.status.UNAUTHENTICATED, check);
      assert.match(error!.details, new RegExp(`^${check}: `));
    }
  });

  test("server streaming: claims in the handler; no token → UNAUTHENTICATED before any message", async () => {
    const collect = (metadata: grpc.Metadata) =>
      new Promise<{ messages: unknown[]; error: grpc.ServiceError | undefined }>((resolve) => {
        const messages: unknown[] = [];
        const stream = client.watch!({}, metadata) as grpc.ClientReadableStream<unknown>;
        stream.on("data", (m) => messages.push(m));
        stream.on("error", (error: grpc.ServiceError) => resolve({ messages, error }));
        stream.on("end", () => resolve({ messages, error: undefined }));
      });
    const ok = await collect(bearer(await accessToken(key)));
    assert.equal(ok.error, undefined);
    assert.equal(ok.messages.length, 2);
    assert.deepEqual(ok.messages[0], { sub: CLIENT_ID, scopes: ["orders/read", "orders/write"] });
    const denied = await collect(new grpc.Metadata());
    assert.equal(denied.error?.code, grpc.status.UNAUTHENTICATED);
    assert.equal(denied.messages.length, 0);
  });

  test("client streaming and bidi: messages sent before the token is checked reach the handler; no token → UNAUTHENTICATED", async () => {
    const upload = (metadata: grpc.Metadata) =>
      new Promise<{ error: grpc.ServiceError | null; value: unknown }>((resolve) => {
        const stream = client.upload!(metadata, (error: grpc.ServiceError | null, value: unknown) => resolve({ error, value })) as grpc.ClientWritableStream<unknown>;
        for (let i = 0; i < 3; i++) stream.write({ i });
        stream.end();
      });
    assert.deepEqual((await upload(bearer(await accessToken(key)))).value, { count: 3, sub: CLIENT_ID });
    assert.equal((await upload(bearer(await accessToken(key, { claims: { scope: "orders/read" } })))).error?.code, grpc.status.PERMISSION_DENIED);
    const chat = (metadata: grpc.Metadata) =>
      new Promise<{ messages: unknown[]; error: grpc.ServiceError | undefined }>((resolve) => {
        const messages: unknown[] = [];
        const stream = client.chat!(metadata) as grpc.ClientDuplexStream<unknown, unknown>;
        stream.on("data", (m) => messages.push(m));
        stream.on("error", (error: grpc.ServiceError) => resolve({ messages, error }));
        stream.on("end", () => resolve({ messages, error: undefined }));
        stream.write({});
        stream.write({});
        stream.end();
      });
    const ok = await chat(bearer(await accessToken(key)));
    assert.equal(ok.error, undefined);
    assert.deepEqual(ok.messages, [{ sub: CLIENT_ID, scopes: ["orders/read", "orders/write"] }, { sub: CLIENT_ID, scopes: ["orders/read", "orders/write"] }]);
    assert.equal((await chat(new grpc.Metadata())).error?.code, grpc.status.UNAUTHENTICATED);
  });

  test("public method needs no token; an unlisted method is refused (fail closed)", async () => {
    const ping = await unary("ping");
    assert.equal(ping.error, null);
    assert.deepEqual(ping.value, { sub: null, scopes: null });
    const drop = await unary("drop", bearer(await accessToken(key)));
    assert.equal(drop.error?.code, grpc.status.PERMISSION_DENIED);
  });

  test("TokenSource call credentials put the bearer token on the call", async () => {
    const token = await accessToken(key);
    const source = new TokenSource({ fetchToken: async () => ({ accessToken: token, expiresIn: 3600 }) });
    const first = await unary("get", new grpc.Metadata(), { credentials: source.callCredentials() });
    const second = await unary("get", new grpc.Metadata(), { credentials: source.callCredentials() });
    assert.equal(first.error, null);
    assert.equal(second.error, null);
    assert.equal(source.fetches, 1);
  });
});

// The promise client against an in-process grpc-js server on 127.0.0.1:0 (no identity server needed).
import * as grpc from "@grpc/grpc-js";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  AuthServiceService,
  createAuthClient,
  NoResultError,
  type AuthClient,
  type InitiateAuthRequest,
  type InitiateAuthResponse,
} from "../../src/index.js";

const unimplemented = (_call: unknown, callback: grpc.sendUnaryData<never>) =>
  callback({ code: grpc.status.UNIMPLEMENTED, details: "not in this fake" });

describe("promise client", () => {
  let server: grpc.Server;
  let client: AuthClient;

  before(async () => {
    server = new grpc.Server();
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const name of Object.keys(AuthServiceService)) handlers[name] = unimplemented;
    handlers.initiateAuth = (
      call: grpc.ServerUnaryCall<InitiateAuthRequest, InitiateAuthResponse>,
      callback: grpc.sendUnaryData<InitiateAuthResponse>,
    ) => {
      const { USERNAME } = call.request.authParameters;
      if (USERNAME === "nobody") {
        callback(null, { result: { $case: "notAuthorized", value: { message: "Incorrect username or password." } } });
        return;
      }
      const echoed = [call.metadata.get("x-default")[0], call.metadata.get("x-call")[0]].join("/");
      const deadline = call.getDeadline();
      callback(null, {
        result: {
          $case: "authenticationResult",
          value: {
            accessToken: echoed,
            idToken: deadline instanceof Date ? "date" : String(deadline),
            refreshToken: call.request.clientId,
            expiresIn: 3600,
            tokenType: "Bearer",
          },
        },
      });
    };
    handlers.getUser = (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, {});
    handlers.signUp = (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      setTimeout(() => callback(null, {}), 1_000);
    };
    server.addService(AuthServiceService, handlers);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    client = createAuthClient(`127.0.0.1:${port}`, { metadata: { "x-default": "d" } });
  });

  after(() => {
    client.close();
    server.forceShutdown();
  });

  test("resolves with the result union; partial requests; default + per-call metadata", async () => {
    const result = await client.initiateAuth(
      { clientId: "c1", authParameters: { USERNAME: "alice", PASSWORD: "pw" } },
      { metadata: { "x-call": "c" } },
    );
    assert.equal(result.$case, "authenticationResult");
    if (result.$case !== "authenticationResult") return;
    assert.equal(result.value.accessToken, "d/c");
    assert.equal(result.value.refreshToken, "c1");
    assert.notEqual(result.value.idToken, "Infinity"); // the default deadline was sent
  });

  test("per-call metadata replaces a default key", async () => {
    const result = await client.initiateAuth(
      { clientId: "c1", authParameters: { USERNAME: "alice" } },
      { metadata: { "x-default": "override", "x-call": "c" } },
    );
    assert.equal(result.$case === "authenticationResult" && result.value.accessToken, "override/c");
  });

  test("an absolute deadline wins over timeoutMs", async () => {
    const deadline = new Date(Date.now() + 60_000);
    const result = await client.initiateAuth({ authParameters: { USERNAME: "a" } }, { deadline, timeoutMs: 1 });
    assert.equal(result.$case, "authenticationResult");
  });

  test("domain errors are arms, not rejections", async () => {
    const result = await client.initiateAuth({ clientId: "c1", authParameters: { USERNAME: "nobody" } });
    assert.deepEqual(result, { $case: "notAuthorized", value: { message: "Incorrect username or password." } });
  });

  test("a response without an arm rejects with NoResultError", async () => {
    await assert.rejects(client.getUser({ accessToken: "t" }), NoResultError);
  });

  test("deadline: timeoutMs gives DEADLINE_EXCEEDED", async () => {
    await assert.rejects(client.signUp({ username: "slow" }, { timeoutMs: 50 }), (err: grpc.ServiceError) => {
      assert.equal(err.code, grpc.status.DEADLINE_EXCEEDED);
      return true;
    });
  });

  test("abort signal cancels the call", async () => {
    const controller = new AbortController();
    const pending = client.signUp({ username: "slow" }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(pending, (err: grpc.ServiceError) => {
      assert.equal(err.code, grpc.status.CANCELLED);
      return true;
    });
  });

  test("transport errors reject with the gRPC status", async () => {
    await assert.rejects(client.getJwks({ userPoolId: "p" }), (err: grpc.ServiceError) => {
      assert.equal(err.code, grpc.status.UNIMPLEMENTED);
      return true;
    });
  });
});

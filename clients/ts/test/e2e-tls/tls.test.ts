// TLS and mTLS end to end: run by scripts/sdk/test-sdk.sh against a server started with SDK_TLS=1
// (scripts/sdk/with-server.sh): TLS on gRPC, a client CA, and a client certificate whose SPIFFE ID
// is an admin of the test pool only. Env: IDP_GRPC_ADDR, IDP_POOL_ID, IDP_CLIENT_ID, IDP_TLS_CA_FILE,
// IDP_TLS_CERT_FILE, IDP_TLS_KEY_FILE.
import * as grpc from "@grpc/grpc-js";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { AuthFlow, createAdminClient, createAuthClient, MessageAction, tlsCredentials } from "../../src/index.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through scripts/sdk/test-sdk.sh (SDK_TLS=1 server)`);
  return value;
}

const addr = required("IDP_GRPC_ADDR");
const poolId = required("IDP_POOL_ID");
const clientId = required("IDP_CLIENT_ID");
const caFile = required("IDP_TLS_CA_FILE");
const certFile = required("IDP_TLS_CERT_FILE");
const keyFile = required("IDP_TLS_KEY_FILE");

async function statusOf(promise: Promise<unknown>): Promise<grpc.status | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as grpc.ServiceError).code;
  }
}

describe("TypeScript SDK over TLS and mTLS", () => {
  test("TLS: AuthService answers over a channel that verifies the server against the CA", async () => {
    const auth = createAuthClient(addr, { credentials: tlsCredentials({ caFile }) });
    try {
      const result = await auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: `nobody-${randomBytes(4).toString("hex")}`, PASSWORD: "Wrong-Pass-1" } });
      assert.equal(result.$case, "notAuthorized");
    } finally {
      auth.close();
    }
  });

  test("TLS without a client certificate: AdminService answers UNAUTHENTICATED", async () => {
    const admin = createAdminClient(addr, { credentials: tlsCredentials({ caFile }) });
    try {
      assert.equal(await statusOf(admin.adminGetUser({ userPoolId: poolId, username: "anyone" })), grpc.status.UNAUTHENTICATED);
    } finally {
      admin.close();
    }
  });

  test("mTLS: the client certificate is an admin of its pool, and only of it", async () => {
    const admin = createAdminClient(addr, { credentials: tlsCredentials({ caFile, certFile, keyFile }) });
    const username = `ts-mtls-${randomBytes(4).toString("hex")}`;
    try {
      const created = await admin.adminCreateUser({ userPoolId: poolId, username, temporaryPassword: "Temporary-Pass-1", messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS });
      assert.equal(created.$case, "success");
      const got = await admin.adminGetUser({ userPoolId: poolId, username });
      assert.equal(got.$case, "success");
      assert.equal(await statusOf(admin.listUserPools({ maxResults: 10 })), grpc.status.PERMISSION_DENIED);
      assert.equal(await statusOf(admin.adminGetUser({ userPoolId: "us-east-1_OtherPool1", username })), grpc.status.PERMISSION_DENIED);
    } finally {
      admin.close();
    }
  });

  test("plaintext to the TLS port fails", async () => {
    const auth = createAuthClient(addr, { defaultTimeoutMs: 5_000 });
    try {
      assert.equal(await statusOf(auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "x", PASSWORD: "y" } })), grpc.status.UNAVAILABLE);
    } finally {
      auth.close();
    }
  });

  test("a client that trusts another CA cannot connect", async () => {
    const auth = createAuthClient(addr, { credentials: tlsCredentials({}), defaultTimeoutMs: 5_000 });
    try {
      assert.equal(await statusOf(auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "x", PASSWORD: "y" } })), grpc.status.UNAVAILABLE);
    } finally {
      auth.close();
    }
  });
});

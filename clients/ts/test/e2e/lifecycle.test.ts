// End-to-end tests of the TypeScript SDK against a live server (scripts/sdk/with-server.sh starts one).
// Target from env: IDP_GRPC_ADDR, REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID. Skipped when unset.
import { Redis } from "ioredis";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { AuthFlow, createAuthClient, openOutboxEntry, signInWithSrp, tlsCredentials, type AuthClient } from "../../src/index.js";

const { IDP_GRPC_ADDR, REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID, IDP_OUTBOX_KEY } = process.env;
const skip = IDP_GRPC_ADDR ? false : "IDP_GRPC_ADDR is not set: no live server";

function env(): { clientId: string; poolId: string; redisUrl: string } {
  if (!REDIS_URL || !IDP_CLIENT_ID || !IDP_POOL_ID) {
    throw new Error("IDP_GRPC_ADDR is set but REDIS_URL, IDP_CLIENT_ID or IDP_POOL_ID is missing");
  }
  return { clientId: IDP_CLIENT_ID, poolId: IDP_POOL_ID, redisUrl: REDIS_URL };
}

/** Polls the pool's outbox stream for the newest `event` entry of `username` and returns its code, opened with the outbox key. */
async function outboxCode(redisUrl: string, poolId: string, event: string, username: string): Promise<string> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const key = `idp:{p:${poolId}}:outbox`;
    const until = Date.now() + 5_000;
    for (;;) {
      for (const [, fields] of await redis.xrevrange(key, "+", "-", "COUNT", 100)) {
        if (!IDP_OUTBOX_KEY) throw new Error("IDP_OUTBOX_KEY is not set: outbox entries cannot be opened");
        const message = openOutboxEntry(fields, Buffer.from(IDP_OUTBOX_KEY, "hex"));
        assert.equal(fields.includes("code"), false, "no code in clear in the outbox");
        if (message.event === event && message.username === username) return message.code;
      }
      if (Date.now() > until) throw new Error(`no ${event} entry for ${username} in ${key}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    redis.disconnect();
  }
}

const suffix = () => randomBytes(6).toString("hex");

describe("TypeScript SDK against a live server", { skip }, () => {
  let auth: AuthClient;
  before(() => {
    // Over mTLS when the server runs with SDK_TLS=1 (scripts/sdk/with-server.sh), plaintext otherwise.
    const { IDP_TLS_CA_FILE: caFile, IDP_TLS_CERT_FILE: certFile, IDP_TLS_KEY_FILE: keyFile } = process.env;
    const credentials = caFile ? { credentials: tlsCredentials({ caFile, ...(certFile && keyFile ? { certFile, keyFile } : {}) }) } : {};
    auth = createAuthClient(IDP_GRPC_ADDR!, { defaultTimeoutMs: 10_000, ...credentials });
  });
  after(() => auth?.close());

  // Steps share state, so they run in order and stop at the first failure.
  describe("sign up → confirm → password sign-in → refresh → GetUser → GlobalSignOut → SRP sign-in", () => {
    const username = `ts-e2e-${suffix()}`;
    const password = `Passw0rd!Ts-${suffix()}`;
    let accessToken = "";
    let refreshToken = "";
    let failed = false;
    const step = (name: string, fn: () => Promise<void>) =>
      test(name, async (t) => {
        if (failed) return t.skip("an earlier step failed");
        try {
          await fn();
        } catch (err) {
          failed = true;
          throw err;
        }
      });

    step("SignUp", async () => {
      const { clientId } = env();
      const result = await auth.signUp({
        clientId,
        username,
        password,
        userAttributes: [{ name: "email", value: `${username}@example.com` }],
      });
      assert.equal(result.$case, "success", JSON.stringify(result));
      if (result.$case !== "success") return;
      assert.equal(result.value.userConfirmed, false);
      assert.ok(result.value.userSub);
    });

    step("ConfirmSignUp with the code from the outbox", async () => {
      const { clientId, poolId, redisUrl } = env();
      const code = await outboxCode(redisUrl, poolId, "SignUp", username);
      const result = await auth.confirmSignUp({ clientId, username, confirmationCode: code });
      assert.equal(result.$case, "success", JSON.stringify(result));
    });

    step("InitiateAuth USER_PASSWORD_AUTH", async () => {
      const result = await auth.initiateAuth({
        clientId: env().clientId,
        authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH,
        authParameters: { USERNAME: username, PASSWORD: password },
      });
      assert.equal(result.$case, "authenticationResult", JSON.stringify(result));
      if (result.$case !== "authenticationResult") return;
      assert.ok(result.value.accessToken && result.value.idToken && result.value.refreshToken);
      accessToken = result.value.accessToken;
      refreshToken = result.value.refreshToken;
    });

    step("InitiateAuth REFRESH_TOKEN_AUTH", async () => {
      const result = await auth.initiateAuth({
        clientId: env().clientId,
        authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH,
        authParameters: { REFRESH_TOKEN: refreshToken },
      });
      assert.equal(result.$case, "authenticationResult", JSON.stringify(result));
      if (result.$case !== "authenticationResult") return;
      assert.ok(result.value.accessToken);
      accessToken = result.value.accessToken;
    });

    step("GetUser", async () => {
      const result = await auth.getUser({ accessToken });
      assert.equal(result.$case, "success", JSON.stringify(result));
      if (result.$case !== "success") return;
      assert.equal(result.value.username, username);
      assert.ok(result.value.userAttributes.some((a) => a.name === "email" && a.value === `${username}@example.com`));
    });

    step("GlobalSignOut", async () => {
      const result = await auth.globalSignOut({ accessToken });
      assert.equal(result.$case, "success", JSON.stringify(result));
    });

    step("GetUser after GlobalSignOut is not_authorized", async () => {
      const result = await auth.getUser({ accessToken });
      assert.equal(result.$case, "notAuthorized", JSON.stringify(result));
    });

    test("USER_SRP_AUTH with the SDK's SRP helper", async (t) => {
      if (failed) return t.skip("an earlier step failed");
      const { clientId, poolId } = env();
      const result = await signInWithSrp(auth, { clientId, poolId, username, password });
      assert.equal(result.$case, "authenticationResult", JSON.stringify(result));
    });
  });

  test("unknown user: the masked not_authorized arm", async () => {
    const result = await auth.initiateAuth({
      clientId: env().clientId,
      authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH,
      authParameters: { USERNAME: `nobody-${suffix()}`, PASSWORD: "Passw0rd!Nobody" },
    });
    switch (result.$case) {
      case "notAuthorized":
        assert.equal(result.value.message, "Incorrect username or password.");
        break;
      default:
        assert.fail(`want notAuthorized, got ${JSON.stringify(result)}`);
    }
  });
});

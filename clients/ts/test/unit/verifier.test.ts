import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TokenVerificationError, TokenVerifier, type TokenCheck, type TokenVerifierOptions } from "../../src/index.js";
import { accessToken, CLIENT_ID, ISSUER, JwksServer, signingKey, tamperPayload, tamperSignature, type SigningKey } from "./auth-fixtures.js";

async function rejects(promise: Promise<unknown>, check: TokenCheck): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof TokenVerificationError, String(error));
    assert.equal(error.check, check, error.message);
    return true;
  });
}

describe("TokenVerifier", () => {
  let jwks: JwksServer;
  let key: SigningKey;
  let other: SigningKey;
  const verifier = (options: Partial<TokenVerifierOptions> = {}) =>
    new TokenVerifier({ issuer: ISSUER, jwksUri: jwks.url, clientIds: [CLIENT_ID], ...options });

  before(async () => {
    [key, other] = await Promise.all([signingKey(), signingKey()]);
    jwks = await new JwksServer().start();
  });
  after(() => jwks.stop());

  test("accepts a valid access token and splits scope and cognito:groups", async () => {
    jwks.keys = [key];
    const claims = await verifier({ scopes: ["orders/read"] }).verify(await accessToken(key, { claims: { "cognito:groups": ["ops", "admins"] } }));
    assert.equal(claims.clientId, CLIENT_ID);
    assert.equal(claims.sub, CLIENT_ID);
    assert.deepEqual(claims.scopes, ["orders/read", "orders/write"]);
    assert.deepEqual(claims.groups, ["ops", "admins"]);
  });

  test("verifies from the cache: many tokens, one JWKS fetch", async () => {
    jwks.keys = [key];
    const v = verifier();
    const before = jwks.requests;
    for (let i = 0; i < 20; i++) await v.verify(await accessToken(key));
    assert.equal(jwks.requests - before, 1);
    assert.equal(v.jwks.fetches, 1);
  });

  test("rejects a tampered signature", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(tamperSignature(await accessToken(key))), "signature");
  });

  test("rejects a forged payload under a genuine signature", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(tamperPayload(await accessToken(key), { scope: "orders/admin" })), "signature");
  });

  test("rejects a token signed by a key whose kid the JWKS lists for another key", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(await accessToken(other, { kid: key.kid })), "signature");
  });

  test("rejects another issuer", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(await accessToken(key, { issuer: "http://localhost:8080/us-east-1_Other" })), "issuer");
  });

  test("rejects an expired token; accepts one expired within the leeway", async () => {
    jwks.keys = [key];
    const now = Math.floor(Date.now() / 1000);
    await rejects(verifier().verify(await accessToken(key, { iat: now - 3600, lifetime: 3590 })), "expired");
    await verifier({ leewaySeconds: 30 }).verify(await accessToken(key, { iat: now - 3600, lifetime: 3590 }));
  });

  test("rejects a token not valid yet", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(await accessToken(key, { claims: { nbf: Math.floor(Date.now() / 1000) + 600 } })), "not_yet_valid");
  });

  test("rejects an id token where an access token is required", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(await accessToken(key, { claims: { token_use: "id" } })), "token_use");
  });

  test("rejects a client outside the allow-list", async () => {
    jwks.keys = [key];
    await rejects(verifier().verify(await accessToken(key, { claims: { client_id: "someotherclient00000000001" } })), "client_id");
  });

  test("rejects a missing scope, per verifier and per call", async () => {
    jwks.keys = [key];
    const token = await accessToken(key);
    await rejects(verifier({ scopes: ["orders/read", "orders/delete"] }).verify(token), "scope");
    await rejects(verifier().verify(token, { scopes: ["payments/read"] }), "scope");
    await rejects(verifier().verify(await accessToken(key, { claims: { scope: undefined } }), { scopes: ["orders/read"] }), "scope");
  });

  test("requires one of the required groups", async () => {
    jwks.keys = [key];
    const v = verifier({ groups: ["admins", "ops"] });
    await v.verify(await accessToken(key, { claims: { "cognito:groups": ["ops"] } }));
    await rejects(v.verify(await accessToken(key, { claims: { "cognito:groups": ["readers"] } })), "group");
    await rejects(v.verify(await accessToken(key)), "group");
  });

  test("rejects alg none and HS256", async () => {
    jwks.keys = [key];
    const payload = Buffer.from(JSON.stringify({ iss: ISSUER, token_use: "access", client_id: CLIENT_ID, sub: "x", exp: 4e9, iat: 1 })).toString("base64url");
    const none = `${Buffer.from(JSON.stringify({ alg: "none", kid: key.kid })).toString("base64url")}.${payload}.`;
    const hs = `${Buffer.from(JSON.stringify({ alg: "HS256", kid: key.kid })).toString("base64url")}.${payload}.c2ln`;
    await rejects(verifier().verify(none), "algorithm");
    await rejects(verifier().verify(hs), "algorithm");
  });

  test("rejects garbage and empty tokens", async () => {
    await rejects(verifier().verify("not-a-jwt"), "malformed");
    await rejects(verifier().verify(""), "missing_token");
  });

  test("unknown kid: one refetch picks up a rotated key; further unknown kids wait for the rate limit", async () => {
    let now = Date.now();
    jwks.keys = [key];
    const v = verifier({ now: () => now, minRefetchIntervalMs: 10_000 });
    await v.verify(await accessToken(key));
    assert.equal(v.jwks.fetches, 1);

    jwks.keys = [key, other]; // the pool rotated: a new key signs from now on
    now += 10_000;
    await v.verify(await accessToken(other));
    assert.equal(v.jwks.fetches, 2, "an unknown kid refetches the JWKS once");

    const stranger = await signingKey(); // a kid nobody publishes: within the interval, no fetch
    for (let i = 0; i < 5; i++) await rejects(v.verify(await accessToken(stranger)), "unknown_kid");
    assert.equal(v.jwks.fetches, 2, "unknown kids within the interval cause no fetch");

    now += 10_000;
    await rejects(v.verify(await accessToken(stranger)), "unknown_kid");
    assert.equal(v.jwks.fetches, 3, "after the interval one more fetch is allowed");
  });

  test("concurrent verifications with an unknown kid share one fetch", async () => {
    jwks.keys = [key];
    const v = verifier();
    const token = await accessToken(key);
    await Promise.all(Array.from({ length: 25 }, () => v.verify(token)));
    assert.equal(v.jwks.fetches, 1);
  });

  test("keys that stay listed keep verifying after a refetch; a key removed from the JWKS stops", async () => {
    let now = Date.now();
    jwks.keys = [key, other];
    const v = verifier({ now: () => now });
    await v.verify(await accessToken(key));
    jwks.keys = [other];
    now += 60_000;
    await rejects(v.verify(await accessToken(await signingKey())), "unknown_kid"); // triggers the refetch
    await v.verify(await accessToken(other));
    await rejects(v.verify(await accessToken(key)), "unknown_kid");
  });

  test("JWKS endpoint down: jwks_unavailable, not a token error", async () => {
    jwks.keys = [key];
    jwks.failing = true;
    try {
      await rejects(verifier().verify(await accessToken(key)), "jwks_unavailable");
    } finally {
      jwks.failing = false;
    }
  });

  test("options are validated up front", () => {
    assert.throws(() => new TokenVerifier({ issuer: ISSUER, clientIds: [] }), TypeError);
    assert.throws(() => new TokenVerifier({ issuer: "us-east-1_X", clientIds: [CLIENT_ID] }), TypeError);
  });
});

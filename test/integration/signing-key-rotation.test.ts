import { expect } from "chai";
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { PREVIOUS_KEY_LIFETIME_MS } from "../../src/flows/tokens/key-ring.js";
import { CLIENTS, POOL, startPeerApp, startTestApp, type PeerApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Correct-Horse-1";
type Jwks = { keys: { kid: string }[] };

/**
 * Signing key rotation per pool (README "Signing keys"): RotateSigningKey and the optional schedule;
 * new tokens use the new key; the JWKS publishes the previous key until the last token it signed has
 * expired; tokens and refresh tokens issued before keep working, on every replica.
 */
describe("signing key rotation (gRPC + Redis)", () => {
  let t: TestApp;
  let peer: PeerApp;
  before(async () => {
    t = await startTestApp();
    peer = await startPeerApp(t);
    const mark = await t.outboxMark(POOL);
    await t.auth.signUp({ clientId: CLIENTS.enabled, secretHash: "", username: "kiddo", password: PASSWORD, userAttributes: [{ name: "email", value: "kiddo@example.com" }], validationData: [], clientMetadata: {} });
    const code = (await t.nextDelivery(POOL, mark, "kiddo@example.com")).code!;
    await t.auth.confirmSignUp({ clientId: CLIENTS.enabled, secretHash: "", username: "kiddo", confirmationCode: code, forceAliasCreation: false, clientMetadata: {} });
  });
  after(async () => {
    await peer.stop();
    await t.stop();
  });

  async function signIn(auth: TestApp["auth"] = t.auth) {
    const response = await auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "kiddo", PASSWORD }, clientMetadata: {} });
    if (response.result?.$case !== "authenticationResult") throw new Error(`sign-in answered ${response.result?.$case}`);
    return response.result.value;
  }
  const jwks = async () => (await (await fetch(`http://127.0.0.1:${t.app.httpPort}/${POOL}/.well-known/jwks.json`)).json()) as Jwks;
  const kid = (token: string) => decodeProtectedHeader(token).kid;
  const rotate = (userPoolId = POOL) => t.admin.rotateSigningKey({ userPoolId }, t.adminMetadata);

  it("signs new tokens with the new key, keeps the old tokens, refresh tokens and the old key's JWKS entry working", async () => {
    const before = await signIn();
    const oldKid = kid(before.accessToken)!;
    expect((await peer.auth.getUser({ accessToken: before.accessToken })).result?.$case).to.equal("success"); // the peer has loaded the old key

    const rotated = await rotate();
    if (rotated.result?.$case !== "success") throw new Error(`RotateSigningKey answered ${rotated.result?.$case}`);
    const newKid = rotated.result.value.kid;
    expect(newKid).to.not.equal(oldKid);
    expect(rotated.result.value.previousKids).to.deep.equal([oldKid]);

    const after = await signIn();
    expect(kid(after.accessToken)).to.equal(newKid);
    expect(kid(after.idToken)).to.equal(newKid);
    expect((await jwks()).keys.map((k) => k.kid)).to.deep.equal([newKid, oldKid]);
    const published = await t.auth.getJwks({ userPoolId: POOL, clientId: "" });
    expect(published.result?.$case === "success" && published.result.value.keys.map((k) => k.kid)).to.deep.equal([newKid, oldKid]);

    // Both tokens verify against the published JWKS, and with the service itself, here and on the peer.
    const set = createLocalJWKSet((await jwks()) as never);
    for (const token of [before.accessToken, after.accessToken]) {
      await jwtVerify(token, set, { currentDate: new Date(t.clock.now()) });
      expect((await t.auth.getUser({ accessToken: token })).result?.$case).to.equal("success");
      // The peer meets the new kid first here: it re-reads the pool's keys (unknown kid) and verifies.
      expect((await peer.auth.getUser({ accessToken: token })).result?.$case).to.equal("success");
    }
    const refreshed = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: before.refreshToken }, clientMetadata: {} });
    if (refreshed.result?.$case !== "authenticationResult") throw new Error(`refresh answered ${refreshed.result?.$case}`);
    expect(kid(refreshed.result.value.accessToken)).to.equal(newKid);

    // Once every token the old key signed has expired, the JWKS stops publishing it.
    t.clock.advance(PREVIOUS_KEY_LIFETIME_MS + 1_000);
    expect((await jwks()).keys.map((k) => k.kid)).to.deep.equal([newKid]);
    expect((await t.auth.getUser({ accessToken: (await signIn()).accessToken })).result?.$case).to.equal("success");
  });

  it("rotates on a schedule: a key older than the period is replaced, once, whichever replica checks", async () => {
    const period = 30 * 24 * 3_600_000;
    const ring = t.app.deps.keyRing;
    const start = kid((await signIn()).accessToken);
    expect(await ring.rotateIfOlder(POOL, t.clock.now(), period)).to.equal(false);
    t.clock.advance(period + 1);
    const [here, there] = await Promise.all([ring.rotateIfOlder(POOL, t.clock.now(), period), peer.app.deps.keyRing.rotateIfOlder(POOL, t.clock.now(), period)]);
    expect([here, there].filter(Boolean).length).to.be.greaterThanOrEqual(1);
    expect(kid((await signIn()).accessToken)).to.not.equal(start);
    expect(await ring.rotateIfOlder(POOL, t.clock.now(), period)).to.equal(false);
  });

  it("answers resource_not_found for an unknown pool and invalid_parameter for a malformed id, changing nothing", async () => {
    const keysBefore = (await jwks()).keys.map((k) => k.kid);
    expect((await rotate("us-east-1_NoSuchPool")).result?.$case).to.equal("resourceNotFound");
    expect((await rotate("not a pool id")).result?.$case).to.equal("invalidParameter");
    expect((await jwks()).keys.map((k) => k.kid)).to.deep.equal(keysBefore);
  });
});

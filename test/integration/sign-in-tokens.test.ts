import { expect } from "chai";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { AuthFlow, ChallengeName, MessageAction } from "../../src/gen/identity/v1/common.js";
import { CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";

const PASSWORD = "Correct-Horse-1";

describe("sign-up, sign-in and tokens (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.stop());

  async function signUpAndConfirm(username: string, email: string) {
    const mark = await t.outboxMark(POOL);
    const signedUp = await t.auth.signUp({ clientId: CLIENTS.enabled, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: email }], validationData: [], clientMetadata: {} });
    expect(signedUp.result?.$case).to.equal("success");
    const delivery = await t.nextDelivery(POOL, mark, email);
    expect(delivery.username).to.equal(username);
    const confirmed = await t.auth.confirmSignUp({ clientId: CLIENTS.enabled, secretHash: "", username, confirmationCode: delivery.code!, forceAliasCreation: false, clientMetadata: {} });
    expect(confirmed.result?.$case).to.equal("success");
  }

  function passwordAuth(username: string, password: string, clientId: string = CLIENTS.enabled) {
    return t.auth.initiateAuth({ clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: username, PASSWORD: password }, clientMetadata: {} });
  }

  it("signs up with a masked delivery and the user's sub", async () => {
    const response = await t.auth.signUp({ clientId: CLIENTS.enabled, secretHash: "", username: "maskme", password: PASSWORD, userAttributes: [{ name: "email", value: "maskme@example.com" }], validationData: [], clientMetadata: {} });
    expect(response.result?.$case).to.equal("success");
    if (response.result?.$case !== "success") return;
    expect(response.result.value.userConfirmed).to.equal(false);
    expect(response.result.value.userSub).to.match(/^[0-9a-f-]{36}$/);
    expect(response.result.value.codeDeliveryDetails?.destination).to.equal("m***@e***");
    expect(response.result.value.codeDeliveryDetails?.attributeName).to.equal("email");
  });

  it("issues Cognito-shaped tokens that verify against the JWKS served over HTTP", async () => {
    await signUpAndConfirm("alice", "alice@example.com");
    const response = await passwordAuth("alice", PASSWORD);
    expect(response.result?.$case).to.equal("authenticationResult");
    if (response.result?.$case !== "authenticationResult") return;
    const tokens = response.result.value;
    expect(tokens.tokenType).to.equal("Bearer");
    expect(tokens.expiresIn).to.equal(3600);
    expect(tokens.refreshToken.length).to.be.greaterThanOrEqual(43);
    const jwks = createRemoteJWKSet(new URL(`http://127.0.0.1:${t.app.httpPort}/${POOL}/.well-known/jwks.json`));
    const issuer = `http://localhost:9999/${POOL}`;
    const clock = new Date(t.clock.now());
    const { payload: id, protectedHeader } = await jwtVerify(tokens.idToken, jwks, { issuer, audience: CLIENTS.enabled, algorithms: ["RS256"], currentDate: clock });
    expect(protectedHeader.kid).to.be.a("string");
    expect(id.token_use).to.equal("id");
    expect(id["cognito:username"]).to.equal("alice");
    expect(id.email).to.equal("alice@example.com");
    expect(id.email_verified).to.equal(true);
    const { payload: access } = await jwtVerify(tokens.accessToken, jwks, { issuer, algorithms: ["RS256"], currentDate: clock });
    expect(access).to.include({ token_use: "access", client_id: CLIENTS.enabled, username: "alice", scope: "aws.cognito.signin.user.admin", sub: id.sub });
    expect(access.origin_jti).to.equal(id.origin_jti);
    expect(access.exp! - access.iat!).to.equal(3600);
  });

  it("serves the OpenID discovery document with the pool's issuer", async () => {
    const response = await fetch(`http://127.0.0.1:${t.app.httpPort}/${POOL}/.well-known/openid-configuration`);
    const body = (await response.json()) as { issuer: string; jwks_uri: string };
    expect(body.issuer).to.equal(`http://localhost:9999/${POOL}`);
    expect(body.jwks_uri).to.equal(`http://localhost:9999/${POOL}/.well-known/jwks.json`);
  });

  it("refreshes, reads the user, and revokes everything on GlobalSignOut", async () => {
    await signUpAndConfirm("bob", "bob@example.com");
    const signedIn = await passwordAuth("bob", PASSWORD);
    if (signedIn.result?.$case !== "authenticationResult") throw new Error(`sign-in failed: ${signedIn.result?.$case}`);
    const { refreshToken, accessToken } = signedIn.result.value;
    t.clock.advance(60_000);
    const refreshed = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: refreshToken }, clientMetadata: {} });
    if (refreshed.result?.$case !== "authenticationResult") throw new Error(`refresh failed: ${refreshed.result?.$case}`);
    expect(refreshed.result.value.refreshToken).to.equal("");
    const user = await t.auth.getUser({ accessToken: refreshed.result.value.accessToken });
    expect(user.result?.$case).to.equal("success");
    if (user.result?.$case === "success") expect(user.result.value.userAttributes.find((a) => a.name === "email")?.value).to.equal("bob@example.com");
    expect((await t.auth.globalSignOut({ accessToken })).result?.$case).to.equal("success");
    expect((await t.auth.getUser({ accessToken })).result).to.deep.equal({ $case: "notAuthorized", value: { message: "Access Token has been revoked" } });
    const again = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_REFRESH_TOKEN_AUTH, authParameters: { REFRESH_TOKEN: refreshToken }, clientMetadata: {} });
    expect(again.result).to.deep.equal({ $case: "notAuthorized", value: { message: "Refresh Token has been revoked" } });
  });

  it("RevokeToken revokes one sign-in and leaves the others", async () => {
    await signUpAndConfirm("carol", "carol@example.com");
    const first = await passwordAuth("carol", PASSWORD);
    const second = await passwordAuth("carol", PASSWORD);
    if (first.result?.$case !== "authenticationResult" || second.result?.$case !== "authenticationResult") throw new Error("sign-in failed");
    expect((await t.auth.revokeToken({ token: first.result.value.refreshToken, clientId: CLIENTS.enabled, clientSecret: "" })).result?.$case).to.equal("success");
    expect((await t.auth.getUser({ accessToken: first.result.value.accessToken })).result?.$case).to.equal("notAuthorized");
    expect((await t.auth.getUser({ accessToken: second.result.value.accessToken })).result?.$case).to.equal("success");
    expect((await t.auth.revokeToken({ token: first.result.value.accessToken, clientId: CLIENTS.enabled, clientSecret: "" })).result?.$case).to.equal("unsupportedTokenType");
  });

  it("refuses to finish NEW_PASSWORD_REQUIRED for a user disabled after the challenge", async () => {
    const temporary = "Temporary-Pass-1";
    const created = await t.admin.adminCreateUser({ userPoolId: POOL, username: "dave", userAttributes: [], validationData: [], temporaryPassword: temporary, forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_SUPPRESS, desiredDeliveryMediums: [], clientMetadata: {} }, t.adminMetadata);
    expect(created.result?.$case).to.equal("success");
    const challenged = await passwordAuth("dave", temporary);
    if (challenged.result?.$case !== "challenge") throw new Error(`expected a challenge, got ${challenged.result?.$case}`);
    expect(challenged.result.value.challengeName).to.equal(ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED);
    expect((await t.admin.adminDisableUser({ userPoolId: POOL, username: "dave" }, t.adminMetadata)).result?.$case).to.equal("success");
    const answered = await t.auth.respondToAuthChallenge({ clientId: CLIENTS.enabled, challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED, session: challenged.result.value.session, challengeResponses: { USERNAME: "dave", NEW_PASSWORD: PASSWORD }, clientMetadata: {} });
    expect(answered.result).to.deep.equal({ $case: "notAuthorized", value: { message: "User is disabled." } });
  });

  it("never logs a password, code or token", () => {
    const logged = t.log.lines.join("\n");
    expect(logged).to.not.include(PASSWORD);
    expect(logged).to.not.match(/"code"\s*:/);
  });
});

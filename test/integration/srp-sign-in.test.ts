// USER_SRP_AUTH end to end: amazon-cognito-identity-js signs in against the live gRPC server.
import { expect } from "chai";
import { decodeJwt } from "jose";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { ALIAS_POOL, CLIENTS, CLIENT_SECRET, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { librarySignIn, seedUser, SRP_CLIENTS, SRP_TEST_CONFIG, srpStart, type Exchange } from "./srp-client.js";

const PASSWORD = "Correct-Horse-1";
const INCORRECT = { code: "NotAuthorizedException", message: "Incorrect username or password." };

describe("USER_SRP_AUTH with amazon-cognito-identity-js (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: SRP_TEST_CONFIG });
  });
  after(() => t.stop());
  // The library stamps TIMESTAMP with the real clock; the server's injected clock follows it.
  beforeEach(() => {
    t.clock.nowMs = Date.now();
  });

  it("signs a CONFIRMED user in: tokens, with no Session on PASSWORD_VERIFIER", async () => {
    await seedUser(t, POOL, { username: "srp-alice", password: PASSWORD });
    const exchange: Exchange = {};
    const result = await librarySignIn(t, POOL, CLIENTS.enabled, "srp-alice", PASSWORD, {}, exchange);
    expect(result.kind).to.equal("tokens");
    if (result.kind !== "tokens") return;
    expect(decodeJwt(result.idToken)["cognito:username"]).to.equal("srp-alice");
    expect(decodeJwt(result.accessToken).client_id).to.equal(CLIENTS.enabled);
    expect(exchange.session).to.equal(undefined);
    expect(Object.keys(exchange.challenge ?? {}).sort()).to.deep.equal(["SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP"]);
    expect(exchange.challenge?.SALT).to.match(/^[1-9a-f][0-9a-f]*$/);
    expect(exchange.answer?.USERNAME).to.equal("srp-alice");
  });

  it("signs in by a verified email alias: the challenge switches to the internal username", async () => {
    await seedUser(t, ALIAS_POOL, { username: "srp-alias-user", password: PASSWORD, email: "alias.user@example.com" });
    const exchange: Exchange = {};
    const result = await librarySignIn(t, ALIAS_POOL, CLIENTS.aliasEnabled, "Alias.User@example.com", PASSWORD, {}, exchange);
    expect(result.kind).to.equal("tokens");
    expect(exchange.challenge?.USER_ID_FOR_SRP).to.equal("srp-alias-user");
    expect(exchange.challenge?.USERNAME).to.equal("srp-alias-user");
  });

  it("signs in by email where usernames are generated UUIDs", async () => {
    const user = await seedUser(t, EMAIL_POOL, { username: "uuid.user@example.com", password: PASSWORD });
    const exchange: Exchange = {};
    const result = await librarySignIn(t, EMAIL_POOL, CLIENTS.emailEnabled, "uuid.user@example.com", PASSWORD, {}, exchange);
    expect(result.kind).to.equal("tokens");
    expect(exchange.challenge?.USER_ID_FOR_SRP).to.equal(user.username);
    expect(user.username).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("answers a FORCE_CHANGE_PASSWORD user with NEW_PASSWORD_REQUIRED, which the library completes", async () => {
    await seedUser(t, POOL, { username: "srp-newbie", password: "Temporary-Pw-1", status: "FORCE_CHANGE_PASSWORD" });
    const result = await librarySignIn(t, POOL, CLIENTS.enabled, "srp-newbie", "Temporary-Pw-1");
    expect(result.kind).to.equal("newPasswordRequired");
    if (result.kind !== "newPasswordRequired") return;
    const completed = await new Promise<string>((resolve) => {
      result.user.completeNewPasswordChallenge("Permanent-Pw-2", {}, {
        onSuccess: () => resolve("tokens"),
        onFailure: (err: { code?: string }) => resolve(`failure:${err.code}`),
      });
    });
    expect(completed).to.equal("tokens");
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "srp-newbie", "Permanent-Pw-2")).kind).to.equal("tokens");
  });

  it("refuses a wrong password with the generic answer, and counts it toward the lockout", async () => {
    await seedUser(t, POOL, { username: "srp-guesser", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      expect(await librarySignIn(t, POOL, CLIENTS.enabled, "srp-guesser", `Wrong-Horse-${i}`)).to.deep.equal({ kind: "failure", ...INCORRECT });
    }
    // Five SRP failures lock the account for the right password too, in SRP and in USER_PASSWORD_AUTH.
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "srp-guesser", PASSWORD)).to.deep.equal({ kind: "failure", code: "NotAuthorizedException", message: "Password attempts exceeded" });
    const password = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "srp-guesser", PASSWORD }, clientMetadata: {} });
    expect(password.result).to.deep.equal({ $case: "notAuthorized", value: { message: "Password attempts exceeded" } });
    t.clock.advance(2_000);
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "srp-guesser", PASSWORD)).kind).to.equal("tokens");
  });

  it("works through AdminInitiateAuth and AdminRespondToAuthChallenge", async () => {
    await seedUser(t, POOL, { username: "srp-admin-path", password: PASSWORD });
    const options = { adminPool: POOL };
    expect((await librarySignIn(t, POOL, CLIENTS.enabled, "srp-admin-path", PASSWORD, options)).kind).to.equal("tokens");
    expect(await librarySignIn(t, POOL, CLIENTS.enabled, "srp-admin-path", "Wrong-Horse-1", options)).to.deep.equal({ kind: "failure", ...INCORRECT });
    expect(await librarySignIn(t, POOL, CLIENTS.legacy, "srp-admin-nobody", PASSWORD, options)).to.deep.equal({ kind: "failure", code: "UserNotFoundException", message: "User does not exist." });
  });

  it("takes SECRET_HASH over each step's own USERNAME for a client with a secret", async () => {
    await seedUser(t, POOL, { username: "srp-secretive", password: PASSWORD });
    const exchange: Exchange = {};
    // Typed in capitals: step 1 hashes "SRP-SECRETIVE", step 2 the internal "srp-secretive" (docs/cognito.md §4.8).
    const result = await librarySignIn(t, POOL, CLIENTS.secret, "SRP-SECRETIVE", PASSWORD, { secret: CLIENT_SECRET }, exchange);
    expect(result.kind).to.equal("tokens");
    expect(exchange.answer?.USERNAME).to.equal("srp-secretive");
  });

  it("refuses a missing or wrong SECRET_HASH at either step", async () => {
    await seedUser(t, POOL, { username: "srp-hashless", password: PASSWORD });
    const refused = { kind: "failure", code: "NotAuthorizedException", message: `Unable to verify secret hash for client ${CLIENTS.secret}` };
    expect(await librarySignIn(t, POOL, CLIENTS.secret, "srp-hashless", PASSWORD)).to.deep.equal(refused);
    expect(await librarySignIn(t, POOL, CLIENTS.secret, "srp-nobody", PASSWORD)).to.deep.equal(refused);
    const wrongAtStep2 = { secret: CLIENT_SECRET, editAnswer: (r: Record<string, string>) => ({ ...r, SECRET_HASH: [...r.SECRET_HASH!].reverse().join("") }) };
    expect(await librarySignIn(t, POOL, CLIENTS.secret, "srp-hashless", PASSWORD, wrongAtStep2)).to.deep.equal(refused);
    const missingAtStep2 = { secret: CLIENT_SECRET, editAnswer: ({ SECRET_HASH: _, ...r }: Record<string, string>) => r };
    expect(await librarySignIn(t, POOL, CLIENTS.secret, "srp-hashless", PASSWORD, missingAtStep2)).to.deep.equal(refused);
  });

  it("refuses the flow for a client that does not allow it", async () => {
    expect(await srpStart(t, SRP_CLIENTS.noSrp, "srp-alice")).to.deep.equal({ $case: "invalidParameter", value: { field: "auth_flow", message: "USER_SRP_AUTH flow not enabled for this client" } });
    expect(await librarySignIn(t, POOL, SRP_CLIENTS.noSrp, "srp-alice", PASSWORD)).to.deep.equal({ kind: "failure", code: "InvalidParameterException", message: "USER_SRP_AUTH flow not enabled for this client" });
  });

  it("asks for USERNAME and SRP_A, and bounds USERNAME like Cognito's usernames", async () => {
    expect(await srpStart(t, CLIENTS.enabled, "")).to.deep.equal({ $case: "invalidParameter", value: { field: "auth_parameters.USERNAME", message: "Missing required parameter USERNAME" } });
    expect(await srpStart(t, CLIENTS.enabled, "srp-alice", "")).to.deep.equal({ $case: "invalidParameter", value: { field: "auth_parameters.SRP_A", message: "Missing required parameter SRP_A" } });
    const long = await srpStart(t, CLIENTS.enabled, "x".repeat(129));
    expect(long?.$case).to.equal("invalidParameter");
    expect((await srpStart(t, CLIENTS.enabled, "x".repeat(128)))?.$case).to.equal("challenge");
  });

  it("never logs a password, a SECRET_BLOCK or a signature", async () => {
    const exchange: Exchange = {};
    await librarySignIn(t, POOL, CLIENTS.enabled, "srp-alice", PASSWORD, {}, exchange);
    const logged = t.log.lines.join("\n");
    expect(exchange.challenge?.SECRET_BLOCK?.length).to.be.greaterThan(100);
    expect(logged).to.not.include(PASSWORD);
    expect(logged).to.not.include(exchange.challenge?.SECRET_BLOCK?.slice(0, 40));
    expect(logged).to.not.include(exchange.answer?.PASSWORD_CLAIM_SIGNATURE);
  });
});

// What an SRP challenge names before the password is proven (docs/existence.md §4): under STRICT
// the identifier as typed, canonical, for real and unknown names alike, with a per-identifier
// verifier behind it so that real clients still sign in by alias; under ENABLED the canonical
// internal username (Cognito's behaviour, no case echo). Real clients: amazon-cognito-identity-js
// (authenticateUser) and this project's TypeScript SDK (signInWithSrp).
import { expect } from "chai";
import { decodeJwt } from "jose";
import { createAuthClient, signInWithSrp } from "../../clients/ts/src/index.js";
import { AuthFlow, ExplicitAuthFlow, PreventUserExistenceErrors, UserPoolClientSettings, UserPoolSettings } from "../../src/gen/identity/v1/common.js";
import { ALIAS_POOL, CLIENTS, EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, MODE_CLIENTS } from "../helpers/user-states.js";
import { keys } from "../../src/store/keys.js";
import { librarySignIn, seedOldUser, seedUser, srpChallengeParameters, type Exchange } from "./srp-client.js";

const PASSWORD = "Correct-Horse-1";
const INCORRECT = { kind: "failure", code: "NotAuthorizedException", message: "Incorrect username or password." };
const STRICT_ALIAS = MODE_CLIENTS[ALIAS_POOL].STRICT;
const STRICT_EMAIL = MODE_CLIENTS[EMAIL_POOL].STRICT;

describe("SRP identities: what USER_ID_FOR_SRP shows before the password (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());
  beforeEach(() => {
    t.clock.nowMs = Date.now();
  });

  describe("STRICT: the identifier as typed, canonical, whoever holds it", () => {
    it("answers an alias of a real user exactly as it would answer an unknown email: USER_ID_FOR_SRP and USERNAME are the typed email", async () => {
      await seedUser(t, ALIAS_POOL, { username: "Udf5yes6vsed", password: PASSWORD, email: "olive@example.com" });
      const real = await srpChallengeParameters(t, STRICT_ALIAS, "Olive@Example.com");
      const unknown = await srpChallengeParameters(t, STRICT_ALIAS, "Nobody@Example.com");
      expect(real.USER_ID_FOR_SRP).to.equal("olive@example.com");
      expect(real.USERNAME).to.equal("olive@example.com");
      expect(unknown.USER_ID_FOR_SRP).to.equal("nobody@example.com");
      expect(Object.keys(real).sort()).to.deep.equal(Object.keys(unknown).sort());
      expect(real.SECRET_BLOCK!.length).to.equal(unknown.SECRET_BLOCK!.length);
    });

    it("shows the canonical username whatever case is typed, for a user stored in mixed case and for an unknown name", async () => {
      await seedUser(t, ALIAS_POOL, { username: "Mixdb1lcx", password: PASSWORD, email: "mix@example.com" });
      for (const typed of ["Mixdb1lcx", "MIXDB1LCX", "mixdb1lcx"]) expect((await srpChallengeParameters(t, STRICT_ALIAS, typed)).USER_ID_FOR_SRP).to.equal("mixdb1lcx");
      expect((await srpChallengeParameters(t, STRICT_ALIAS, "Uq9bGhost")).USER_ID_FOR_SRP).to.equal("uq9bghost");
    });

    it("gives an identifier the SALT it had before any user held it: the SALT is a function of the name alone", async () => {
      const before = await srpChallengeParameters(t, STRICT_ALIAS, "newcomer@example.com");
      await seedUser(t, ALIAS_POOL, { username: "newcomer7", password: PASSWORD, email: "newcomer@example.com" });
      const after = await srpChallengeParameters(t, STRICT_ALIAS, "newcomer@example.com");
      expect(after.SALT).to.equal(before.SALT);
      expect(after.USER_ID_FOR_SRP).to.equal(before.USER_ID_FOR_SRP);
    });

    it("signs in with amazon-cognito-identity-js by alias, by username in any case, and by email where usernames are UUIDs", async () => {
      await seedUser(t, ALIAS_POOL, { username: "Quill42", password: PASSWORD, email: "quill@example.com" });
      const exchange: Exchange = {};
      const byAlias = await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "Quill@Example.com", PASSWORD, {}, exchange);
      expect(byAlias.kind).to.equal("tokens");
      if (byAlias.kind === "tokens") expect(decodeJwt(byAlias.idToken)["cognito:username"]).to.equal("Quill42");
      expect(exchange.answer?.USERNAME).to.equal("quill@example.com");
      expect((await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "QUILL42", PASSWORD)).kind).to.equal("tokens");
      await seedUser(t, EMAIL_POOL, { username: "uuid.strict@example.com", password: PASSWORD });
      expect((await librarySignIn(t, EMAIL_POOL, STRICT_EMAIL, "UUID.Strict@example.com", PASSWORD)).kind).to.equal("tokens");
    });

    it("signs in with the TypeScript SDK's signInWithSrp by alias", async () => {
      await seedUser(t, ALIAS_POOL, { username: "sdk-alias-user", password: PASSWORD, email: "sdk.alias@example.com" });
      const auth = createAuthClient(`127.0.0.1:${t.app.grpcPort}`, { defaultTimeoutMs: 10_000 });
      try {
        const result = await signInWithSrp(auth, { clientId: STRICT_ALIAS, poolId: ALIAS_POOL, username: "sdk.alias@example.com", password: PASSWORD });
        expect(result.$case).to.equal("authenticationResult");
        const wrong = await signInWithSrp(auth, { clientId: STRICT_ALIAS, poolId: ALIAS_POOL, username: "sdk.alias@example.com", password: "Wrong-Horse-1" });
        expect(wrong).to.deep.equal({ $case: "notAuthorized", value: { message: "Incorrect username or password." } });
      } finally {
        auth.close();
      }
    });

    it("an alias that got its value after the last password event answers as a wrong password until the password is next proven", async () => {
      await seedUser(t, ALIAS_POOL, { username: "late-alias", password: PASSWORD, email: "first@example.com" });
      const changed = await t.admin.adminUpdateUserAttributes({ userPoolId: ALIAS_POOL, username: "late-alias", userAttributes: [{ name: "email", value: "second@example.com" }, { name: "email_verified", value: "true" }], clientMetadata: {} }, t.adminMetadata);
      expect(changed.result?.$case).to.equal("success");
      expect(await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "second@example.com", PASSWORD)).to.deep.equal(INCORRECT);
      // USER_PASSWORD_AUTH proves the password and fills in the missing verifier.
      const password = await t.auth.initiateAuth({ clientId: STRICT_ALIAS, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "second@example.com", PASSWORD }, clientMetadata: {} });
      expect(password.result?.$case).to.equal("authenticationResult");
      expect((await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "second@example.com", PASSWORD)).kind).to.equal("tokens");
    });

    it("a new password replaces every identifier's verifier: the old password no longer signs in by alias", async () => {
      await seedUser(t, ALIAS_POOL, { username: "rotating", password: PASSWORD, email: "rotating@example.com" });
      const set = await t.admin.adminSetUserPassword({ userPoolId: ALIAS_POOL, username: "rotating", password: "Second-Horse-2", permanent: true }, t.adminMetadata);
      expect(set.result?.$case).to.equal("success");
      expect(await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "rotating@example.com", PASSWORD)).to.deep.equal(INCORRECT);
      expect((await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "rotating@example.com", "Second-Horse-2")).kind).to.equal("tokens");
    });

    it("signs in by sub: the challenge names the typed sub, canonical, as it names an unknown UUID, and the library gets tokens", async () => {
      const user = await seedUser(t, ALIAS_POOL, { username: "by-sub-user", password: PASSWORD, email: "by.sub@example.com" });
      const typed = user.sub.toUpperCase();
      const real = await srpChallengeParameters(t, STRICT_ALIAS, typed);
      const unknown = await srpChallengeParameters(t, STRICT_ALIAS, "0F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A");
      expect(real.USER_ID_FOR_SRP).to.equal(user.sub);
      expect(real.USERNAME).to.equal(user.sub);
      expect(unknown.USER_ID_FOR_SRP).to.equal("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
      expect(Object.keys(real).sort()).to.deep.equal(Object.keys(unknown).sort());
      const signedIn = await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, typed, PASSWORD);
      expect(signedIn.kind).to.equal("tokens");
      if (signedIn.kind === "tokens") expect(decodeJwt(signedIn.idToken)["cognito:username"]).to.equal("by-sub-user");
      expect(await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, typed, "Wrong-Horse-1")).to.deep.equal(INCORRECT);
    });

    it("a record from before identity verifiers still signs in by its exact username", async () => {
      await seedOldUser(t, POOL, { username: "old-record", password: PASSWORD, identityVerifiers: false });
      expect((await librarySignIn(t, POOL, CLIENTS.strict, "old-record", PASSWORD)).kind).to.equal("tokens");
    });

    it("a record of the previous version (random salt, every identifier's verifier beside it) signs in by each until its next password event moves the username's into the record", async () => {
      const old = await seedOldUser(t, ALIAS_POOL, { username: "Prev-Version", password: PASSWORD, email: "prev.version@example.com", identityVerifiers: true });
      for (const typed of ["prev.version@example.com", "PREV-VERSION", old.sub]) expect((await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, typed, PASSWORD)).kind, typed).to.equal("tokens");
      expect((await librarySignIn(t, ALIAS_POOL, CLIENTS.aliasEnabled, "prev.version@example.com", PASSWORD)).kind).to.equal("tokens");
      const set = await t.admin.adminSetUserPassword({ userPoolId: ALIAS_POOL, username: "Prev-Version", password: "Second-Horse-2", permanent: true }, t.adminMetadata);
      expect(set.result?.$case).to.equal("success");
      const now = (await t.app.deps.stores.users.get(ALIAS_POOL, "Prev-Version"))!;
      expect(now.credentialsOverCanonicalName).to.equal(true);
      const separate = Object.keys(await t.redis.hgetallBuffer(keys.identityVerifiers(ALIAS_POOL, "Prev-Version")));
      expect(separate.sort()).to.deep.equal([old.sub, "prev.version@example.com"].sort());
      expect(BigInt(`0x${now.salt!}`).toString(16)).to.equal((await srpChallengeParameters(t, STRICT_ALIAS, "prev-version")).SALT);
      for (const typed of ["prev.version@example.com", "Prev-Version", old.sub]) expect((await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, typed, "Second-Horse-2")).kind, typed).to.equal("tokens");
      expect(await librarySignIn(t, ALIAS_POOL, STRICT_ALIAS, "prev-version", PASSWORD)).to.deep.equal(INCORRECT);
      expect((await librarySignIn(t, ALIAS_POOL, CLIENTS.aliasEnabled, "prev.version@example.com", "Second-Horse-2")).kind).to.equal("tokens");
    });
  });

  describe("ENABLED: the canonical internal username (Cognito), no case echo", () => {
    it("shows a mixed-case user's username in canonical form whatever case is typed, as for an unknown name, and signs in", async () => {
      await seedUser(t, POOL, { username: "MixCase7", password: PASSWORD });
      for (const typed of ["MixCase7", "MIXCASE7"]) expect((await srpChallengeParameters(t, CLIENTS.enabled, typed)).USER_ID_FOR_SRP).to.equal("mixcase7");
      expect((await srpChallengeParameters(t, CLIENTS.enabled, "GhostCase7")).USER_ID_FOR_SRP).to.equal("ghostcase7");
      expect((await librarySignIn(t, POOL, CLIENTS.enabled, "MIXCASE7", PASSWORD)).kind).to.equal("tokens");
    });

    it("an old record shows its stored username until its next password event, then the canonical one", async () => {
      await seedOldUser(t, POOL, { username: "OldCase8", password: PASSWORD, identityVerifiers: false });
      expect((await srpChallengeParameters(t, CLIENTS.enabled, "oldcase8")).USER_ID_FOR_SRP).to.equal("OldCase8");
      expect((await librarySignIn(t, POOL, CLIENTS.enabled, "oldcase8", PASSWORD)).kind).to.equal("tokens");
      const password = await t.auth.initiateAuth({ clientId: CLIENTS.enabled, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "oldcase8", PASSWORD }, clientMetadata: {} });
      expect(password.result?.$case).to.equal("authenticationResult");
      expect((await srpChallengeParameters(t, CLIENTS.enabled, "oldcase8")).USER_ID_FOR_SRP).to.equal("oldcase8");
    });

    it("an alias sign-in names the owner's internal username (Cognito's behaviour; listed in the README)", async () => {
      await seedUser(t, ALIAS_POOL, { username: "owner-enabled", password: PASSWORD, email: "owner.enabled@example.com" });
      expect((await srpChallengeParameters(t, CLIENTS.aliasEnabled, "owner.enabled@example.com")).USER_ID_FOR_SRP).to.equal("owner-enabled");
    });
  });

  describe("a pool without a STRICT client: the record is the only verifier (docs/storage.md \"Memory per user\")", () => {
    const PLAIN_POOL = "us-east-1_PlainSrp01";
    const ENABLED_CLIENT = "plainenabled00000000000000";
    const STRICT_CLIENT = "plainstrict000000000000000";
    const flows = [ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_SRP_AUTH, ExplicitAuthFlow.EXPLICIT_AUTH_FLOW_ALLOW_USER_PASSWORD_AUTH];
    const createClient = async (clientId: string, mode: PreventUserExistenceErrors) => {
      const settings = UserPoolClientSettings.fromPartial({ explicitAuthFlows: flows, preventUserExistenceErrors: mode });
      const created = await t.admin.createUserPoolClient({ userPoolId: PLAIN_POOL, clientName: clientId, clientId, generateSecret: false, settings }, t.adminMetadata);
      expect(created.result?.$case).to.equal("success");
    };

    before(async () => {
      const settings = UserPoolSettings.fromPartial({ aliasAttributes: ["email"], autoVerifiedAttributes: ["email"] });
      expect((await t.admin.createUserPool({ poolName: "plain", userPoolId: PLAIN_POOL, settings }, t.adminMetadata)).result?.$case).to.equal("success");
      await createClient(ENABLED_CLIENT, PreventUserExistenceErrors.PREVENT_USER_EXISTENCE_ERRORS_ENABLED);
    });

    it("keeps no verifier beside the record, signs in by username and alias, and fills in the typed identifiers once a STRICT client arrives and the password is proven", async () => {
      const user = await seedUser(t, PLAIN_POOL, { username: "Plain-User", password: PASSWORD, email: "plain.user@example.com" });
      expect(await t.redis.exists(keys.identityVerifiers(PLAIN_POOL, user.username))).to.equal(0);
      for (const typed of ["plain-user", "plain.user@example.com"]) expect((await librarySignIn(t, PLAIN_POOL, ENABLED_CLIENT, typed, PASSWORD)).kind, typed).to.equal("tokens");
      await createClient(STRICT_CLIENT, PreventUserExistenceErrors.PREVENT_USER_EXISTENCE_ERRORS_STRICT);
      // The username's verifier is the record: it signs in at once; the email has none yet, and answers as a wrong password would.
      expect((await librarySignIn(t, PLAIN_POOL, STRICT_CLIENT, "PLAIN-USER", PASSWORD)).kind).to.equal("tokens");
      expect(await librarySignIn(t, PLAIN_POOL, STRICT_CLIENT, "plain.user@example.com", PASSWORD)).to.deep.equal(INCORRECT);
      const proven = await t.auth.initiateAuth({ clientId: STRICT_CLIENT, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "plain.user@example.com", PASSWORD }, clientMetadata: {} });
      expect(proven.result?.$case).to.equal("authenticationResult");
      expect(Object.keys(await t.redis.hgetallBuffer(keys.identityVerifiers(PLAIN_POOL, user.username))).sort()).to.deep.equal([user.sub, "plain.user@example.com"].sort());
      expect((await librarySignIn(t, PLAIN_POOL, STRICT_CLIENT, "plain.user@example.com", PASSWORD)).kind).to.equal("tokens");
    });

    it("a password event in a pool with a STRICT client writes the other identifiers' verifiers at once", async () => {
      // The test above gave the pool its STRICT client.
      const user = await seedUser(t, PLAIN_POOL, { username: "plain-second", password: PASSWORD, email: "plain.second@example.com" });
      expect(Object.keys(await t.redis.hgetallBuffer(keys.identityVerifiers(PLAIN_POOL, user.username))).sort()).to.deep.equal([user.sub, "plain.second@example.com"].sort());
      expect((await librarySignIn(t, PLAIN_POOL, STRICT_CLIENT, "plain.second@example.com", PASSWORD)).kind).to.equal("tokens");
    });
  });
});

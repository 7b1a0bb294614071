// What flows make of a hook's answer, without a server: PreSignUp's auto-confirm / auto-verify
// (docs/cognito.md §5.3) and the user a UserMigration answer describes (docs/cognito.md §5.10).
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { poolNameFromId, verifierFromPassword } from "../../../src/crypto/srp.js";
import type { Deps } from "../../../src/flows/deps.js";
import { migratedUser, saysNotFound } from "../../../src/flows/migrated-user.js";
import { signUpAnswers, withAnswers } from "../../../src/flows/pre-sign-up.js";
import type { UserMigrationResponse } from "../../../src/triggers/index.js";
import { pool, user } from "./existence-fixtures.js";

/** What newUserRecord and passwordFields read: a clock, randomness and the simulation key (the salt of a name). */
const deps = { clock: () => 1_000, random: randomBytes, keys: { simulation: randomBytes(32) } } as unknown as Deps;

describe("PreSignUp answers (signUpAnswers, withAnswers)", () => {
  const draft = user({ status: "UNCONFIRMED", attributes: { email: "a@example.com", phone_number: "+15555550100" } });

  it("confirms and verifies only with autoConfirmUser true", () => {
    expect(signUpAnswers({ autoConfirmUser: false, autoVerifyEmail: true, autoVerifyPhone: true }, draft)).to.deep.equal({ autoConfirm: false, verify: [] });
    expect(signUpAnswers({ autoConfirmUser: null, autoVerifyEmail: true }, draft)).to.deep.equal({ autoConfirm: false, verify: [] });
    expect(signUpAnswers({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: true }, draft)).to.deep.equal({ autoConfirm: true, verify: ["email", "phone_number"] });
  });

  it("refuses to verify an attribute the user does not have", () => {
    const noPhone = user({ attributes: { email: "a@example.com" } });
    expect(signUpAnswers({ autoConfirmUser: true, autoVerifyPhone: true }, noPhone)).to.deep.equal({
      $case: "invalidLambdaResponse", value: { message: "Invalid lambda function output : autoVerifyPhone is true but the user has no phone_number" },
    });
  });

  it("makes the user CONFIRMED with the verified flags, or leaves them as they were", () => {
    const confirmed = withAnswers(draft, { autoConfirm: true, verify: ["email"] });
    expect(confirmed.status).to.equal("CONFIRMED");
    expect(confirmed.attributes).to.deep.equal({ email: "a@example.com", phone_number: "+15555550100", email_verified: "true" });
    expect(withAnswers(draft, { autoConfirm: false, verify: [] })).to.equal(draft);
  });
});

describe("UserMigration answers (migratedUser, saysNotFound)", () => {
  const attributes = { email: "lena@example.com", email_verified: "true" };

  it("reads no userAttributes, or none in them, as 'not found'", () => {
    expect(saysNotFound({ userAttributes: null })).to.equal(true);
    expect(saysNotFound({})).to.equal(true);
    expect(saysNotFound({ userAttributes: {} })).to.equal(true);
    expect(saysNotFound({ userAttributes: { email: "x@example.com" } })).to.equal(false);
  });

  it("keeps the password sent for a CONFIRMED sign-in, its default status", () => {
    const made = migratedUser(deps, pool(), { userAttributes: attributes }, { sentName: "Lena", password: "legacy-pw" });
    if ("$case" in made) throw new Error(made.value.message);
    // The name as sent, as SignUp keeps it (lookups fold case in case-insensitive pools).
    expect(made).to.include({ username: "Lena", status: "CONFIRMED", passwordSetAt: 1_000 });
    // The verifier is over the canonical name (docs/existence.md §4): lower case in this case-insensitive pool.
    expect(made).to.include({ credentialsOverCanonicalName: true });
    expect(made.verifier).to.equal(verifierFromPassword(poolNameFromId(pool().id), "lena", "legacy-pw", made.salt!));
  });

  it("stores no password for RESET_REQUIRED, and defaults to it without a password (ForgotPassword)", () => {
    for (const [response, password] of [[{ userAttributes: attributes, finalUserStatus: "RESET_REQUIRED" }, "legacy-pw"], [{ userAttributes: attributes }, undefined]] as const) {
      const made = migratedUser(deps, pool(), response as UserMigrationResponse, { sentName: "lena", ...(password ? { password } : {}) });
      if ("$case" in made) throw new Error(made.value.message);
      expect(made).to.include({ status: "RESET_REQUIRED", salt: undefined, verifier: undefined });
    }
  });

  it("follows the pool's username design: a generated username where the email is the username", () => {
    const made = migratedUser(deps, pool({ usernameAttributes: ["email"] }), { userAttributes: attributes }, { sentName: "lena@example.com", password: "pw" });
    if ("$case" in made) throw new Error(made.value.message);
    expect(made.username).to.match(/^[0-9a-f-]{36}$/);
    expect(made.attributes.email).to.equal("lena@example.com");
  });

  it("takes userAttributes.username only when the name sent is a returned alias", () => {
    const aliasPool = pool({ aliasAttributes: ["email"] });
    const named = migratedUser(deps, aliasPool, { userAttributes: { ...attributes, username: "lena" } }, { sentName: "LENA@example.com", password: "pw" });
    expect("$case" in named ? named.value.message : named.username).to.equal("lena");
    const refused = migratedUser(deps, aliasPool, { userAttributes: { ...attributes, username: "lena" } }, { sentName: "someone", password: "pw" });
    expect(refused).to.have.property("$case", "invalidLambdaResponse");
  });

  it("refuses attributes no user can have", () => {
    for (const bad of [{ sub: "x" }, { email: "not-an-email" }, { email_verified: "yes", email: "a@example.com" }, { phone_number_verified: "true" }]) {
      expect(migratedUser(deps, pool(), { userAttributes: bad }, { sentName: "lena", password: "pw" })).to.have.property("$case", "invalidLambdaResponse");
    }
  });
});

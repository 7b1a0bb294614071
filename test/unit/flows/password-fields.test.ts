// The stored form of a password (passwords.ts passwordFields, docs/existence.md §4): over the
// canonical username with that name's derived salt, and spelled so that the record read back from
// the store stamps the same password as the record written (identity-verifiers.ts passwordStamp).
import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { masterKey, masterKeyRing } from "../../../src/crypto/master-keys.js";
import { Sealer } from "../../../src/crypto/sealer.js";
import { poolNameFromId, verifierFromPassword } from "../../../src/crypto/srp.js";
import type { Deps } from "../../../src/flows/deps.js";
import { passwordStamp, separatelyVerifiedIdentifiers } from "../../../src/flows/existence/identity-verifiers.js";
import { simulatedSalt } from "../../../src/flows/existence/simulated-values.js";
import { credentialName, passwordFields } from "../../../src/flows/passwords.js";
import { CredentialSealer } from "../../../src/store/credentials.js";
import { decodeUser, encodeUser } from "../../../src/store/user-codec.js";
import { pool, user } from "./existence-fixtures.js";

const deps = { clock: () => 1_000, random: randomBytes, keys: { simulation: Buffer.alloc(32, 7) } } as unknown as Deps;
const sealer = new CredentialSealer(new Sealer(masterKeyRing([masterKey("k1", Buffer.alloc(32, 9))]), "sealing"));

describe("password fields: the record holds the username's SRP identity", () => {
  it("computes the verifier over the canonical username with the salt an unknown name of that spelling gets", () => {
    const insensitive = pool();
    const fields = passwordFields(deps, insensitive, "Mixed-Case", "Correct-Horse-1");
    const salt = simulatedSalt(deps, insensitive.id, "mixed-case");
    expect(BigInt(`0x${fields.salt}`)).to.equal(BigInt(`0x${salt}`));
    expect(fields.verifier).to.equal(verifierFromPassword(poolNameFromId(insensitive.id), "mixed-case", "Correct-Horse-1", salt));
    expect(credentialName(insensitive, { username: "Mixed-Case", ...fields })).to.equal("mixed-case");
    expect(credentialName(insensitive, { username: "Mixed-Case" }), "a record from before: as stored").to.equal("Mixed-Case");
  });

  it("stamps the same password before and after the store, whatever the salt's first nibble", () => {
    const names = Array.from({ length: 48 }, (_, i) => `user-${i}`);
    const derived = names.map((name) => simulatedSalt(deps, pool().id, name));
    expect(derived.some((salt) => salt.startsWith("0")), "some derived salt starts with a zero nibble").to.equal(true);
    for (const name of names) {
      const written = { ...user({ username: name }), ...passwordFields(deps, pool(), name, "pw") };
      const read = decodeUser(sealer, pool().id, name, encodeUser(sealer, pool().id, written));
      expect(passwordStamp(read), name).to.equal(passwordStamp(written));
    }
  });

  it("changes the stamp with the password, though the salt stays the name's", () => {
    const first = { ...user({ username: "rotating" }), ...passwordFields(deps, pool(), "rotating", "first-pw") };
    const second = { ...first, ...passwordFields(deps, pool(), "rotating", "second-pw") };
    expect(second.salt).to.equal(first.salt);
    expect(passwordStamp(second)).to.not.equal(passwordStamp(first));
  });

  it("keeps a verifier beside the record only for identifiers other than the username, and only where challenges show them", () => {
    const aliasPool = pool({ aliasAttributes: ["email"] });
    const withPassword = { ...user({ username: "Owner", attributes: { email: "Owner@Example.com", email_verified: "true" } }), ...passwordFields(deps, aliasPool, "Owner", "pw") };
    expect(separatelyVerifiedIdentifiers(aliasPool, withPassword, false)).to.deep.equal([]);
    expect(separatelyVerifiedIdentifiers(aliasPool, withPassword, true)).to.deep.equal([withPassword.sub, "owner@example.com"]);
    const fromBefore = { ...withPassword, credentialsOverCanonicalName: undefined };
    expect(separatelyVerifiedIdentifiers(aliasPool, fromBefore, false)).to.deep.equal(["owner"]);
  });
});

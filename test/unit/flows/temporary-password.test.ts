import { expect } from "chai";
import { randomBytes } from "node:crypto";
import { DEFAULT_PASSWORD_POLICY } from "../../../src/flows/admin/pool-settings.js";
import { temporaryPassword } from "../../../src/flows/admin/temporary-password.js";
import { checkPasswordPolicy } from "../../../src/flows/passwords.js";
import type { PasswordPolicy } from "../../../src/store/records.js";

describe("flows/admin/temporary-password (docs/cognito.md §2.13)", () => {
  const policies: PasswordPolicy[] = [
    DEFAULT_PASSWORD_POLICY,
    { ...DEFAULT_PASSWORD_POLICY, minimumLength: 6 },
    { ...DEFAULT_PASSWORD_POLICY, minimumLength: 99 },
    { ...DEFAULT_PASSWORD_POLICY, requireSymbols: false, requireNumbers: false },
  ];

  it("always satisfies the pool's policy", () => {
    for (const policy of policies) {
      for (let i = 0; i < 200; i++) expect(checkPasswordPolicy(policy, temporaryPassword(randomBytes, policy))).to.equal(undefined);
    }
  });

  it("is at least 12 characters, or the policy's minimum when longer", () => {
    expect(temporaryPassword(randomBytes, { ...DEFAULT_PASSWORD_POLICY, minimumLength: 6 })).to.have.length(12);
    expect(temporaryPassword(randomBytes, { ...DEFAULT_PASSWORD_POLICY, minimumLength: 40 })).to.have.length(40);
  });

  it("depends only on the injected randomness", () => {
    const fixed = () => {
      let n = 0;
      return (bytes: number) => Buffer.from(Array.from({ length: bytes }, () => (n++ * 37) % 256));
    };
    expect(temporaryPassword(fixed(), DEFAULT_PASSWORD_POLICY)).to.equal(temporaryPassword(fixed(), DEFAULT_PASSWORD_POLICY));
    expect(temporaryPassword(randomBytes, DEFAULT_PASSWORD_POLICY)).to.not.equal(temporaryPassword(randomBytes, DEFAULT_PASSWORD_POLICY));
  });
});

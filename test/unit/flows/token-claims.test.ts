// PreTokenGeneration's answer applied to the claims (docs/cognito.md §3.8, §5.12): pure logic, no server.
import { expect } from "chai";
import { customized, NO_CUSTOMIZATION, NO_GROUPS, PROTECTED_CLAIMS } from "../../../src/flows/tokens/claims.js";
import { customizationFrom } from "../../../src/flows/tokens/pre-token-generation.js";

const CLAIMS = { sub: "s-1", aud: "client", email: "a@example.com", phone_number: "+15555550100", "cognito:username": "alice" };

describe("flows/tokens: claim customization", () => {
  it("adds and overrides claims, then suppresses (suppress wins)", () => {
    const out = customized(CLAIMS, { addOrOverride: { tenant: "acme", email: "b@example.com", gone: "x" }, suppress: ["phone_number", "gone"], groups: undefined });
    expect(out).to.deep.equal({ sub: "s-1", aud: "client", email: "b@example.com", "cognito:username": "alice", tenant: "acme" });
  });

  it("never changes a protected claim, by override or suppression", () => {
    const every = [...PROTECTED_CLAIMS];
    const out = customized(CLAIMS, { addOrOverride: Object.fromEntries(every.map((name) => [name, "evil"])), suppress: every, groups: undefined });
    expect(out).to.deep.equal(CLAIMS);
    expect(every).to.include.members(["acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub", "token_use"]);
  });

  it("reads the hook's answer: absent → unchanged, groupOverrideDetails null → no groups", () => {
    expect(customizationFrom(undefined)).to.equal(NO_CUSTOMIZATION);
    expect(customizationFrom(null)).to.equal(NO_CUSTOMIZATION);
    expect(customizationFrom({ claimsToAddOrOverride: { a: "1" } })).to.deep.equal({ addOrOverride: { a: "1" }, suppress: [], groups: undefined });
    expect(customizationFrom({ groupOverrideDetails: null }).groups).to.equal(NO_GROUPS);
    expect(customizationFrom({ groupOverrideDetails: { groupsToOverride: ["g"], preferredRole: "" } }).groups).to.deep.equal({ groups: ["g"], roles: [], preferredRole: undefined });
  });
});

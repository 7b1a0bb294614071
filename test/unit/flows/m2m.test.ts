// Machine-to-machine pure logic (docs/machine-to-machine.md): client OAuth settings, secret matching
// during rotation, the token's RS256 signature, and group order in tokens. No server.
import { expect } from "chai";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { importJWK, jwtVerify } from "jose";
import { clientOauthProblem, oauthSettingsFrom } from "../../../src/flows/admin/oauth-settings.js";
import { secretMatches, secretsOf, withSecrets } from "../../../src/flows/m2m/client-secrets.js";
import { signRs256 } from "../../../src/crypto/jws.js";
import { groupClaimsOf } from "../../../src/flows/groups/user-groups.js";
import type { Deps } from "../../../src/flows/deps.js";
import type { GroupRecord } from "../../../src/store/groups.js";
import type { ClientRecord } from "../../../src/store/records.js";

const CLIENT: ClientRecord = {
  poolId: "us-east-1_P", clientId: "c".repeat(26), name: "c", secret: "first-secret", explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"], existenceMode: "ENABLED",
  accessTokenValiditySeconds: 3600, idTokenValiditySeconds: 3600, refreshTokenValiditySeconds: 86_400, authSessionValidityMinutes: 3,
  allowedOauthFlows: ["client_credentials"], allowedOauthScopes: ["api/read"], createdAt: 1, updatedAt: 1,
};

describe("flows/m2m: OAuth settings, secrets, client tokens, group claims", () => {
  it("keeps ALLOW_CLIENT_TOKEN_AUTH alone, checks scope shapes, and removes duplicates", () => {
    expect(oauthSettingsFrom(["ALLOW_CLIENT_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"], [], [])).to.have.property("$case", "invalidParameter");
    expect(oauthSettingsFrom([], [], ["has space"])).to.have.property("$case", "invalidParameter");
    expect(oauthSettingsFrom([], [], ['quote"d'])).to.have.property("$case", "invalidParameter");
    expect(oauthSettingsFrom([], [], Array.from({ length: 51 }, (_, i) => `a/${i}`))).to.have.property("$case", "invalidParameter");
    expect(oauthSettingsFrom(["ALLOW_CLIENT_TOKEN_AUTH"], ["client_credentials", "client_credentials"], ["a/b", "a/b"])).to.deep.equal({ allowedOauthFlows: ["client_credentials"], allowedOauthScopes: ["a/b"] });
  });

  it("needs a secret for machine flows and existing scopes", () => {
    const settings = { explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"] as const, allowedOauthFlows: ["client_credentials"] as const, allowedOauthScopes: ["a/b"] };
    expect(clientOauthProblem(settings, false, new Set(["a/b"]))?.$case).to.equal("invalidOauthFlow");
    expect(clientOauthProblem({ ...settings, allowedOauthFlows: [] }, false, new Set(["a/b"]))?.$case).to.equal("invalidOauthFlow");
    expect(clientOauthProblem(settings, true, new Set(["a/c"]))).to.deep.equal({ $case: "scopeDoesNotExist", value: { message: "Scope a/b does not exist." } });
    expect(clientOauthProblem(settings, true, new Set(["a/b"]))).to.equal(undefined);
  });

  it("accepts every active secret during a rotation and nothing for a client without one", () => {
    expect(secretsOf(CLIENT)).to.deep.equal([{ id: "initial", value: "first-secret", createdAt: 1 }]);
    const rotated = withSecrets(CLIENT, [...secretsOf(CLIENT), { id: "two", value: "second-secret", createdAt: 2 }]);
    for (const secret of ["first-secret", "second-secret"]) expect(secretMatches(rotated, secret, "stand-in")).to.equal(true);
    expect(secretMatches(rotated, "stand-in", "stand-in")).to.equal(false);
    const retired = withSecrets(rotated, secretsOf(rotated).slice(1));
    expect(retired.secret).to.equal("second-secret");
    expect(secretMatches(retired, "first-secret", "stand-in")).to.equal(false);
    expect(secretMatches(undefined, "stand-in", "stand-in")).to.equal(false);
    expect(secretMatches({ ...CLIENT, secret: undefined }, "stand-in", "stand-in")).to.equal(false);
  });

  it("signs a compact RS256 JWS that a standard verifier accepts", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const cryptoKey = await crypto.subtle.importKey("jwk", privateKey.export({ format: "jwk" }), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["sign"]);
    const now = Math.floor(Date.now() / 1000);
    const token = signRs256("kid-1", cryptoKey, { sub: "c", scope: "a/b c/d", iat: now, exp: now + 60 });
    const { payload, protectedHeader } = await jwtVerify(token, await importJWK({ ...publicKey.export({ format: "jwk" }), alg: "RS256" }, "RS256"));
    expect(protectedHeader).to.deep.equal({ alg: "RS256", kid: "kid-1" });
    expect(payload).to.deep.include({ sub: "c", scope: "a/b c/d" });
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await jwtVerify(tampered, await importJWK({ ...publicKey.export({ format: "jwk" }), alg: "RS256" }, "RS256")).then(() => "accepted", () => "refused")).to.equal("refused");
  });

  it("orders groups by precedence (none last, then name) and prefers the first role", async () => {
    const group = (name: string, precedence: number | undefined, roleArn = ""): GroupRecord => ({ name, description: "", roleArn, precedence, createdAt: 0, updatedAt: 0 });
    const groups = [group("zeta", undefined, "arn:z"), group("beta", 3), group("alpha", 3, "arn:a"), group("first", 0)];
    const deps = { stores: { groups: { groupsOf: async () => groups } } } as unknown as Deps;
    expect(await groupClaimsOf(deps, "p", randomBytes(4).toString("hex"))).to.deep.equal({ groups: ["first", "alpha", "beta", "zeta"], roles: ["arn:a", "arn:z"], preferredRole: "arn:a" });
  });
});

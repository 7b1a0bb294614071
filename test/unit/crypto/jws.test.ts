import { expect } from "chai";
import { SignJWT, importJWK, jwtVerify } from "jose";
import type { webcrypto } from "node:crypto";
import { signRs256 } from "../../../src/crypto/jws.js";
import { newSigningKeyMaterial, signingKeyFrom } from "../../../src/crypto/signing-keys.js";

describe("signRs256: tokens signed with node:crypto", () => {
  it("are byte for byte the tokens jose's SignJWT makes from the same claims (RS256 is deterministic)", async () => {
    const material = await newSigningKeyMaterial();
    const key = await signingKeyFrom(material);
    const claims = { sub: "5f0c-user", "cognito:groups": ["a", "b"], token_use: "access", scope: "aws.cognito.signin.user.admin", auth_time: 1_700_000_000, name: "Zoë \"quoted\" ✓" };
    const ours = signRs256(key.kid, key.privateKey, { ...claims, iss: "https://issuer.example/p", iat: 1_700_000_000, exp: 1_700_003_600, jti: "j-1" });
    const theirs = await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: key.kid }).setIssuer("https://issuer.example/p").setIssuedAt(1_700_000_000).setExpirationTime(1_700_003_600).setJti("j-1").sign(key.privateKey);
    expect(ours).to.equal(theirs);
  });

  it("verify under the pool's public key and no other", async () => {
    const [a, b] = [await newSigningKeyMaterial(), await newSigningKeyMaterial()];
    const token = signRs256(a.kid, (await signingKeyFrom(a)).privateKey as webcrypto.CryptoKey, { sub: "x", exp: Math.floor(Date.now() / 1000) + 60 });
    const { payload, protectedHeader } = await jwtVerify(token, await importJWK(a.publicJwk, "RS256"));
    expect(payload.sub).to.equal("x");
    expect(protectedHeader).to.deep.equal({ alg: "RS256", kid: a.kid });
    let refused = false;
    await jwtVerify(token, await importJWK(b.publicJwk, "RS256")).catch(() => (refused = true));
    expect(refused).to.equal(true);
  });
});

import { KeyObject, randomBytes, sign, webcrypto } from "node:crypto";
import { codeDigest, newCode } from "../../src/crypto/codes.js";
import { newSigningKeyMaterial, signingKeyFrom } from "../../src/crypto/signing-keys.js";
import { clientComputeA, newSalt, serverChallenge, serverSessionKey, verifierFromPassword } from "../../src/crypto/srp.js";
import { sealOutboxSecret } from "../../src/delivery/outbox-seal.js";
import { signRs256 } from "../../src/flows/m2m/client-token.js";

/**
 * The pieces of crypto an operation cannot do without, each done exactly as the server does it
 * (same functions, same library path). An operation's floor is a sum of these (operations.ts).
 */
export const FLOOR_UNITS = {
  verifier: "x = H(salt | H(pool | name : password)), v = g^x mod N: one 3072-bit group exponentiation with a 256-bit exponent (crypto/srp.ts verifierFromPassword, OpenSSL through modpow.ts)",
  srpServer: "the server's SRP: B = k·v + g^b, then u, S = (A·v^u)^b and HKDF (crypto/srp.ts serverChallenge + serverSessionKey: three exponentiations with 256-bit exponents)",
  tokenPair: "id and access token signatures, RS256 with the pool's 2048-bit key through WebCrypto, the two in parallel, as flows/tokens/issue-tokens.ts signs them (jose → crypto.subtle.sign)",
  tokenPairSync: "the same two signatures through node:crypto sign() on a KeyObject (not what the server does for user tokens: a reference)",
  clientTokenSignature: "one RS256 signature through node:crypto, as flows/m2m/client-token.ts signRs256 makes it (the whole token: header, claims, signature)",
  codeDigest: "a 6-digit code and its keyed digest (crypto/codes.ts: HMAC-SHA-256)",
  outboxSeal: "one outbox entry sealed (delivery/outbox-seal.ts: AES-256-GCM)",
} as const;

export type FloorUnit = keyof typeof FLOOR_UNITS;

const POOL = "us-east-1_BenchFloor";
const PASSWORD = "Bench-Password-1";
/** Signing inputs the size of a user pool's id token and access token (header.claims, base64url). */
const ID_TOKEN_INPUT = Buffer.alloc(1000, 0x61);
const ACCESS_TOKEN_INPUT = Buffer.alloc(800, 0x61);

/** One unit of each kind, ready to run: keys made, verifier and client value computed. */
export async function floorWork(): Promise<Record<FloorUnit, () => unknown>> {
  const key = await signingKeyFrom(await newSigningKeyMaterial());
  const keyObject = KeyObject.from(key.privateKey);
  const salt = newSalt(randomBytes);
  const verifier = verifierFromPassword("BenchFloor", "bench-user", PASSWORD, salt);
  const A = clientComputeA(BigInt(`0x${randomBytes(32).toString("hex")}`));
  const codesKey = randomBytes(32);
  const outboxKey = randomBytes(32);
  const rsa = { name: "RSASSA-PKCS1-v1_5" };
  const claims = { sub: "bench-client", token_use: "access", scope: "https://orders/read", auth_time: 0, version: 2, client_id: "bench-client", iss: `http://localhost:8080/${POOL}`, iat: 0, exp: 3600, jti: "" };
  return {
    verifier: () => verifierFromPassword("BenchFloor", "bench-user", PASSWORD, newSalt(randomBytes)),
    srpServer: () => {
      const { b, B } = serverChallenge(verifier, randomBytes);
      return serverSessionKey(A, B, b, verifier);
    },
    tokenPair: () => Promise.all([webcrypto.subtle.sign(rsa, key.privateKey, ID_TOKEN_INPUT), webcrypto.subtle.sign(rsa, key.privateKey, ACCESS_TOKEN_INPUT)]),
    tokenPairSync: () => [sign("sha256", ID_TOKEN_INPUT, keyObject), sign("sha256", ACCESS_TOKEN_INPUT, keyObject)],
    clientTokenSignature: () => signRs256(key.kid, key.privateKey, { ...claims, jti: randomBytes(16).toString("hex") }),
    codeDigest: () => codeDigest(codesKey, POOL, "forgot-password", "u:bench-user", newCode()),
    outboxSeal: () => sealOutboxSecret(outboxKey, { pool: POOL, event: "ForgotPassword", username: "bench-user", destination: "bench-user@example.com" }, { code: newCode() }),
  };
}

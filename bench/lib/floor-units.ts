import { randomBytes, randomUUID } from "node:crypto";
import { codeDigest, newCode } from "../../src/crypto/codes.js";
import { signRs256 } from "../../src/crypto/jws.js";
import { newSigningKeyMaterial, signingKeyFrom } from "../../src/crypto/signing-keys.js";
import { challengeElements, clientComputeA, newSalt, readClientA, sessionKeyFromElements, verifierFromPassword } from "../../src/crypto/srp.js";
import { sealOutboxSecret } from "../../src/delivery/outbox-seal.js";

/**
 * The pieces of crypto an operation cannot do without, each done exactly as the server does it
 * (same functions, same library path). An operation's floor is a sum of these (operations.ts).
 */
export const FLOOR_UNITS = {
  verifier: "x = H(salt | H(pool | name : password)), v = g^x mod N: one 3072-bit group exponentiation with a 256-bit exponent (crypto/srp.ts verifierFromPassword, OpenSSL through modpow.ts)",
  srpServer: "the server's SRP: B = k·v + g^b, then u, S = (A·v^u)^b and HKDF (crypto/srp.ts challengeElements + sessionKeyFromElements, on the byte elements the flows hold: three exponentiations with 256-bit exponents)",
  tokenPair: "an id token and an access token, RS256 with the pool's 2048-bit key, made by crypto/jws.ts signRs256 as flows/tokens/issue-tokens.ts makes them (node:crypto; JSON and base64url included, a few µs)",
  clientTokenSignature: "one client access token made by crypto/jws.ts signRs256, as flows/m2m/client-token.ts makes it",
  codeDigest: "a 6-digit code and its keyed digest (crypto/codes.ts: HMAC-SHA-256)",
  outboxSeal: "one outbox entry sealed (delivery/outbox-seal.ts: AES-256-GCM)",
} as const;

export type FloorUnit = keyof typeof FLOOR_UNITS;

const POOL = "us-east-1_BenchFloor";
const PASSWORD = "Bench-Password-1";
/** Claims the size of a user pool's id and access tokens, and of a client's access token. */
const user = { sub: randomUUID(), "cognito:username": "bench-user", origin_jti: randomUUID(), event_id: randomUUID(), auth_time: 0, iss: `http://localhost:8080/${POOL}`, iat: 0, exp: 3600 };
const ID_TOKEN = { ...user, aud: "benchopsclient000000000000", email: "bench-user@example.com", email_verified: true, token_use: "id" };
const ACCESS_TOKEN = { ...user, client_id: "benchopsclient000000000000", token_use: "access", scope: "aws.cognito.signin.user.admin", username: "bench-user" };
const CLIENT_TOKEN = { sub: "bench-client", token_use: "access", scope: "https://orders/read", auth_time: 0, version: 2, client_id: "bench-client", iss: `http://localhost:8080/${POOL}`, iat: 0, exp: 3600 };

/** One unit of each kind, ready to run: keys made, verifier and client value computed. */
export async function floorWork(): Promise<Record<FloorUnit, () => unknown>> {
  const key = await signingKeyFrom(await newSigningKeyMaterial());
  const salt = newSalt(randomBytes);
  const verifier = verifierFromPassword("BenchFloor", "bench-user", PASSWORD, salt);
  const A = readClientA(clientComputeA(BigInt(`0x${randomBytes(32).toString("hex")}`)))!;
  const codesKey = randomBytes(32);
  const outboxKey = randomBytes(32);
  return {
    verifier: () => verifierFromPassword("BenchFloor", "bench-user", PASSWORD, newSalt(randomBytes)),
    srpServer: () => {
      const { b, B } = challengeElements(verifier, randomBytes);
      return sessionKeyFromElements(A, B, b, verifier);
    },
    tokenPair: () => [signRs256(key.kid, key.privateKey, { ...ID_TOKEN, jti: randomUUID() }), signRs256(key.kid, key.privateKey, { ...ACCESS_TOKEN, jti: randomUUID() })],
    clientTokenSignature: () => signRs256(key.kid, key.privateKey, { ...CLIENT_TOKEN, jti: randomUUID() }),
    codeDigest: () => codeDigest(codesKey, POOL, "forgot-password", "u:bench-user", newCode()),
    outboxSeal: () => sealOutboxSecret(outboxKey, { pool: POOL, event: "ForgotPassword", username: "bench-user", destination: "bench-user@example.com" }, { code: newCode() }),
  };
}

import { KeyObject, sign } from "node:crypto";
import type { webcrypto } from "node:crypto";

/** Each pool key as a node KeyObject, converted once per key. */
const keyObjects = new WeakMap<webcrypto.CryptoKey, KeyObject>();

/**
 * A compact JWS (RFC 7515 §7.1) with RS256 (RFC 7518 §3.3): base64url(header).base64url(claims),
 * signed with RSASSA-PKCS1-v1_5 over SHA-256, synchronously with node:crypto. It produces the very
 * bytes jose's SignJWT does for the same claims (PKCS#1 v1.5 signatures are deterministic; a unit
 * test compares them), for less CPU: jose goes through a WebCrypto job per signature, which
 * measured 0.39 ms of CPU against 0.29 ms here for a 2048-bit key — two signatures per sign-in.
 */
export function signRs256(kid: string, privateKey: webcrypto.CryptoKey, claims: Record<string, unknown>): string {
  let keyObject = keyObjects.get(privateKey);
  if (!keyObject) {
    keyObject = KeyObject.from(privateKey);
    keyObjects.set(privateKey, keyObject);
  }
  const input = `${base64url(JSON.stringify({ alg: "RS256", kid }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${sign("sha256", Buffer.from(input), keyObject).toString("base64url")}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

import type { webcrypto } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";

/** A pool's token signing key (RS256, as Cognito). The kid is the RFC 7638 thumbprint. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: webcrypto.CryptoKey;
  readonly publicJwk: JWK;
}

export interface SigningKeyMaterial {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function newSigningKeyMaterial(): Promise<SigningKeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(publicKey);
  const publicJwk: JWK = { kty: "RSA", n: exported.n!, e: exported.e!, alg: "RS256", use: "sig" };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateJwk: await exportJWK(privateKey), publicJwk: { ...publicJwk, kid } };
}

export async function signingKeyFrom(material: SigningKeyMaterial): Promise<SigningKey> {
  const privateKey = (await importJWK(material.privateJwk, "RS256")) as webcrypto.CryptoKey;
  return { kid: material.kid, privateKey, publicJwk: material.publicJwk };
}

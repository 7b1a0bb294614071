// Test fixtures for the token verifier: RSA keys, a real HTTP JWKS endpoint on a free port that
// counts its requests, and a signer for Cognito-shaped access tokens.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

export const ISSUER = "http://localhost:8080/us-east-1_UnitTest";
export const CLIENT_ID = "unitclient0000000000000001";

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function signingKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: "RS256", use: "sig" } };
}

/** A JWKS endpoint serving `keys` (mutable: rotate by assigning), counting requests. */
export class JwksServer {
  keys: SigningKey[] = [];
  requests = 0;
  failing = false;
  private server: Server | undefined;
  url = "";

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.requests++;
      if (this.failing) return void response.writeHead(503).end();
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/us-east-1_UnitTest/.well-known/jwks.json`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

export interface TokenShape {
  readonly claims?: Record<string, unknown>;
  readonly issuer?: string;
  readonly iat?: number;
  readonly lifetime?: number;
  readonly kid?: string;
}

/** A client-credentials access token as the pool issues them (docs/cognito.md §3.8 shape). */
export async function accessToken(key: SigningKey, shape: TokenShape = {}): Promise<string> {
  const iat = shape.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ client_id: CLIENT_ID, token_use: "access", scope: "orders/read orders/write", version: 2, ...shape.claims })
    .setProtectedHeader({ alg: "RS256", kid: shape.kid ?? key.kid })
    .setSubject(CLIENT_ID)
    .setIssuer(shape.issuer ?? ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (shape.lifetime ?? 3600))
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/** Flips one bit in the signature (the third part), keeping it valid base64url. */
export function tamperSignature(token: string): string {
  const [h, p, s] = token.split(".") as [string, string, string];
  const bytes = Buffer.from(s, "base64url");
  bytes[bytes.length - 1]! ^= 0x01;
  return `${h}.${p}.${bytes.toString("base64url")}`;
}

/** Replaces the payload (keeping header and signature): a forged claim set. */
export function tamperPayload(token: string, claims: Record<string, unknown>): string {
  const [h, p, s] = token.split(".") as [string, string, string];
  const payload = { ...JSON.parse(Buffer.from(p, "base64url").toString()), ...claims };
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
}

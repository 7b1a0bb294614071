// Shared by the machine-to-machine tests: a pool with resource servers and clients of every kind.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { ClientEntry, ConfigFile, PoolEntry } from "../../src/config/config-file.js";
import { ADMIN_TOKEN, sha256, type TestApp } from "./test-app.js";

export const M2M_POOL = "us-east-1_M2mPool1";
export const OTHER_POOL = "us-east-1_M2mOther1";
export const SECRET = "m2msecret0000000000000000000000000000000000000000000";
export const USER_PASSWORD = "Correct-Horse-1";

const id = (prefix: string) => prefix.padEnd(26, "0");
export const M2M = {
  /** ALLOW_CLIENT_TOKEN_AUTH and the client_credentials OAuth flow; orders read and write. */
  both: id("m2mboth"),
  /** GetClientToken only. */
  api: id("m2mapi"),
  /** The token endpoint only; a shorter token lifetime. */
  oauth: id("m2moauth"),
  /** A user client with a secret: no machine flows. */
  user: id("m2muser"),
  /** A public user client (no secret). */
  publicUser: id("m2mpublic"),
  /** A machine client of another pool. */
  other: id("m2mother"),
} as const;

const m2mClient = (clientId: string, extra: Partial<ClientEntry>): ClientEntry => ({
  clientId, name: clientId, secret: SECRET, allowedOauthScopes: ["https://orders/read", "https://orders/write"], ...extra,
});

export function m2mPool(triggers: Record<string, unknown> = {}): PoolEntry {
  return {
    id: M2M_POOL,
    name: "m2m",
    triggers,
    resourceServers: [
      { identifier: "https://orders", name: "orders", scopes: [{ scopeName: "read", scopeDescription: "read orders" }, { scopeName: "write", scopeDescription: "write orders" }, { scopeName: "audit", scopeDescription: "audit orders" }] },
      { identifier: "inventory", name: "inventory", scopes: [{ scopeName: "read", scopeDescription: "read stock" }] },
    ],
    clients: [
      m2mClient(M2M.both, { explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"], allowedOauthFlows: ["client_credentials"] }),
      m2mClient(M2M.api, { explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"] }),
      m2mClient(M2M.oauth, { allowedOauthFlows: ["client_credentials"], accessTokenValiditySeconds: 900 }),
      m2mClient(M2M.user, { explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], allowedOauthScopes: [] }),
      { clientId: M2M.publicUser, name: "public", explicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
    ],
  };
}

export function m2mConfig(triggers: Record<string, unknown> = {}): ConfigFile {
  return {
    adminCredentials: [{ tokenSha256: sha256(ADMIN_TOKEN), pools: "*" }],
    pools: [
      m2mPool(triggers),
      { id: OTHER_POOL, name: "other", resourceServers: [{ identifier: "https://orders", name: "orders", scopes: [{ scopeName: "read", scopeDescription: "read" }] }], clients: [m2mClient(M2M.other, { explicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH"], allowedOauthFlows: ["client_credentials"], allowedOauthScopes: ["https://orders/read"] })] },
    ],
  };
}

/** Verifies a token against the pool's published keys, at the test clock's time; returns its claims. */
export async function verifiedClaims(t: TestApp, poolId: string, token: string): Promise<JWTPayload> {
  const jwks = await t.auth.getJwks({ userPoolId: poolId, clientId: "" });
  if (jwks.result?.$case !== "success") throw new Error("GetJwks failed");
  const keys = jwks.result.value.keys.map((k) => ({ kty: k.kty, kid: k.kid, alg: k.alg, use: k.use, n: k.n, e: k.e }));
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet({ keys }), { issuer: `${t.config.issuerBaseUrl}/${poolId}`, algorithms: ["RS256"], currentDate: new Date(t.clock.now()) });
  if (protectedHeader.alg !== "RS256") throw new Error("not RS256");
  return payload;
}

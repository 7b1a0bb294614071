import { randomUUID } from "node:crypto";
import { sha256Hex } from "../../crypto/digest.js";
import { signRs256 } from "../../crypto/jws.js";
import type { AuthenticationResult } from "../../gen/identity/v1/common.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import type { TriggerError } from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import { accessTokenClaims, idTokenClaims, type ClaimCustomization, type TokenContext } from "./claims.js";
import { tokenCustomization } from "./pre-token-generation.js";

export function issuerOf(deps: Deps, poolId: string): string {
  return `${deps.settings.issuerBaseUrl}/${poolId}`;
}

/** Tokens, or the PreTokenGeneration error the operation answers instead (both are oneof arms). */
export type TokensOutcome = { readonly $case: "authenticationResult"; readonly value: AuthenticationResult } | TriggerError;

/**
 * A new sign-in: id, access and refresh tokens under a fresh origin_jti, shaped by the
 * PreTokenGeneration answer the caller already obtained (see tokenCustomization).
 */
export async function issueTokens(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord, customization: ClaimCustomization): Promise<AuthenticationResult> {
  const now = deps.clock();
  const originJti = randomUUID();
  const refreshToken = deps.random(32).toString("base64url");
  const event = { originJti, username: user.username, clientId: client.clientId, authTime: Math.floor(now / 1000), expiresAt: now + client.refreshTokenValiditySeconds * 1000 };
  await deps.stores.authEvents.put(pool.id, event, sha256Hex(refreshToken), now);
  const signed = await signPair(deps, pool.id, { issuer: issuerOf(deps, pool.id), client, user, originJti, eventId: randomUUID(), authTime: event.authTime, customization });
  return { ...signed, refreshToken };
}

/**
 * New id and access tokens for an existing sign-in (refresh): same origin_jti and auth_time, after
 * PreTokenGeneration with TokenGeneration_RefreshTokens (docs/cognito.md §3.4). A hook error means no tokens.
 */
export async function reissueTokens(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord, originJti: string, authTime: number): Promise<TokensOutcome> {
  const customized = await tokenCustomization(deps, pool, client, user, { source: "TokenGeneration_RefreshTokens" });
  if (!customized.ok) return customized.error;
  const context = { issuer: issuerOf(deps, pool.id), client, user, originJti, eventId: randomUUID(), authTime, customization: customized.customization };
  return { $case: "authenticationResult", value: { ...(await signPair(deps, pool.id, context)), refreshToken: "" } };
}

async function signPair(deps: Deps, poolId: string, context: TokenContext): Promise<Omit<AuthenticationResult, "refreshToken">> {
  const key = await deps.keyRing.keyOf(poolId);
  const issuedAt = Math.floor(deps.clock() / 1000);
  const sign = (claims: Record<string, unknown>, lifetime: number) =>
    signRs256(key.kid, key.privateKey, { ...claims, iss: context.issuer, iat: issuedAt, exp: issuedAt + lifetime, jti: randomUUID() });
  const idToken = sign(idTokenClaims(context), context.client.idTokenValiditySeconds);
  const accessToken = sign(accessTokenClaims(context), context.client.accessTokenValiditySeconds);
  return { idToken, accessToken, expiresIn: context.client.accessTokenValiditySeconds, tokenType: "Bearer" };
}

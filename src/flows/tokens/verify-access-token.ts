import { decodeJwt, errors, type JWTPayload } from "jose";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, type Failure } from "../outcome.js";
import { issuerOf } from "./issue-tokens.js";
import { verifyWithPoolKeys } from "./pool-keys.js";

export interface SignedInUser {
  readonly pool: PoolRecord;
  readonly user: UserRecord;
  readonly claims: JWTPayload;
}

/**
 * Checks an access token: signature with the pool's key, issuer, exp and iat present, expiry, nbf,
 * token_use, and that its sign-in (origin_jti) has not been revoked by GlobalSignOut, RevokeToken or
 * AdminDisableUser.
 */
export async function verifyAccessToken(deps: Deps, token: string): Promise<SignedInUser | Failure<"notAuthorized">> {
  const poolId = poolIdFromToken(deps, token);
  const pool = poolId === undefined ? undefined : await deps.stores.pools.get(poolId);
  if (!pool) return fail("notAuthorized", messages.invalidAccessToken);
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await verifyWithPoolKeys(deps, pool.id, token, {
      issuer: issuerOf(deps, pool.id),
      algorithms: ["RS256"],
      // Our tokens always carry both; one without is not ours to honour, however well signed. A
      // future nbf is refused by jwtVerify itself (RFC 7519 §4.1.5).
      requiredClaims: ["exp", "iat"],
      currentDate: new Date(deps.clock()),
    }));
  } catch (error) {
    return fail("notAuthorized", error instanceof errors.JWTExpired ? "Access Token has expired" : messages.invalidAccessToken);
  }
  if (claims.token_use !== "access" || typeof claims.origin_jti !== "string" || typeof claims.username !== "string") {
    return fail("notAuthorized", messages.invalidAccessToken);
  }
  const event = await deps.stores.authEvents.get(pool.id, claims.origin_jti);
  if (!event || event.username !== claims.username) return fail("notAuthorized", messages.tokenRevoked);
  const user = await deps.stores.users.get(pool.id, claims.username);
  if (!user || user.sub !== claims.sub) return fail("notAuthorized", messages.tokenRevoked);
  return { pool, user, claims };
}

/** The pool named by the token's issuer, if the issuer is ours. Nothing is trusted before jwtVerify. */
function poolIdFromToken(deps: Deps, token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    const prefix = `${deps.settings.issuerBaseUrl}/`;
    return typeof iss === "string" && iss.startsWith(prefix) ? iss.slice(prefix.length) : undefined;
  } catch {
    return undefined;
  }
}

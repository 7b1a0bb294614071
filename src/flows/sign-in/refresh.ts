import { sha256Hex } from "../../crypto/digest.js";
import type { ClientContext } from "../client-context.js";
import { checkSecretHash } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter } from "../outcome.js";
import { reissueTokens } from "../tokens/issue-tokens.js";
import type { AuthOutcome } from "./auth-outcome.js";

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN (docs/cognito.md §3.4): new id and access tokens with the original
 * auth_time and origin_jti; no new refresh token. SECRET_HASH is over the internal username.
 */
export async function refreshAuth(deps: Deps, { pool, client }: ClientContext, parameters: Record<string, string>, options: { readonly clientAuthenticated?: boolean } = {}): Promise<AuthOutcome> {
  const token = parameters.REFRESH_TOKEN ?? "";
  if (token === "") return invalidParameter("auth_parameters.REFRESH_TOKEN", messages.missingParameter("REFRESH_TOKEN"));
  // The token, its sign-in and its user in one store round trip.
  const grant = await deps.stores.authEvents.grantOf(pool.id, sha256Hex(token));
  if (grant === "revoked") return fail("notAuthorized", messages.refreshTokenRevoked);
  if (!grant || grant.event.clientId !== client.clientId) return fail("notAuthorized", messages.invalidRefreshToken);
  const { event } = grant;
  if (event.expiresAt <= deps.clock()) return fail("notAuthorized", "Refresh Token has expired");
  // The token endpoint authenticated the client with its secret itself: no SECRET_HASH then.
  const badHash = options.clientAuthenticated === true ? undefined : checkSecretHash(client, event.username, parameters.SECRET_HASH);
  if (badHash) return badHash;
  const user = grant.userRecord && deps.stores.users.decode(pool.id, event.username, grant.userRecord);
  if (!user) return fail("notAuthorized", messages.refreshTokenRevoked);
  if (!user.enabled) return fail("notAuthorized", messages.userDisabled);
  return reissueTokens(deps, pool, client, user, event.originJti, event.authTime);
}

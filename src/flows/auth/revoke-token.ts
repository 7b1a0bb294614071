import { sha256Hex } from "../../crypto/digest.js";
import { secretMatches } from "../m2m/client-secrets.js";
import type { RevokeTokenRequest, RevokeTokenResponse } from "../../gen/identity/v1/auth_service.js";
import { clientContext, isContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { clientId, firstProblem, limits, maxLength, required } from "../validation.js";

export type RevokeTokenOutcome = Outcome<RevokeTokenResponse>;

/**
 * RevokeToken (docs/cognito.md §2.11): revokes a refresh token and the access tokens of its sign-in. Unknown or
 * already revoked tokens succeed silently (RFC 7009 §2.2); a token of another client is refused; a
 * client with revocation turned off (enable_token_revocation false) gets unsupported_operation.
 */
export async function revokeToken(deps: Deps, request: RevokeTokenRequest): Promise<RevokeTokenOutcome> {
  const problem = firstProblem(clientId("client_id", request.clientId), required("token", request.token, limits.token), maxLength("client_secret", request.clientSecret, 128));
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return fail("unauthorized", messages.unauthorizedClient);
  const { pool, client } = context;
  if (client.secret !== undefined && !secretMatches(client, request.clientSecret, client.secret)) return fail("unauthorized", messages.unauthorizedClient);
  if (client.tokenRevocation === false) return fail("unsupportedOperation", messages.tokenRevocationDisabled);
  if (request.token.split(".").length === 3) return fail("unsupportedTokenType", messages.refreshTokenOnly);
  const grant = await deps.stores.authEvents.grantOf(pool.id, sha256Hex(request.token));
  if (grant === undefined || grant === "revoked") return success({});
  const { event } = grant;
  if (event.clientId !== client.clientId) return fail("unauthorized", messages.unauthorizedClient);
  await deps.stores.authEvents.revoke(pool.id, event);
  return success({});
}

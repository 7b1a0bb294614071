import type { AuthenticationResult } from "../../gen/identity/v1/common.js";
import { flowAllowed } from "../client-context.js";
import { credentialClient } from "./credential-client.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { refreshAuth } from "../sign-in/refresh.js";
import { limits } from "../validation.js";
import { standInSecret } from "./client-credentials.js";
import { secretMatches, secretsOf } from "./client-secrets.js";

export interface RefreshGrantRequest {
  readonly poolId: string;
  readonly clientId: string;
  /** Empty for a public client (one without a secret). */
  readonly secret: string;
  readonly refreshToken: string;
}

/** The token endpoint's refresh_token grant, in the RFC 6749 §5.2 terms the endpoint answers with. */
export type RefreshGrantOutcome =
  | { readonly $case: "tokens"; readonly value: AuthenticationResult }
  | { readonly $case: "invalidClient" | "unauthorizedClient" | "invalidGrant" | "invalidRequest"; readonly value: { readonly message: string } };

const refused = ($case: Exclude<RefreshGrantOutcome["$case"], "tokens">, message: string): RefreshGrantOutcome => ({ $case, value: { message } });

/**
 * grant_type=refresh_token (RFC 6749 §6): the client authenticates with its secret (or, without
 * one, its id alone), then REFRESH_TOKEN_AUTH runs as InitiateAuth runs it — SECRET_HASH is not
 * needed, the secret itself was shown.
 */
export async function refreshGrant(deps: Deps, request: RefreshGrantRequest): Promise<RefreshGrantOutcome> {
  if (request.clientId.length > limits.clientId || request.secret.length > 128) return refused("invalidClient", messages.invalidClientCredentials);
  if (request.refreshToken.length > limits.token) return refused("invalidRequest", "refresh_token is too long");
  const context = await credentialClient(deps, request.clientId);
  const client = context && context.client.poolId === request.poolId ? context.client : undefined;
  const standIn = standInSecret(deps);
  const authenticated = client !== undefined && (secretsOf(client).length === 0 ? request.secret === "" : secretMatches(client, request.secret, standIn));
  if (!authenticated || !context) return refused("invalidClient", messages.invalidClientCredentials);
  if (!flowAllowed(context.client, "ALLOW_REFRESH_TOKEN_AUTH")) return refused("unauthorizedClient", messages.flowNotEnabled("REFRESH_TOKEN_AUTH"));
  const outcome = await refreshAuth(deps, context, { REFRESH_TOKEN: request.refreshToken }, { clientAuthenticated: true });
  switch (outcome.$case) {
    case "authenticationResult":
      return { $case: "tokens", value: outcome.value };
    case "notAuthorized":
      return refused("invalidGrant", outcome.value.message);
    default:
      return refused("invalidRequest", "message" in outcome.value ? String(outcome.value.message) : "the refresh failed");
  }
}

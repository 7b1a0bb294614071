import type { ExplicitAuthFlow, OauthFlow } from "../../store/records.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "../outcome.js";
import { limits } from "../validation.js";

/** Cognito's ScopeType: 1-256 printable ASCII characters without space, `"` or `\`. */
export const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;

export interface OauthSettings {
  readonly allowedOauthFlows: readonly OauthFlow[];
  readonly allowedOauthScopes: readonly string[];
}

/**
 * The shape of a client's OAuth settings (Cognito's CreateUserPoolClient): ALLOW_CLIENT_TOKEN_AUTH is
 * the client's only flow (Cognito's GetClientToken page), scopes are well-formed and at most 50.
 * Whether the scopes exist and the client has a secret is the flow's check (clientOauthProblem).
 */
export function oauthSettingsFrom(flows: readonly ExplicitAuthFlow[], oauthFlows: readonly OauthFlow[], scopes: readonly string[]): OauthSettings | InvalidParameter {
  if (flows.includes("ALLOW_CLIENT_TOKEN_AUTH") && flows.some((f) => f !== "ALLOW_CLIENT_TOKEN_AUTH")) {
    return invalidParameter("settings.explicit_auth_flows", messages.clientTokenAuthAlone);
  }
  if (scopes.length > limits.oauthScopes) return invalidParameter("settings.allowed_oauth_scopes", `allowed_oauth_scopes has more than ${limits.oauthScopes} scopes`);
  const bad = scopes.find((scope) => !SCOPE_PATTERN.test(scope));
  if (bad !== undefined) return invalidParameter("settings.allowed_oauth_scopes", messages.malformedScope);
  return { allowedOauthFlows: [...new Set(oauthFlows)], allowedOauthScopes: [...new Set(scopes)] };
}

/** What settings that need a secret, or scopes the pool does not have, make of a client. */
export function clientOauthProblem(
  settings: OauthSettings & { readonly explicitAuthFlows: readonly ExplicitAuthFlow[] },
  hasSecret: boolean,
  poolScopes: ReadonlySet<string>,
): Failure<"invalidOauthFlow" | "scopeDoesNotExist"> | undefined {
  if (!hasSecret && settings.allowedOauthFlows.includes("client_credentials")) return fail("invalidOauthFlow", messages.clientCredentialsNeedSecret);
  if (!hasSecret && settings.explicitAuthFlows.includes("ALLOW_CLIENT_TOKEN_AUTH")) return fail("invalidOauthFlow", messages.clientTokenAuthNeedsSecret);
  const missing = settings.allowedOauthScopes.find((scope) => !poolScopes.has(scope));
  return missing === undefined ? undefined : fail("scopeDoesNotExist", messages.scopeDoesNotExist(missing));
}

import { randomUUID } from "node:crypto";
import { signRs256 } from "../../crypto/jws.js";
import type { ClientAuthenticationResult } from "../../gen/identity/v1/m2m.js";
import type { ClientRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { PROTECTED_CLAIMS } from "../tokens/claims.js";
import { issuerOf } from "../tokens/issue-tokens.js";

/** What PreTokenGeneration made of a client's token: its scopes and extra claims. */
export interface ClientTokenCustomization {
  readonly scopes: readonly string[];
  readonly addOrOverride: Readonly<Record<string, unknown>>;
  readonly suppress: readonly string[];
}

/** Claims a hook cannot touch in a client's token, beyond the user tokens' protected ones: scopes change only through scopesToAdd/scopesToSuppress. */
const CLIENT_TOKEN_PROTECTED: ReadonlySet<string> = new Set([...PROTECTED_CLAIMS, "scope", "client_id", "version", "username"]);

/**
 * A client's access token (Cognito's client-credentials token): `sub` and `client_id` are the
 * client id, `scope` the granted scopes space-separated (RFC 6749 §3.3), no username and no groups;
 * `auth_time` is the issue time, as in Cognito's machine-to-machine tokens. One RS256 signature.
 */
export async function signClientToken(deps: Deps, poolId: string, client: ClientRecord, customization: ClientTokenCustomization): Promise<ClientAuthenticationResult> {
  const key = await deps.keyRing.keyOf(poolId);
  const issuedAt = Math.floor(deps.clock() / 1000);
  const claims: Record<string, unknown> = {
    sub: client.clientId,
    token_use: "access",
    scope: customization.scopes.join(" "),
    auth_time: issuedAt,
    version: 2,
    client_id: client.clientId,
  };
  for (const [name, value] of Object.entries(customization.addOrOverride)) if (!CLIENT_TOKEN_PROTECTED.has(name)) claims[name] = value;
  for (const name of customization.suppress) if (!CLIENT_TOKEN_PROTECTED.has(name)) delete claims[name];
  claims.iss = issuerOf(deps, poolId);
  claims.iat = issuedAt;
  claims.exp = issuedAt + client.accessTokenValiditySeconds;
  claims.jti = randomUUID();
  const accessToken = signRs256(key.kid, key.privateKey, claims);
  return { accessToken, expiresIn: client.accessTokenValiditySeconds, tokenType: "Bearer" };
}

import { createHmac } from "node:crypto";
import type { GetClientTokenResponse } from "../../gen/identity/v1/m2m.js";
import type { ClientRecord } from "../../store/records.js";
import type { StringMap } from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, type Outcome } from "../outcome.js";
import { firstProblem, limits, maxLength, required, stringMap } from "../validation.js";
import { invalidParameter } from "../outcome.js";
import { SCOPE_PATTERN } from "../admin/oauth-settings.js";
import { secretMatches } from "./client-secrets.js";
import { credentialClient } from "./credential-client.js";
import { signClientToken } from "./client-token.js";
import { clientTokenCustomization } from "./client-token-trigger.js";
import { poolScopes } from "./pool-scopes.js";

export type ClientCredentialsOutcome = Outcome<GetClientTokenResponse>;

/** Which door the request came through: each has its own switch on the client (Cognito's model). */
export type ClientCredentialsChannel = "GetClientToken" | "token_endpoint";

export interface ClientCredentialsRequest {
  readonly channel: ClientCredentialsChannel;
  /** The token endpoint's path names a pool: a client of another pool is answered as unknown. */
  readonly poolId?: string;
  readonly clientId: string;
  readonly secret: string;
  /** Empty: every scope the client is allowed. */
  readonly scopes: readonly string[];
  readonly clientMetadata: StringMap | undefined;
}

/** Longest secret accepted: Cognito's custom secrets are 24-64 characters, generated ones 52. */
const MAX_SECRET = 128;

/**
 * The client-credentials grant (RFC 6749 §4.4; Cognito's GetClientToken and its token endpoint),
 * one implementation for both doors. Order matters for what an answer reveals: the secret is
 * checked before anything about the client is said, and an unknown client gets exactly what a
 * wrong secret gets, after the same comparison work.
 */
export async function clientCredentialsGrant(deps: Deps, request: ClientCredentialsRequest): Promise<ClientCredentialsOutcome> {
  const problem = firstProblem(
    required("client_id", request.clientId, limits.clientId),
    required("secret", request.secret, MAX_SECRET),
    request.clientMetadata ? stringMap("client_metadata", request.clientMetadata) : undefined,
    scopesProblem(request.scopes),
  );
  if (problem) return problem;
  const context = await credentialClient(deps, request.clientId);
  const client = context && (request.poolId === undefined || context.client.poolId === request.poolId) ? context.client : undefined;
  if (!secretMatches(client, request.secret, standInSecret(deps)) || !client || !context) {
    return fail("notAuthorized", messages.invalidClientCredentials);
  }
  if (!channelEnabled(client, request.channel)) {
    return fail("invalidOauthFlow", request.channel === "GetClientToken" ? messages.clientTokenNotEnabled : messages.clientCredentialsNotEnabled);
  }
  const granted = await grantedScopes(deps, client, request.scopes);
  if (!Array.isArray(granted)) return granted;
  const customized = await clientTokenCustomization(deps, context.pool, client, granted, request.clientMetadata);
  if (!customized.ok) return customized.error;
  return { $case: "success", value: await signClientToken(deps, context.pool.id, client, customized.customization) };
}

function scopesProblem(scopes: readonly string[]) {
  if (scopes.length > limits.oauthScopes) return invalidParameter("scopes", `1 validation error detected: Value at 'scopes' failed to satisfy constraint: Member must have length less than or equal to ${limits.oauthScopes}`);
  const bad = scopes.find((s) => maxLength("scopes", s, 256) !== undefined || !SCOPE_PATTERN.test(s));
  return bad === undefined ? undefined : invalidParameter("scopes", messages.malformedScope);
}

function channelEnabled(client: ClientRecord, channel: ClientCredentialsChannel): boolean {
  return channel === "GetClientToken" ? client.explicitAuthFlows.includes("ALLOW_CLIENT_TOKEN_AUTH") : client.allowedOauthFlows.includes("client_credentials");
}

/**
 * What the client may have: its allowed scopes that a resource server still defines. A requested
 * scope outside that is refused (RFC 6749 §5.2 invalid_scope); none requested means all of them.
 */
async function grantedScopes(deps: Deps, client: ClientRecord, requested: readonly string[]): Promise<string[] | ReturnType<typeof fail<"scopeDoesNotExist">>> {
  const existing = await poolScopes(deps, client.poolId);
  const allowed = client.allowedOauthScopes.filter((s) => existing.has(s));
  for (const scope of requested) {
    if (!existing.has(scope)) return fail("scopeDoesNotExist", messages.scopeDoesNotExist(scope));
    if (!allowed.includes(scope)) return fail("scopeDoesNotExist", messages.scopeNotAllowed(scope));
  }
  const granted = requested.length > 0 ? [...new Set(requested)] : allowed;
  return granted.length > 0 ? granted : fail("scopeDoesNotExist", messages.noScopesAllowed);
}

const standIns = new WeakMap<Buffer, string>();

/**
 * What a request naming an unknown client (or one without a secret) is compared with, so it does
 * the comparison a known client's does: derived once from the server secret, never a real secret.
 */
export function standInSecret(deps: Deps): string {
  let standIn = standIns.get(deps.keys.simulation);
  if (standIn === undefined) {
    standIn = createHmac("sha256", deps.keys.simulation).update("client-secret-stand-in").digest("base64url");
    standIns.set(deps.keys.simulation, standIn);
  }
  return standIn;
}

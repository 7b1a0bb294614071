import type { ClientRecord, UserRecord } from "../../store/records.js";

/** Attributes that are booleans in the id token (strings "true"/"false" in the user record). */
const BOOLEAN_ATTRIBUTES = new Set(["email_verified", "phone_number_verified"]);

/**
 * Claims PreTokenGeneration cannot change (docs/cognito.md §3.8, Cognito's pre-token-generation guide), plus the
 * group claims, which only groupOverrideDetails sets. Attempts are ignored, not errors [INFERRED].
 */
export const PROTECTED_CLAIMS: ReadonlySet<string> = new Set([
  "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat", "identities",
  "iss", "jti", "nbf", "nonce", "origin_jti", "sub", "token_use",
  "cognito:groups", "cognito:roles", "cognito:preferred_role",
]);

/** The user's groups as the tokens carry them; `groups` empty means no cognito:groups claim. */
export interface GroupClaims {
  readonly groups: readonly string[];
  readonly roles: readonly string[];
  readonly preferredRole: string | undefined;
}

/** What PreTokenGeneration (V1) asked for: id-token edits and, optionally, replacement groups. */
export interface ClaimCustomization {
  readonly addOrOverride: Readonly<Record<string, string>>;
  readonly suppress: readonly string[];
  /** Replaces the user's groups in both tokens; undefined leaves them as they are. */
  readonly groups: GroupClaims | undefined;
}

export const NO_CUSTOMIZATION: ClaimCustomization = { addOrOverride: {}, suppress: [], groups: undefined };

/** No groups: what a user in no group has, and what groupOverrideDetails null gives. */
export const NO_GROUPS: GroupClaims = { groups: [], roles: [], preferredRole: undefined };

export interface TokenContext {
  readonly issuer: string;
  readonly client: ClientRecord;
  readonly user: UserRecord;
  readonly originJti: string;
  readonly eventId: string;
  /** Seconds since the epoch of the original sign-in (unchanged on refresh). */
  readonly authTime: number;
  readonly customization: ClaimCustomization;
}

/** The id token's claims (docs/cognito.md §3.8): the user's attributes plus Cognito's fixed claims. */
export function idTokenClaims(context: TokenContext): Record<string, unknown> {
  const attributes = Object.fromEntries(
    Object.entries(context.user.attributes).map(([name, value]) => [name, BOOLEAN_ATTRIBUTES.has(name) ? value === "true" : value]),
  );
  const base = {
    ...attributes,
    sub: context.user.sub,
    aud: context.client.clientId,
    event_id: context.eventId,
    token_use: "id",
    auth_time: context.authTime,
    "cognito:username": context.user.username,
    origin_jti: context.originJti,
  };
  const groups = groupsOf(context);
  return {
    ...customized(base, context.customization),
    ...groupClaim(groups),
    ...(groups.roles.length > 0 ? { "cognito:roles": [...groups.roles] } : {}),
    ...(groups.preferredRole ? { "cognito:preferred_role": groups.preferredRole } : {}),
  };
}

/** The access token's claims (docs/cognito.md §3.8); PreTokenGeneration V1 changes only its groups (§5.12). */
export function accessTokenClaims(context: TokenContext): Record<string, unknown> {
  return {
    sub: context.user.sub,
    ...groupClaim(groupsOf(context)),
    version: 2,
    client_id: context.client.clientId,
    origin_jti: context.originJti,
    event_id: context.eventId,
    token_use: "access",
    scope: "aws.cognito.signin.user.admin",
    auth_time: context.authTime,
    username: context.user.username,
  };
}

/** Add/override, then suppress: suppress wins (§5.12); protected claims are never touched. */
export function customized(claims: Record<string, unknown>, customization: ClaimCustomization): Record<string, unknown> {
  const out: Record<string, unknown> = { ...claims };
  for (const [name, value] of Object.entries(customization.addOrOverride)) {
    if (!PROTECTED_CLAIMS.has(name)) out[name] = value;
  }
  for (const name of customization.suppress) {
    if (!PROTECTED_CLAIMS.has(name)) delete out[name];
  }
  return out;
}

function groupsOf(context: TokenContext): GroupClaims {
  return context.customization.groups ?? NO_GROUPS;
}

function groupClaim(groups: GroupClaims): Record<string, unknown> {
  return groups.groups.length > 0 ? { "cognito:groups": [...groups.groups] } : {};
}

import type { ClientRecord, UserRecord } from "../../store/records.js";

/** Attributes that are booleans in the id token (strings "true"/"false" in the user record). */
const BOOLEAN_ATTRIBUTES = new Set(["email_verified", "phone_number_verified"]);

export interface TokenContext {
  readonly issuer: string;
  readonly client: ClientRecord;
  readonly user: UserRecord;
  readonly originJti: string;
  readonly eventId: string;
  /** Seconds since the epoch of the original sign-in (unchanged on refresh). */
  readonly authTime: number;
}

/** The id token's claims (spec §3.8): the user's attributes plus Cognito's fixed claims. */
export function idTokenClaims(context: TokenContext): Record<string, unknown> {
  const attributes = Object.fromEntries(
    Object.entries(context.user.attributes).map(([name, value]) => [name, BOOLEAN_ATTRIBUTES.has(name) ? value === "true" : value]),
  );
  return {
    ...attributes,
    sub: context.user.sub,
    aud: context.client.clientId,
    event_id: context.eventId,
    token_use: "id",
    auth_time: context.authTime,
    "cognito:username": context.user.username,
    origin_jti: context.originJti,
  };
}

/** The access token's claims (spec §3.8). */
export function accessTokenClaims(context: TokenContext): Record<string, unknown> {
  return {
    sub: context.user.sub,
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

/** Domain records the store reads and writes. No wire types here: src/api maps them to the contract. */

export type UsernameAttribute = "email" | "phone_number";
export type AliasAttribute = "email" | "phone_number" | "preferred_username";
export type VerifiableAttribute = "email" | "phone_number";
export type RecoveryMechanism = "verified_email" | "verified_phone_number" | "admin_only";
export type ExistenceMode = "LEGACY" | "ENABLED" | "STRICT";
export type ExplicitAuthFlow =
  | "ALLOW_USER_SRP_AUTH"
  | "ALLOW_USER_PASSWORD_AUTH"
  | "ALLOW_ADMIN_USER_PASSWORD_AUTH"
  | "ALLOW_CUSTOM_AUTH"
  | "ALLOW_REFRESH_TOKEN_AUTH"
  | "ALLOW_CLIENT_TOKEN_AUTH";
/** OAuth grants of the token endpoint (Cognito's AllowedOAuthFlows); only the machine-to-machine one exists here. */
export type OauthFlow = "client_credentials";
export type UserStatus = "UNCONFIRMED" | "CONFIRMED" | "RESET_REQUIRED" | "FORCE_CHANGE_PASSWORD";

export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireUppercase: boolean;
  readonly requireLowercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
  readonly temporaryPasswordValidityDays: number;
}

export interface PoolRecord {
  readonly id: string;
  readonly name: string;
  readonly usernameAttributes: readonly UsernameAttribute[];
  readonly aliasAttributes: readonly AliasAttribute[];
  readonly autoVerifiedAttributes: readonly VerifiableAttribute[];
  readonly caseSensitive: boolean;
  readonly passwordPolicy: PasswordPolicy;
  readonly accountRecovery: readonly RecoveryMechanism[];
  /** Requests per second by quota category, where the pool departs from the defaults. */
  readonly requestRateQuotas?: Readonly<Record<string, number>> | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One of an app client's secrets (at most two: rotation). */
export interface ClientSecretEntry {
  readonly id: string;
  readonly value: string;
  readonly createdAt: number;
}

export interface ClientRecord {
  readonly poolId: string;
  readonly clientId: string;
  readonly name: string;
  /** The secret in clear (the store seals it at rest); undefined when the client has none. */
  readonly secret: string | undefined;
  /** Every active secret, oldest first, when the client has rotated; `secret` is then the first (see flows/m2m/client-secrets.ts). */
  readonly secrets?: readonly ClientSecretEntry[] | undefined;
  readonly explicitAuthFlows: readonly ExplicitAuthFlow[];
  readonly existenceMode: ExistenceMode;
  readonly accessTokenValiditySeconds: number;
  readonly idTokenValiditySeconds: number;
  readonly refreshTokenValiditySeconds: number;
  readonly authSessionValidityMinutes: number;
  /** Grants the token endpoint accepts from this client (empty for clients stored before they existed). */
  readonly allowedOauthFlows: readonly OauthFlow[];
  /** `<resource server identifier>/<scope name>` the client may be granted. */
  readonly allowedOauthScopes: readonly string[];
  /** RevokeToken is allowed (Cognito's EnableTokenRevocation); records written before it existed: true. */
  readonly tokenRevocation?: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface UserRecord {
  /** Internal username: chosen by the user, or a generated UUID in pools with username_attributes. */
  readonly username: string;
  readonly sub: string;
  readonly status: UserStatus;
  readonly enabled: boolean;
  /** Attribute values as strings (Cognito's model), without sub. */
  readonly attributes: Readonly<Record<string, string>>;
  /** SRP salt and verifier (docs/cognito.md §4.4); absent for imported users, who have no password yet. */
  readonly salt: string | undefined;
  readonly verifier: string | undefined;
  /**
   * True when the salt and verifier are the canonical username's SRP identity (docs/existence.md §4):
   * the salt derived from that name, the verifier computed over it, so that the record is the
   * username's identity verifier. Absent on records from before: a random salt, over `username` as stored.
   */
  readonly credentialsOverCanonicalName?: boolean | undefined;
  /** When the current password was set: temporary passwords expire from here. */
  readonly passwordSetAt: number | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Bumped on every write; updates are compare-and-set on it. */
  readonly version: number;
}

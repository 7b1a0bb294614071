import { configFileProblems } from "./config-file-check.js";
import { ConfigError, readConfigText } from "./problems.js";

/**
 * The optional config file (IDP_CONFIG): pools, their app clients and triggers, and admin
 * credentials, applied idempotently at start-up. Example: config/demo.json.
 */
export interface ConfigFile {
  /** Bearer-token digests or client-certificate identities, each with its pools (admin-credentials.ts). */
  readonly adminCredentials?: readonly AdminCredentialEntry[];
  readonly pools?: readonly PoolEntry[];
  /** SigV4 access keys of the AWS JSON endpoint (src/aws-json/access-keys.ts). */
  readonly awsAccessKeys?: readonly { readonly accessKeyId: string; readonly secretAccessKey: string; readonly pools?: readonly string[] | "*" }[];
}

export type AdminCredentialEntry =
  | { readonly tokenSha256: string; readonly pools?: readonly string[] | "*" }
  | { readonly certificate: { readonly uri: string } | { readonly dns: string } | { readonly cn: string } | "any"; readonly pools?: readonly string[] | "*" };

export interface PoolEntry {
  readonly id: string;
  readonly name: string;
  readonly settings?: {
    readonly usernameAttributes?: readonly string[];
    readonly aliasAttributes?: readonly string[];
    readonly autoVerifiedAttributes?: readonly string[];
    readonly usernameCaseSensitive?: boolean;
    readonly passwordPolicy?: Record<string, number | boolean>;
    readonly accountRecovery?: readonly string[];
    /** Requests per second by category, camelCase (`userAuthentication`), docs/quotas.md. */
    readonly requestRateQuotas?: Readonly<Record<string, number>>;
  };
  /** Trigger name → `{ module }` or `{ endpoint }` (see src/triggers). */
  readonly triggers?: Record<string, unknown>;
  /** Resource servers and their scopes, applied before the clients that are allowed them. */
  readonly resourceServers?: readonly ResourceServerEntry[];
  readonly clients?: readonly ClientEntry[];
}

export interface ResourceServerEntry {
  readonly identifier: string;
  readonly name: string;
  readonly scopes?: readonly { readonly scopeName: string; readonly scopeDescription: string }[];
}

export interface ClientEntry {
  readonly clientId: string;
  readonly name: string;
  /** A fixed secret (SECRET_HASH then required); none when absent. */
  readonly secret?: string;
  readonly explicitAuthFlows?: readonly string[];
  readonly preventUserExistenceErrors?: "LEGACY" | "ENABLED" | "STRICT";
  readonly accessTokenValiditySeconds?: number;
  readonly idTokenValiditySeconds?: number;
  readonly refreshTokenValiditySeconds?: number;
  readonly authSessionValidityMinutes?: number;
  /** OAuth grants of the token endpoint: ["client_credentials"] (needs `secret`). */
  readonly allowedOauthFlows?: readonly string[];
  /** `<resource server identifier>/<scope name>` of this pool's resource servers. */
  readonly allowedOauthScopes?: readonly string[];
  /** RevokeToken allowed (default true). */
  readonly enableTokenRevocation?: boolean;
}

/** Reads and checks the file; a ConfigError lists every problem (unreadable, not JSON, unknown settings). */
export function readConfigFile(path: string): ConfigFile {
  const text = readConfigText(path, "IDP_CONFIG");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`IDP_CONFIG: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const problems = configFileProblems(parsed);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `IDP_CONFIG ${path}: ${p}`));
  return parsed as ConfigFile;
}

import { readFileSync } from "node:fs";

/**
 * The optional config file (IDP_CONFIG): pools, their app clients and triggers, and admin
 * credentials, applied idempotently at start-up. Example: config/demo.json.
 */
export interface ConfigFile {
  readonly adminCredentials?: readonly { readonly tokenSha256: string; readonly pools?: readonly string[] | "*" }[];
  readonly pools?: readonly PoolEntry[];
}

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
  };
  /** Trigger name → `{ module }` or `{ endpoint }` (see src/triggers). */
  readonly triggers?: Record<string, unknown>;
  readonly clients?: readonly ClientEntry[];
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
}

export function readConfigFile(path: string): ConfigFile {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${path}: the config file must hold a JSON object`);
  return parsed as ConfigFile;
}

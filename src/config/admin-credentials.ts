import type { AdminCredential, PoolScope } from "../api/admin-auth.js";
import type { CertificateName } from "../tls/peer-identity.js";
import type { Config } from "./config.js";
import type { ConfigFile } from "./config-file.js";

/**
 * The admin credentials in force: ADMIN_TOKEN_SHA256 digests (all pools) and the config file's
 * `adminCredentials`, each either `{ "tokenSha256": … }` or `{ "certificate": { "uri" | "dns" | "cn": … } }`
 * (or `"certificate": "any"`: every certificate the client CA verifies), with `pools` (default "*").
 * A certificate credential without a client CA configured could never match: that is a start error.
 */
export function adminCredentials(config: Config, file: ConfigFile | undefined): AdminCredential[] {
  const fromEnv = config.adminTokenHashes.map((tokenSha256) => ({ tokenSha256, pools: "*" as const }));
  const fromFile = (file?.adminCredentials ?? []).map((entry, i) => adminCredentialFrom(entry as unknown, `adminCredentials[${i}]`));
  if (fromFile.some((c) => "certificate" in c) && !config.tls?.clientCaFile) {
    throw new Error("adminCredentials name client certificates, but TLS_CLIENT_CA_FILE is not set: no certificate could be verified");
  }
  return [...fromEnv, ...fromFile];
}

/** One `adminCredentials` entry, checked; throws naming `where` and what is wrong. */
export function adminCredentialFrom(entry: unknown, where: string): AdminCredential {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new Error(`${where}: must be an object`);
  const record = entry as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((k) => !["tokenSha256", "certificate", "pools"].includes(k));
  if (unknownKeys.length > 0) throw new Error(`${where}: unknown setting ${JSON.stringify(unknownKeys[0])} (known: tokenSha256, certificate, pools)`);
  const pools = poolScope(record.pools, where);
  if ("tokenSha256" in record === "certificate" in record) throw new Error(`${where}: needs exactly one of tokenSha256 or certificate`);
  if ("tokenSha256" in record) {
    if (typeof record.tokenSha256 !== "string" || !/^[0-9a-f]{64}$/i.test(record.tokenSha256)) throw new Error(`${where}.tokenSha256: must be 64 hex characters`);
    return { tokenSha256: record.tokenSha256, pools };
  }
  return { certificate: certificateName(record.certificate, `${where}.certificate`), pools };
}

function certificateName(value: unknown, where: string): CertificateName | "any" {
  if (value === "any") return "any";
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${where}: must be "any" or one of { "uri" | "dns" | "cn": "…" }`);
  const entries = Object.entries(value as Record<string, unknown>);
  const [kind, name] = entries[0] ?? [];
  if (entries.length !== 1 || (kind !== "uri" && kind !== "dns" && kind !== "cn")) throw new Error(`${where}: must hold exactly one of uri, dns, cn`);
  if (typeof name !== "string" || name.length === 0 || name.length > 1024) throw new Error(`${where}.${kind}: must be a string of 1 to 1024 characters`);
  if (kind === "uri") return { uri: name };
  if (kind === "dns") return { dns: name };
  return { cn: name };
}

function poolScope(value: unknown, where: string): PoolScope {
  if (value === undefined || value === "*") return "*";
  if (!Array.isArray(value) || value.length > 1000 || !value.every((p) => typeof p === "string" && p.length > 0 && p.length <= 55)) {
    throw new Error(`${where}.pools: must be "*" or a list of user pool ids`);
  }
  return value as string[];
}

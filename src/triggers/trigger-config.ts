// The `triggers` object of a pool in the server's JSON config file, validated once at start-up:
//
//   "triggers": {
//     "PreSignUp":         { "module": "./examples/triggers/pre-sign-up.mjs", "timeoutMs": 5000 },
//     "CustomMessage":     { "module": "/opt/hooks/messages.cjs", "handler": "customMessage" },
//     "PreAuthentication": { "endpoint": "127.0.0.1:7070", "insecure": true },
//     "UserMigration":     { "endpoint": "migrate.internal:443", "timeoutMs": 3000,
//                            "tls": { "caFile": "/etc/identity/hooks-ca.pem",
//                                     "certFile": "/etc/identity/hooks-client.pem", "keyFile": "/etc/identity/hooks-client.key" },
//                            "bearerTokenFile": "/run/secrets/migrate-token" }
//   }
//
// Keys are TriggerName values; each entry has exactly one of `module` (in-process, path relative to
// the config file's directory unless absolute; optional `handler`, default "handler") or `endpoint`
// (remote TriggerService "host:port"). A remote trigger needs exactly one of:
// - `tls`: `true` (the system's roots) or `{ caFile?, certFile?, keyFile?, serverName? }` — the CA to
//   trust instead of the system's roots, a client certificate (certFile and keyFile together), and the
//   name to expect in the server's certificate when it is not the endpoint's host;
// - `insecure: true`: plaintext, logged as a warning at start; never for UserMigration (its event
//   carries the user's password) unless the endpoint is loopback.
// Optional `bearerTokenFile` or `bearerTokenEnv` names where the token sent as `authorization: Bearer
// <token>` on every call is read from at start; a token never goes over plaintext off loopback.
// `timeoutMs` (integer 1..60000, default 5000) is the time box. Unknown keys are errors, so typos
// fail at start-up. Relative file paths resolve like module paths.
import { isIP } from "node:net";
import { TRIGGER_NAMES, type TriggerName } from "./trigger.js";

/** TLS to a remote TriggerService: the CA to trust (system roots without), an optional client certificate. */
export interface RemoteTls {
  readonly caFile?: string;
  readonly certFile?: string;
  readonly keyFile?: string;
  /** The name the server's certificate must carry, when it is not the endpoint's host. */
  readonly serverName?: string;
}

export interface RemoteTarget {
  readonly endpoint: string;
  readonly tls?: RemoteTls;
  /** Plaintext, chosen explicitly. Exactly one of `tls` and `insecure` is set. */
  readonly insecure?: true;
  readonly bearerTokenFile?: string;
  readonly bearerTokenEnv?: string;
}

export type TriggerTarget = { readonly module: string; readonly handler?: string } | RemoteTarget;
export type TriggerConfig = TriggerTarget & { readonly timeoutMs?: number };
export type PoolTriggersConfig = { readonly [N in TriggerName]?: TriggerConfig };

export const MAX_TIMEOUT_MS = 60_000;

/** A config error: thrown at start-up, never while serving. */
export class TriggerConfigError extends Error {
  readonly code = "TRIGGER_CONFIG_INVALID";
  override readonly name = "TriggerConfigError";
}

/** Validates a pool's `triggers` value; `where` names it in error messages (e.g. "pools[0].triggers"). */
export function parseTriggersConfig(value: unknown, where = "triggers"): PoolTriggersConfig {
  if (value === undefined) return {};
  const entries = Object.entries(asObject(value, where));
  const out: Partial<Record<TriggerName, TriggerConfig>> = {};
  for (const [name, entry] of entries) {
    if (!(TRIGGER_NAMES as readonly string[]).includes(name)) fail(`${where}: unknown trigger ${JSON.stringify(name)}`);
    out[name as TriggerName] = parseEntry(name as TriggerName, entry, `${where}.${name}`);
  }
  return out;
}

/** The registry's input from the config file's `pools` array: pool id → its validated triggers. */
export function triggersByPool(
  pools: readonly { readonly id: string; readonly triggers?: unknown }[],
): Record<string, PoolTriggersConfig> {
  return Object.fromEntries(pools.map((pool, i) => [pool.id, parseTriggersConfig(pool.triggers, `pools[${i}].triggers`)]));
}

function parseEntry(name: TriggerName, value: unknown, where: string): TriggerConfig {
  const entry = asObject(value, where);
  const timeoutMs = optionalTimeout(entry.timeoutMs, `${where}.timeoutMs`);
  const timeout = timeoutMs === undefined ? {} : { timeoutMs };
  if ("module" in entry === "endpoint" in entry) fail(`${where}: needs exactly one of "module" or "endpoint"`);
  if ("module" in entry) {
    allowKeys(entry, ["module", "handler", "timeoutMs"], where);
    const handler = entry.handler === undefined ? {} : { handler: text(entry.handler, `${where}.handler`) };
    return { module: text(entry.module, `${where}.module`), ...handler, ...timeout };
  }
  return { ...parseRemote(name, entry, where), ...timeout };
}

function parseRemote(name: TriggerName, entry: Record<string, unknown>, where: string): RemoteTarget {
  allowKeys(entry, ["endpoint", "tls", "insecure", "bearerTokenFile", "bearerTokenEnv", "timeoutMs"], where);
  const endpoint = text(entry.endpoint, `${where}.endpoint`);
  if (entry.insecure !== undefined && typeof entry.insecure !== "boolean") fail(`${where}.insecure: must be a boolean`);
  const tls = parseTls(entry.tls, `${where}.tls`);
  const insecure = entry.insecure === true;
  if (tls && insecure) fail(`${where}: "tls" and "insecure" exclude each other`);
  if (!tls && !insecure) fail(`${where}: a remote trigger needs "tls" (e.g. { "caFile": "ca.pem" }), or "insecure": true for plaintext`);
  const loopback = isLoopbackEndpoint(endpoint);
  if (insecure && name === "UserMigration" && !loopback) {
    fail(`${where}: UserMigration sends the user's password, so plaintext ("insecure": true) is allowed only to a loopback endpoint`);
  }
  if (entry.bearerTokenFile !== undefined && entry.bearerTokenEnv !== undefined) fail(`${where}: "bearerTokenFile" and "bearerTokenEnv" exclude each other`);
  const token = entry.bearerTokenFile !== undefined ? { bearerTokenFile: text(entry.bearerTokenFile, `${where}.bearerTokenFile`) }
    : entry.bearerTokenEnv !== undefined ? { bearerTokenEnv: text(entry.bearerTokenEnv, `${where}.bearerTokenEnv`) } : {};
  if (insecure && Object.keys(token).length > 0 && !loopback) fail(`${where}: a bearer token is never sent in plaintext off loopback; use "tls"`);
  return { endpoint, ...(tls ? { tls } : { insecure: true as const }), ...token };
}

function parseTls(value: unknown, where: string): RemoteTls | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  const tls = asObject(value, where);
  allowKeys(tls, ["caFile", "certFile", "keyFile", "serverName"], where);
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) fail(`${where}: "certFile" and "keyFile" go together`);
  const out: { -readonly [K in keyof RemoteTls]: string } = {};
  for (const key of ["caFile", "certFile", "keyFile", "serverName"] as const) {
    if (tls[key] !== undefined) out[key] = text(tls[key], `${where}.${key}`);
  }
  return out;
}

/** Whether "host:port" names this machine: localhost, 127.0.0.0/8 or ::1 (bracketed or not). */
export function isLoopbackEndpoint(endpoint: string): boolean {
  const target = endpoint.replace(/^(dns|ipv4|ipv6):(\/\/\/)?/, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(target);
  const host = bracketed ? bracketed[1]! : target.includes(":") && isIP(target) !== 6 ? target.slice(0, target.lastIndexOf(":")) : target;
  if (host.toLowerCase() === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || host === "0:0:0:0:0:0:0:1";
  return false;
}

function optionalTimeout(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_TIMEOUT_MS) {
    fail(`${where}: must be an integer from 1 to ${MAX_TIMEOUT_MS}`);
  }
  return value as number;
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`${where}: must be an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "") fail(`${where}: must be a non-empty string`);
  return value as string;
}

function allowKeys(entry: Record<string, unknown>, allowed: string[], where: string): void {
  const extra = Object.keys(entry).filter((key) => !allowed.includes(key));
  if (extra.length > 0) fail(`${where}: unknown key(s) ${extra.join(", ")}`);
}

function fail(message: string): never {
  throw new TriggerConfigError(message);
}

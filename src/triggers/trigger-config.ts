// The `triggers` object of a pool in the server's JSON config file, validated once at start-up:
//
//   "triggers": {
//     "PreSignUp":         { "module": "./examples/triggers/pre-sign-up.mjs", "timeoutMs": 5000 },
//     "CustomMessage":     { "module": "/opt/hooks/messages.cjs", "handler": "customMessage" },
//     "PreAuthentication": { "endpoint": "127.0.0.1:7070" },
//     "UserMigration":     { "endpoint": "migrate.internal:443", "tls": true, "timeoutMs": 3000 }
//   }
//
// Keys are TriggerName values; each entry has exactly one of `module` (in-process, path relative to
// the config file's directory unless absolute; optional `handler`, default "handler") or `endpoint`
// (remote TriggerService "host:port"; optional `tls`, default false); `timeoutMs` (integer
// 1..60000, default 5000) is the time box. Unknown keys are errors, so typos fail at start-up.
import { TRIGGER_NAMES, type TriggerName } from "./trigger.js";

export type TriggerTarget = { readonly module: string; readonly handler?: string } | { readonly endpoint: string; readonly tls?: boolean };
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
    out[name as TriggerName] = parseEntry(entry, `${where}.${name}`);
  }
  return out;
}

/** The registry's input from the config file's `pools` array: pool id → its validated triggers. */
export function triggersByPool(
  pools: readonly { readonly id: string; readonly triggers?: unknown }[],
): Record<string, PoolTriggersConfig> {
  return Object.fromEntries(pools.map((pool, i) => [pool.id, parseTriggersConfig(pool.triggers, `pools[${i}].triggers`)]));
}

function parseEntry(value: unknown, where: string): TriggerConfig {
  const entry = asObject(value, where);
  const timeoutMs = optionalTimeout(entry.timeoutMs, `${where}.timeoutMs`);
  const timeout = timeoutMs === undefined ? {} : { timeoutMs };
  if ("module" in entry === "endpoint" in entry) fail(`${where}: needs exactly one of "module" or "endpoint"`);
  if ("module" in entry) {
    allowKeys(entry, ["module", "handler", "timeoutMs"], where);
    const handler = entry.handler === undefined ? {} : { handler: text(entry.handler, `${where}.handler`) };
    return { module: text(entry.module, `${where}.module`), ...handler, ...timeout };
  }
  allowKeys(entry, ["endpoint", "tls", "timeoutMs"], where);
  if (entry.tls !== undefined && typeof entry.tls !== "boolean") fail(`${where}.tls: must be a boolean`);
  const tls = entry.tls === undefined ? {} : { tls: entry.tls as boolean };
  return { endpoint: text(entry.endpoint, `${where}.endpoint`), ...tls, ...timeout };
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

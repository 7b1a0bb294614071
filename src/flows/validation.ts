import { invalidParameter, type InvalidParameter } from "./outcome.js";

/**
 * Input limits (Cognito's model constraints, docs/cognito.md §2 "Field constraints", and ours where Cognito has
 * none). Every string, map and list a request carries is bounded before anything else runs.
 */
export const limits = {
  username: 128,
  password: 256,
  secretHash: 128,
  code: 2048,
  session: 2048,
  token: 8192,
  clientId: 128,
  poolId: 55,
  name: 128,
  attributeName: 32,
  attributeValue: 2048,
  attributes: 50,
  mapEntries: 50,
  mapKey: 128,
  mapValue: 4096,
  /** Cognito's AllowedOAuthScopes and GetClientToken's Scopes: at most 50. */
  oauthScopes: 50,
} as const;

type Check = InvalidParameter | undefined;

export function required(field: string, value: string, max: number): Check {
  if (value.length === 0) return invalidParameter(field, `1 validation error detected: Value at '${camel(field)}' failed to satisfy constraint: Member must not be null`);
  return maxLength(field, value, max);
}

export function maxLength(field: string, value: string, max: number): Check {
  if (value.length > max) return invalidParameter(field, `1 validation error detected: Value at '${camel(field)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  return undefined;
}

export function pattern(field: string, value: string, regex: RegExp, shown: string): Check {
  if (!regex.test(value)) return invalidParameter(field, `1 validation error detected: Value at '${camel(field)}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shown}`);
  return undefined;
}

export function stringMap(field: string, map: Record<string, string>, maxEntries = limits.mapEntries): Check {
  const entries = Object.entries(map);
  if (entries.length > maxEntries) return invalidParameter(field, `${field} has more than ${maxEntries} entries`);
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > limits.mapKey) return invalidParameter(field, `${field} keys must be 1-${limits.mapKey} characters`);
    if (value.length > limits.mapValue) return invalidParameter(field, `${field} values must be at most ${limits.mapValue} characters`);
  }
  return undefined;
}

export function attributeList(field: string, attributes: readonly { name: string; value: string }[]): Check {
  if (attributes.length > limits.attributes) return invalidParameter(field, `${field} has more than ${limits.attributes} attributes`);
  for (const { name, value } of attributes) {
    if (name.length === 0 || name.length > limits.attributeName) return invalidParameter(field, `attribute names must be 1-${limits.attributeName} characters`);
    if (value.length > limits.attributeValue) return invalidParameter(field, `attribute ${name} must be at most ${limits.attributeValue} characters`);
  }
  return undefined;
}

export const patterns = {
  clientId: /^[a-z0-9]{26}$/,
  poolId: /^[\w-]+_[0-9a-zA-Z]+$/,
  username: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  noWhitespace: /^\S+$/,
} as const;

export function clientId(field: string, value: string): Check {
  return required(field, value, limits.clientId) ?? pattern(field, value, patterns.clientId, "[a-z0-9]{26}");
}

export function poolId(field: string, value: string): Check {
  return required(field, value, limits.poolId) ?? pattern(field, value, patterns.poolId, "[\\w-]+_[0-9a-zA-Z]+");
}

export function username(field: string, value: string): Check {
  return required(field, value, limits.username) ?? pattern(field, value, patterns.username, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
}

/** The first failing check, or undefined: `firstProblem(required(...), stringMap(...))`. */
export function firstProblem(...checks: Check[]): Check {
  return checks.find((c) => c !== undefined);
}

function camel(field: string): string {
  return field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

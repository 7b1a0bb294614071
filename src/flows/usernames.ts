import type { PoolRecord, UserRecord } from "../store/records.js";
import type { UserClaims, UserLookup } from "../store/users.js";

/**
 * How a pool reads a username (docs/cognito.md §1.5). Case-insensitive pools fold case the same way in every
 * lookup and every simulated value, so `Bob` and `bob` are one user, real or simulated.
 */
export function normalize(pool: PoolRecord, text: string): string {
  return pool.caseSensitive ? text : text.toLowerCase();
}

/** Every way `input` can name a user in this pool, in lookup order. */
export function lookupsFor(pool: PoolRecord, input: string): UserLookup[] {
  const value = normalize(pool, input);
  const aliases = pool.aliasAttributes.map((attribute): UserLookup => ({ kind: "alias", attribute, value }));
  // A sub is a UUID, which RFC 4122 §3 reads case-insensitively; ours are stored lower-case.
  return [{ kind: "name", value }, ...aliases, { kind: "sub", value: input.toLowerCase() }];
}

/**
 * The index keys a user holds: its username (and, in pools with username_attributes, its email /
 * phone whether verified or not) must be unique; aliases point at it only once verified.
 */
export function claimsFor(pool: PoolRecord, user: UserRecord): UserClaims {
  const usernameValues = pool.usernameAttributes.map((a) => user.attributes[a]).filter((v): v is string => v !== undefined);
  const names = [...new Set([user.username, ...usernameValues].map((v) => normalize(pool, v)))];
  const aliases = pool.aliasAttributes
    .filter((attribute) => aliasActive(user, attribute))
    .map((attribute) => ({ attribute, value: normalize(pool, user.attributes[attribute] ?? "") }));
  return { names, aliases };
}

/** email and phone_number become aliases once verified; preferred_username is unique from the start. */
function aliasActive(user: UserRecord, attribute: string): boolean {
  if (user.attributes[attribute] === undefined) return false;
  return attribute === "preferred_username" || user.attributes[`${attribute}_verified`] === "true";
}

/** Index keys a change moves: what `after` claims that `before` did not, and the reverse. */
export function claimDifference(pool: PoolRecord, before: UserRecord, after: UserRecord): { claim: UserClaims; release: UserClaims } {
  const old = claimsFor(pool, before);
  const next = claimsFor(pool, after);
  const aliasKey = (a: { attribute: string; value: string }) => `${a.attribute}\u0000${a.value}`;
  const oldAliases = new Set(old.aliases.map(aliasKey));
  const nextAliases = new Set(next.aliases.map(aliasKey));
  return {
    claim: { names: next.names.filter((n) => !old.names.includes(n)), aliases: next.aliases.filter((a) => !oldAliases.has(aliasKey(a))) },
    release: { names: old.names.filter((n) => !next.names.includes(n)), aliases: old.aliases.filter((a) => !nextAliases.has(aliasKey(a))) },
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{4,14}$/;

export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text);
}

export function looksLikePhone(text: string): boolean {
  return PHONE.test(text);
}

import type { CodeSubject } from "../store/codes.js";
import type { PoolRecord, UserRecord } from "../store/records.js";
import type { UserClaims, UserLookup } from "../store/users.js";
import type { Deps } from "./deps.js";

/**
 * How a pool reads a username (docs/cognito.md §1.5). Case-insensitive pools fold case the same way in every
 * lookup and every simulated value, so `Bob` and `bob` are one user, real or simulated.
 */
export function normalize(pool: PoolRecord, text: string): string {
  return pool.caseSensitive ? text : text.toLowerCase();
}

/**
 * Who a request names: the user its username, verified alias or sub resolves to, and the name as the
 * pool reads it. The normalised name keys everything simulated for names no user holds (phantom code
 * slots, counters, simulated deliveries), so `Bob` and `bob` get one answer in case-insensitive pools.
 */
export interface Named {
  readonly user: UserRecord | undefined;
  readonly normalized: string;
  /**
   * The user, or for an unknown name a stand-in record of the same shape: steps whose cost must not
   * depend on the user's existence (planning a delivery, say) run on it, and only their outcome is
   * then set aside for an unknown name.
   */
  readonly record: UserRecord;
}

/** One store round trip, which costs the same whether or not the user exists (UserStore.find). */
export async function findNamed(deps: Deps, pool: PoolRecord, input: string): Promise<Named> {
  const user = await deps.stores.users.find(pool.id, lookupsFor(pool, input));
  return { user, normalized: normalize(pool, input), record: user ?? STAND_IN };
}

/** An enabled, confirmed user with a verified email: the record unknown names are planned on. */
export const STAND_IN: UserRecord = Object.freeze({
  username: "stand-in", sub: "00000000-0000-4000-8000-000000000000", status: "CONFIRMED", enabled: true,
  attributes: Object.freeze({ email: "stand-in@example.com", email_verified: "true" }),
  salt: undefined, verifier: undefined, passwordSetAt: 0, createdAt: 0, updatedAt: 0, version: 1,
});

/**
 * The key of a name's counters (per-user hourly limits): the user's, or the name's own for an
 * unknown name. The same scheme as the lockout counters (sign-in/password-check.ts), so an unknown
 * name is limited exactly as a user is.
 */
export function counterSubject(named: Pick<Named, "user" | "normalized">): string {
  return named.user ? `u:${named.user.username}` : `n:${named.normalized}`;
}

/** A real user's code slot, or the name's phantom slot when no code can really be sent (docs/cognito.md §6.3). */
export function codeSubject(named: Pick<Named, "user" | "normalized">, real: boolean): CodeSubject {
  return real && named.user ? { username: named.user.username } : { phantom: named.normalized };
}

/** Every way `input` can name a user in this pool, in lookup order. */
export function lookupsFor(pool: PoolRecord, input: string): UserLookup[] {
  const value = normalize(pool, input);
  const aliases = pool.aliasAttributes.map((attribute): UserLookup => ({ kind: "alias", attribute, value }));
  return [{ kind: "name", value }, ...aliases, { kind: "sub", value: input }];
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

import { LISTED_ATTRIBUTES, type ListedAttribute } from "../store/keys.js";
import type { PoolRecord, UserRecord } from "../store/records.js";
import type { UserIndex, UserIndexOf } from "../store/user-index.js";
import type { UserLookup } from "../store/users.js";

/** The unique claims of a user: names and verified aliases. */
export type UserClaims = Pick<UserIndex, "names" | "aliases">;

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

/**
 * Every index entry of a user under the pool's rules (store/user-index.ts): its claims, and the
 * email and phone values no claim holds, listed for ListUsers filters. A value is a claim where it
 * is a username attribute, or a verified alias; otherwise it is listed, so each is indexed once.
 */
export function indexOf(pool: PoolRecord): UserIndexOf {
  return (user) => {
    const claims = claimsFor(pool, user);
    const listings = (Object.keys(LISTED_ATTRIBUTES) as ListedAttribute[])
      .filter((attribute) => user.attributes[attribute] !== undefined && !pool.usernameAttributes.includes(attribute))
      .map((attribute) => ({ attribute, value: normalize(pool, user.attributes[attribute]!) }))
      .filter((listing) => !claims.aliases.some((a) => a.attribute === listing.attribute && a.value === listing.value));
    return { ...claims, listings };
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

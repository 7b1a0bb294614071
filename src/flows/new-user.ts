import { randomUUID } from "node:crypto";
import type { PoolRecord, UserRecord, UserStatus } from "../store/records.js";
import type { Deps } from "./deps.js";
import { messages } from "./messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "./outcome.js";
import { claimsFor, indexOf, looksLikeEmail, looksLikePhone } from "./usernames.js";

/** Attributes only the service sets. */
const SYSTEM_ATTRIBUTES = new Set(["sub", "cognito:user_status", "cognito:username"]);

export interface NewUserInput {
  readonly username: string;
  readonly attributes: readonly { name: string; value: string }[];
  readonly status: UserStatus;
  /** Verification flags may be set by administrators and imports, not by self sign-up. */
  readonly mayVerify: boolean;
}

/**
 * Builds a new user record for the pool's username design (docs/cognito.md §1.5): with username_attributes the
 * username must be an email / phone number, which becomes that attribute, and the internal username
 * is the user's sub (a generated UUID); with alias_attributes a username may not look like an alias.
 */
export function newUserRecord(deps: Deps, pool: PoolRecord, input: NewUserInput): UserRecord | InvalidParameter {
  const attributes: Record<string, string> = {};
  for (const { name, value } of input.attributes) {
    if (SYSTEM_ATTRIBUTES.has(name)) return invalidParameter("user_attributes", messages.nonMutableAttribute(name));
    if (!input.mayVerify && name.endsWith("_verified")) continue;
    attributes[name] = value;
  }
  const sub = randomUUID();
  const username = internalUsername(pool, input.username, attributes, sub);
  if (typeof username !== "string") return username;
  const now = deps.clock();
  return {
    username,
    sub,
    status: input.status,
    enabled: true,
    attributes,
    // A password comes after (passwords.ts passwordFields): the record decides the name it is over.
    salt: undefined,
    verifier: undefined,
    passwordSetAt: undefined,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

function internalUsername(pool: PoolRecord, username: string, attributes: Record<string, string>, sub: string): string | InvalidParameter {
  if (pool.usernameAttributes.length > 0) {
    const attribute = looksLikeEmail(username) ? "email" : looksLikePhone(username) ? "phone_number" : undefined;
    if (!attribute || !pool.usernameAttributes.includes(attribute)) {
      const expected = pool.usernameAttributes.length === 2 ? "either an email or a phone number" : pool.usernameAttributes[0] === "email" ? "an email" : "a phone number";
      return invalidParameter("username", messages.usernameMustBe(expected));
    }
    attributes[attribute] = username;
    // Cognito's generated username is the sub (docs/cognito.md §1.5); one UUID also means the user
    // key itself answers lookups by name and by sub, with no index entry for either (store/users.ts).
    return sub;
  }
  // An alias-shaped username would shadow the alias lookups (docs/cognito.md §1.5: "Amazon Cognito doesn't
  // accept a user name that matches a valid email address format").
  if (pool.aliasAttributes.includes("email") && looksLikeEmail(username)) return invalidParameter("username", messages.usernameEmailShaped);
  if (pool.aliasAttributes.includes("phone_number") && looksLikePhone(username)) return invalidParameter("username", messages.usernamePhoneShaped);
  return username;
}

/** Stores the user; a taken username or username attribute is username_exists, a taken alias alias_exists. */
export async function storeNewUser(deps: Deps, pool: PoolRecord, user: UserRecord, forceAlias: boolean): Promise<Failure<"usernameExists" | "aliasExists"> | undefined> {
  return (await storeNewUsers(deps, pool, [user], forceAlias))[0];
}

/** storeNewUser for a batch, in one store call: each user answered as if stored alone, in order. */
export async function storeNewUsers(deps: Deps, pool: PoolRecord, users: readonly UserRecord[], forceAlias: boolean): Promise<(Failure<"usernameExists" | "aliasExists"> | undefined)[]> {
  const rules = indexOf(pool);
  const created = await deps.stores.users.createMany(pool.id, users.map((user) => ({ user, index: rules(user) })), forceAlias);
  return created.map((result, i) => {
    if (result.ok) return undefined;
    if (result.conflict === "alias") return fail("aliasExists", messages.aliasExists(result.attribute));
    return usernameTaken(pool, users[i]!);
  });
}

/**
 * username_exists when another user already holds the username (or username attribute) `user`
 * would claim: one lookup, for callers whose hooks must not announce a user the store will refuse.
 * storeNewUser still decides races.
 */
export async function nameTaken(deps: Deps, pool: PoolRecord, user: UserRecord): Promise<Failure<"usernameExists"> | undefined> {
  const holder = await deps.stores.users.find(pool.id, claimsFor(pool, user).names.map((value) => ({ kind: "name" as const, value })));
  return holder ? usernameTaken(pool, user) : undefined;
}

function usernameTaken(pool: PoolRecord, user: UserRecord): Failure<"usernameExists"> {
  const attribute = pool.usernameAttributes.find((a) => user.attributes[a] !== undefined);
  return fail("usernameExists", attribute ? messages.usernameAttributeExists(attribute) : messages.userExists);
}

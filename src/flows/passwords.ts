import { poolNameFromId, verifierFromPassword } from "../crypto/srp.js";
import type { PasswordPolicy, PoolRecord, UserRecord } from "../store/records.js";
import type { Deps } from "./deps.js";
import { messages } from "./messages.js";
import { fail, type Failure } from "./outcome.js";
import { simulatedSalt } from "./existence/simulated-values.js";
import { normalize } from "./usernames.js";

/** Cognito's symbol set for password policies. */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** The policy's complaint about a password, or undefined (Cognito's InvalidPasswordException texts). */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): Failure<"invalidPassword"> | undefined {
  const problem =
    password.length < policy.minimumLength ? "Password not long enough"
    : policy.requireUppercase && !/\p{Lu}/u.test(password) ? "Password must have uppercase characters"
    : policy.requireLowercase && !/\p{Ll}/u.test(password) ? "Password must have lowercase characters"
    : policy.requireNumbers && !/\d/.test(password) ? "Password must have numeric characters"
    : policy.requireSymbols && !SYMBOLS.test(password) ? "Password must have symbol characters"
    : undefined;
  return problem === undefined ? undefined : fail("invalidPassword", messages.passwordPolicy(problem));
}

/**
 * The stored form of a password (docs/cognito.md §4.4, docs/existence.md §4): the SRP verifier over
 * pool + the canonical username, with the salt an unknown name of that spelling is shown. The record
 * thereby holds the username's identity verifier itself, and a SALT stays a function of the name
 * alone across password changes.
 */
export function passwordFields(deps: Deps, pool: PoolRecord, username: string, password: string) {
  const name = normalize(pool, username);
  // Minimal hex, the form the stored record gives back and SALT shows (docs/cognito.md §4.2): the
  // password stamp (existence/identity-verifiers.ts) digests it, so both must spell it alike.
  const salt = simulatedSalt(deps, pool.id, name).replace(/^0+(?=.)/, "");
  return { salt, verifier: verifierFromPassword(poolNameFromId(pool.id), name, password, salt), credentialsOverCanonicalName: true, passwordSetAt: deps.clock() };
}

/** The name a user's own verifier is computed over: canonical, or as stored on records from before. */
export function credentialName(pool: PoolRecord, user: Pick<UserRecord, "username" | "credentialsOverCanonicalName">): string {
  return user.credentialsOverCanonicalName ? normalize(pool, user.username) : user.username;
}

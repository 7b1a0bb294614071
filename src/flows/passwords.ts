import { newSalt, poolNameFromId, verifierFromPassword } from "../crypto/srp.js";
import type { PasswordPolicy, PoolRecord } from "../store/records.js";
import type { Deps } from "./deps.js";
import { messages } from "./messages.js";
import { fail, type Failure } from "./outcome.js";

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

/** The stored form of a password (docs/cognito.md §4.4): a fresh salt and the SRP verifier over pool + username. */
export function passwordFields(deps: Deps, pool: PoolRecord, username: string, password: string) {
  const salt = newSalt(deps.random);
  return { salt, verifier: verifierFromPassword(poolNameFromId(pool.id), username, password, salt), passwordSetAt: deps.clock() };
}

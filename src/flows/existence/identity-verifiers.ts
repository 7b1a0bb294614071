// Per-identifier SRP verifiers (docs/existence.md §4). Amazon Cognito's SRP clients compute the
// password proof over USER_ID_FOR_SRP, whatever the user typed. A challenge names the canonical
// username (LEGACY, ENABLED) or, under STRICT, the identifier as typed (canonical), so that nothing
// in it depends on whether, or whose, it is. The record's own verifier serves the canonical username
// (passwords.ts passwordFields); in pools with a STRICT client the server also keeps one verifier per
// other identifier a user may type — the sub and every email / phone / preferred_username value —
// computed whenever the server holds the password: every password-setting path, and a
// USER_PASSWORD_AUTH that proves it.
//
// Each identifier's salt is the one an unknown name of that spelling gets (simulated-values.ts): a SALT
// is a function of the name alone, the same before a user takes the name and after, and the same
// across password changes. Values verified or not are covered, so an email that gets verified
// after the last password event already has its verifier; only a value that did not exist at the
// last password event (an attribute changed since, or a pool that got its first STRICT client
// since) waits for the next one.
import { sha256Hex } from "../../crypto/digest.js";
import { poolNameFromId, verifierFromPassword } from "../../crypto/srp.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { IdentityVerifier } from "../../store/identity-verifiers.js";
import type { Deps } from "../deps.js";
import { simulatedSalt } from "./simulated-values.js";
import { normalize } from "../usernames.js";
import { poolShowsTypedIdentifiers } from "./typed-identifiers.js";

/**
 * Which password a verifier belongs to: a digest that changes at every password event. Records from
 * before had a fresh random salt per password; a name's salt is now the same at every one, so the
 * verifier, which changes with the password, is digested with it.
 */
export function passwordStamp(user: Pick<UserRecord, "username" | "salt" | "verifier" | "credentialsOverCanonicalName">): string | undefined {
  if (user.salt === undefined) return undefined;
  const material = user.credentialsOverCanonicalName ? `${user.username}\u0000${user.salt}\u0000${user.verifier ?? ""}` : `${user.username}\u0000${user.salt}`;
  return sha256Hex(material).slice(0, 16);
}

/** Every canonical identifier a user can type to sign in (whether the alias is verified yet or not). */
export function signInIdentifiers(pool: PoolRecord, user: UserRecord): string[] {
  const attributes = [...pool.usernameAttributes, ...pool.aliasAttributes].map((a) => user.attributes[a]).filter((v): v is string => v !== undefined && v !== "");
  return [...new Set([user.username, user.sub, ...attributes].map((v) => normalize(pool, v)))];
}

/** The verifier of `identifier` for `password`, over that identifier, with the identifier's own salt. */
function verifierFor(deps: Deps, pool: PoolRecord, identifier: string, password: string, stamp: string): IdentityVerifier {
  const salt = simulatedSalt(deps, pool.id, identifier);
  return { stamp, salt, verifier: verifierFromPassword(poolNameFromId(pool.id), identifier, password, salt) };
}

/**
 * The identifiers that need a verifier besides the record's: those a challenge may show — the
 * canonical username, and where a client shows typed identifiers every sign-in identifier — less
 * the canonical username when the record's own verifier is over it.
 */
export function separatelyVerifiedIdentifiers(pool: PoolRecord, user: UserRecord, typedIdentifiers: boolean): string[] {
  const username = normalize(pool, user.username);
  const shown = typedIdentifiers ? signInIdentifiers(pool, user) : [username];
  return user.credentialsOverCanonicalName ? shown.filter((identifier) => identifier !== username) : shown;
}

/**
 * A password was just set for `user` (the record as written): its identifiers' verifiers replace
 * the old ones. Call after the write; a user without a password (imported) has none.
 */
export async function rememberPassword(deps: Deps, pool: PoolRecord, user: UserRecord, password: string): Promise<void> {
  const stamp = passwordStamp(user);
  if (stamp === undefined) return;
  const identifiers = separatelyVerifiedIdentifiers(pool, user, await poolShowsTypedIdentifiers(deps, pool.id));
  const entries = new Map(identifiers.map((identifier) => [identifier, verifierFor(deps, pool, identifier, password, stamp)]));
  await deps.stores.identityVerifiers.replace(pool.id, user.username, entries);
}

/**
 * USER_PASSWORD_AUTH proved the password: identifiers that have no verifier for it yet (an attribute
 * added since the last password event, a pool that got a STRICT client since, or a record older
 * than identity verifiers) get one. Costs nothing for a user whose record serves every identifier
 * shown, one read for other users who are complete; runs only once the password is proven, so it
 * tells nothing about names whose password is not known.
 */
export async function completeIdentityVerifiers(deps: Deps, pool: PoolRecord, user: UserRecord, password: string): Promise<void> {
  const stamp = passwordStamp(user);
  if (stamp === undefined) return;
  const identifiers = separatelyVerifiedIdentifiers(pool, user, await poolShowsTypedIdentifiers(deps, pool.id));
  if (identifiers.length === 0) return;
  const have = await deps.stores.identityVerifiers.current(pool.id, user.username, stamp);
  const missing = identifiers.filter((identifier) => !have.has(identifier));
  await deps.stores.identityVerifiers.add(pool.id, user.username, new Map(missing.map((identifier) => [identifier, verifierFor(deps, pool, identifier, password, stamp)])));
}

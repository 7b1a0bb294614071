import { poolNameFromId, verifierFromPassword, verifierMatches } from "../../crypto/srp.js";
import type { AttemptDecision } from "../../store/lockout.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { simulatedSalt, simulatedVerifier } from "../existence/simulated-values.js";
import type { Subject } from "../existence/subject.js";
import { credentialName } from "../passwords.js";

export interface PasswordCheck {
  readonly user: UserRecord | undefined;
  readonly normalizedName: string;
  readonly passwordOk: boolean;
  readonly attempt: AttemptDecision;
}

/**
 * Checks the password of a looked-up name (existence/subject.ts resolveSubject: one lookup, alike for every
 * name), doing the same work whether the user exists or not: one verifier computation (a 3072-bit
 * modular exponentiation) with a real or simulated salt, one constant-time comparison, one lockout
 * update. The outcome is decided afterwards.
 */
export async function checkPassword(deps: Deps, pool: PoolRecord, named: Pick<Subject, "user" | "normalized" | "counterKey">, password: string): Promise<PasswordCheck> {
  const { user, normalized: normalizedName } = named;
  // Derived for every name, used for unknown ones: the derivation is no work only they do.
  const simulated = { salt: simulatedSalt(deps, pool.id, normalizedName), verifier: simulatedVerifier(deps, pool.id, normalizedName) };
  const salt = user?.salt ?? simulated.salt;
  const stored = user?.verifier ?? simulated.verifier;
  // An unknown name's is the typed name, normalised again: the step a user's name takes, at its cost.
  const name = credentialName(pool, user ?? { username: normalizedName, credentialsOverCanonicalName: true });
  const candidate = verifierFromPassword(poolNameFromId(pool.id), name, password, salt);
  const matches = verifierMatches(stored, candidate);
  const passwordOk = matches && user?.verifier !== undefined;
  const attempt = await deps.stores.lockout.record(pool.id, named.counterKey, passwordOk, deps.clock());
  return { user, normalizedName, passwordOk, attempt };
}

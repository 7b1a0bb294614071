// What a PASSWORD_VERIFIER challenge names and proves against: USER_ID_FOR_SRP, SALT and the
// verifier behind SRP_B, real or simulated (RFC 5054 §2.5.1.3; docs/existence.md §4). The same
// function serves the challenge (InitiateAuth) and the proof (RespondToAuthChallenge), so both steps
// agree on the identity without the SECRET_BLOCK having to carry more than USER_ID_FOR_SRP.
import { bigintFromHex, bigintToHex, N } from "../../crypto/srp-group.js";
import type { PoolRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { simulatedSalt, simulatedVerifier } from "./simulated-values.js";
import { challengeName } from "./challenge-subject.js";
import { passwordStamp } from "./identity-verifiers.js";
import type { ExistencePolicy } from "./policy.js";
import type { Subject } from "./subject.js";
import { normalize } from "../usernames.js";

export interface SrpIdentity {
  /** USER_ID_FOR_SRP and the challenge's USERNAME; x and the signature bind it. */
  readonly userId: string;
  /** SALT as sent: minimal hex, so real and simulated salts look alike (docs/cognito.md §4.2 SALT subtlety). */
  readonly salt: string;
  readonly verifier: string;
  /** No proof can succeed: unknown or masked user, or no verifier for this identity yet. */
  readonly simulated: boolean;
}

/**
 * The identity of a challenge for `subject` under `policy`. The name shown is challengeName's; the
 * values behind it, in order:
 *  1. unknown or masked (`masked`: a state no proof may reveal) → simulated, as for any unknown name;
 *  2. the record's own verifier when the name shown is the canonical username it is over
 *     (passwords.ts passwordFields);
 *  3. the user's verifier for that identity (identity-verifiers.ts), computed at its last password event;
 *  4. a record from before either: the stored username and its own verifier — under ENABLED that
 *     shows the stored case until the next password event; under STRICT only when the identity is
 *     the stored username exactly (which shows nothing an unknown name would not);
 *  5. otherwise (STRICT, an identifier without a verifier yet) simulated: the sign-in answers as a
 *     wrong password would, and USER_PASSWORD_AUTH (or any password event) fills the gap.
 * Every step is computed for every name (one HGET, the simulated values); only the choice differs.
 */
export async function srpIdentity(deps: Deps, pool: PoolRecord, policy: ExistencePolicy, subject: Subject, masked: boolean): Promise<SrpIdentity> {
  const shown = challengeName(deps, pool, policy, subject);
  const user = subject.user;
  const record = subject.record;
  const entry = await deps.stores.identityVerifiers.get(pool.id, user?.username ?? "", shown);
  const simulated: SrpIdentity = { userId: shown, salt: minimalHex(simulatedSalt(deps, pool.id, subject.normalized)), verifier: fakeVerifier(deps, pool.id, shown), simulated: true };
  // Worked out for every name, from the stand-in record for an unknown one — whose name normalised is
  // the typed one, of a user's length: no step only users take, none much cheaper for unknown names.
  const recordName = normalize(pool, user ? record.username : subject.normalized);
  const recordServes = record.credentialsOverCanonicalName === true && record.verifier !== undefined && shown === recordName;
  const stamp = passwordStamp(record);
  const current = entry !== undefined && entry.stamp === stamp;
  const stored = { userId: shown, salt: minimalHex(entry?.salt ?? simulated.salt), verifier: entry?.verifier ?? simulated.verifier, simulated: false };
  if (!user || masked) return simulated;
  if (recordServes) return { userId: shown, salt: minimalHex(user.salt!), verifier: user.verifier!, simulated: false };
  if (current) return stored;
  const legacyRecord = !user.credentialsOverCanonicalName && user.salt !== undefined && user.verifier !== undefined && (policy.challengeIdentity === "internal-username" || shown === user.username);
  if (legacyRecord) return { userId: user.username, salt: minimalHex(user.salt!), verifier: user.verifier!, simulated: false };
  return simulated;
}

/**
 * The verifier a simulated challenge pretends to have: the simulation key's bytes reduced mod N,
 * so it costs no exponentiation and B = k·v + g^b is as uniformly distributed as a real one.
 * Keyed by USER_ID_FOR_SRP, so PASSWORD_VERIFIER recomputes the same value from the block.
 */
export function fakeVerifier(deps: Deps, poolId: string, userId: string): string {
  return bigintToHex(BigInt(`0x${simulatedVerifier(deps, poolId, userId)}`) % N);
}

/** Hex without leading zero nibbles, the form clients agree on (docs/cognito.md §4.2). */
function minimalHex(hex: string): string {
  const n = bigintFromHex(hex);
  if (n === undefined) throw new RangeError("a stored salt is not hex");
  return bigintToHex(n);
}

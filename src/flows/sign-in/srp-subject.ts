import { N, bigintFromHex, bigintToHex } from "../../crypto/srp-group.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { simulatedSalt, simulatedUuid, simulatedVerifier } from "../simulation.js";
import { decideSignIn, type SignInDecision, type SignInFailure } from "./decide.js";
import { policyOf } from "../existence/policy.js";
import { resolveSubject } from "../existence/subject.js";

/**
 * Who USER_SRP_AUTH's first step answers for, real or simulated. Everything the challenge shows
 * (SALT, USER_ID_FOR_SRP) and hides (the verifier behind SRP_B) comes from here.
 */
export interface SrpSubject {
  /** The user the name resolved to, also when the challenge is simulated to mask their state. */
  readonly user: UserRecord | undefined;
  /** The challenge is simulated (RFC 5054 §2.5.1.3): unknown or masked user, no proof can succeed. */
  readonly simulated: boolean;
  /** USER_ID_FOR_SRP and USERNAME of the challenge; x and the signature bind it. */
  readonly userId: string;
  /** SALT as sent: minimal hex, so real and simulated salts look alike (docs/cognito.md §4.2 SALT subtlety). */
  readonly salt: string;
  readonly verifier: string;
  readonly lockoutSubject: string;
  /**
   * What the mode answers before any proof, if anything: LEGACY's user_not_found, and the states
   * decideSignIn reveals whatever the password (docs/cognito.md §2.0: UNCONFIRMED "at InitiateAuth").
   */
  readonly answer: SignInFailure | undefined;
}

/** The values an unknown name gets, identical on every call, replica and restart. */
interface Simulated {
  readonly userId: string;
  readonly salt: string;
  readonly verifier: string;
}

/**
 * Resolves the USERNAME of USER_SRP_AUTH: one lookup, the simulated values computed whether or not
 * they are used (same work for every name), and what the mode answers before any proof. A user
 * whose state no proof could reveal is simulated exactly like an unknown name (ENABLED and STRICT
 * only; LEGACY answers unknown names with user_not_found instead).
 */
export async function srpSubject(deps: Deps, { pool, client }: ClientContext, input: string): Promise<SrpSubject> {
  const policy = policyOf(client);
  const { user, normalized, counterKey } = await resolveSubject(deps, pool, input);
  const simulated = simulatedFor(deps, pool, normalized);
  const facts = { policy, pool, user, attempt: "ok" as const, now: deps.clock() };
  const answer = revealedBeforeProof(decideSignIn({ ...facts, passwordOk: false }));
  const masked = !policy.revealsUnknownUsers && isIncorrect(decideSignIn({ ...facts, passwordOk: true }));
  const common = { user, lockoutSubject: counterKey, answer };
  if (masked || !user) return { ...common, simulated: true, ...simulated };
  return {
    ...common,
    simulated: false,
    userId: user.username,
    // A user without a password (imported) gets the simulated values; no proof can match them.
    salt: user.salt === undefined ? simulated.salt : minimalHex(user.salt),
    verifier: user.verifier ?? simulated.verifier,
  };
}

/** srpSubject for callers that give the before-proof answer at once (CUSTOM_AUTH's SRP_A path). */
export async function resolveSrpSubject(deps: Deps, context: ClientContext, input: string): Promise<SrpSubject | SignInFailure> {
  const subject = await srpSubject(deps, context, input);
  return subject.answer ?? subject;
}

/**
 * The verifier a simulated challenge pretends to have: the simulation key's bytes reduced mod N,
 * so it costs no exponentiation and B = k·v + g^b is as uniformly distributed as a real one.
 * Keyed by USER_ID_FOR_SRP, so PASSWORD_VERIFIER recomputes the same value from the block.
 */
export function fakeVerifier(deps: Deps, poolId: string, userId: string): string {
  return bigintToHex(BigInt(`0x${simulatedVerifier(deps, poolId, userId)}`) % N);
}

/**
 * Format parity (docs/cognito.md §4.6 "Residual leak"): where internal usernames are generated UUIDs, a UUID;
 * where users choose them, the normalised name itself, as a real user's would be. What remains,
 * as with Cognito: where users choose usernames, a real user's USER_ID_FOR_SRP is the stored
 * username, so signing in by an alias or sub, or with another case than a stored mixed-case name,
 * answers with a name that differs from the input only for users that exist. USER_PASSWORD_AUTH
 * has no such parameter (Cognito's own advice for alias pools).
 */
function simulatedFor(deps: Deps, pool: PoolRecord, normalizedName: string): Simulated {
  const userId = pool.usernameAttributes.length > 0 ? simulatedUuid(deps, pool.id, normalizedName) : normalizedName;
  return { userId, salt: minimalHex(simulatedSalt(deps, pool.id, normalizedName)), verifier: fakeVerifier(deps, pool.id, userId) };
}

/** A failure decideSignIn gives whatever the password: it is the first step's answer. */
function revealedBeforeProof(ifWrong: SignInDecision): SignInFailure | undefined {
  return "$case" in ifWrong && !isIncorrect(ifWrong) ? ifWrong : undefined;
}

function isIncorrect(decision: SignInDecision): boolean {
  return "$case" in decision && decision.$case === "notAuthorized" && decision.value.message === messages.incorrectCredentials;
}

/** Hex without leading zero nibbles, the form clients agree on (docs/cognito.md §4.2). */
function minimalHex(hex: string): string {
  const n = bigintFromHex(hex);
  if (n === undefined) throw new RangeError("a stored salt is not hex");
  return bigintToHex(n);
}

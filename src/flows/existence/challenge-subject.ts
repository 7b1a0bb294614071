// Who a challenge (CUSTOM_AUTH's rounds, USER_SRP_AUTH's PASSWORD_VERIFIER) is about, and the name
// it shows before anything is proven. Built on the one resolver (subject.ts); unknown users
// (ENABLED / STRICT) get a challenge subject too, so the flows run the same steps for them and
// diverge only where tokens would be issued (docs/existence.md §4).
import type { PoolRecord } from "../../store/records.js";
import { userAttributesFor, type StringMap } from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import { simulatedUuid } from "./simulated-values.js";
import { normalize } from "../usernames.js";
import type { ExistencePolicy } from "./policy.js";
import { reloadSubject, resolveSubject, subjectOf, type Subject } from "./subject.js";

export interface ChallengeSubject extends Subject {
  /** The hooks' userName: the internal username, or the name sent for an unknown user (docs/cognito.md §5.5). */
  readonly eventUserName: string;
  /**
   * ChallengeParameters.USERNAME (and USER_ID_FOR_SRP) and the name a session is bound to: what
   * challengeName (below) shows for this subject under the client's policy.
   */
  readonly shownName: string;
}

/** What a session or SECRET_BLOCK remembers of its subject. */
export interface BoundSubject {
  /** The name shown (shownName). */
  readonly shownName: string;
  readonly userNotFound: boolean;
  /** The internal username for a user, the name first sent for an unknown name. */
  readonly eventUserName: string;
}

/**
 * The name a challenge shows before any proof (existence/policy.ts challengeIdentity):
 *  - internal-username (LEGACY, ENABLED: Cognito's behaviour): the user's internal username in its
 *    canonical form — so `Bob` typed for a user stored as `Bob` shows `bob` in a case-insensitive
 *    pool, as an unknown `Bob` does — and for an unknown name a stand-in of the same shape: a
 *    simulated UUID where internal usernames are generated UUIDs, the canonical name otherwise.
 *  - typed-identifier (STRICT): the identifier as typed, canonical, for every name: nothing shown
 *    depends on whether or whose it is.
 */
export function challengeName(deps: Deps, pool: PoolRecord, policy: ExistencePolicy, subject: Pick<Subject, "user" | "normalized">): string {
  if (policy.challengeIdentity === "typed-identifier") return subject.normalized;
  if (subject.user) return normalize(pool, subject.user.username);
  return pool.usernameAttributes.length > 0 ? simulatedUuid(deps, pool.id, subject.normalized) : subject.normalized;
}

/** Resolves the USERNAME a custom sign-in starts with (one lookup, as every operation). */
export async function findChallengeSubject(deps: Deps, pool: PoolRecord, policy: ExistencePolicy, sent: string): Promise<ChallengeSubject> {
  const subject = await resolveSubject(deps, pool, sent);
  return { ...subject, eventUserName: subject.user?.username ?? sent, shownName: challengeName(deps, pool, policy, subject) };
}

/**
 * The subject of a session, re-read for this round (the user may have changed since). The USERNAME
 * sent must name the session's subject: for a user, any name that resolves to it; for an unknown
 * name, the name shown or the name first sent. One lookup either way.
 */
export async function sessionSubject(deps: Deps, pool: PoolRecord, sent: string, bound: BoundSubject): Promise<ChallengeSubject | undefined> {
  const found = await resolveSubject(deps, pool, sent);
  if (!bound.userNotFound) {
    return found.user && found.user.username === bound.eventUserName ? { ...found, eventUserName: found.user.username, shownName: bound.shownName } : undefined;
  }
  const matches = found.normalized === normalize(pool, bound.shownName) || found.normalized === normalize(pool, bound.eventUserName);
  return matches ? { ...subjectOf(undefined, normalize(pool, bound.eventUserName)), eventUserName: bound.eventUserName, shownName: bound.shownName } : undefined;
}

/**
 * The subject a session was opened for, when the answer is already bound to it (the
 * PASSWORD_VERIFIER's SECRET_BLOCK names its user): re-read by internal username. One read either way.
 */
export async function boundSubject(deps: Deps, pool: PoolRecord, bound: BoundSubject): Promise<ChallengeSubject> {
  const found = await reloadSubject(deps, pool, bound.eventUserName);
  if (bound.userNotFound || !found.user) return { ...subjectOf(undefined, normalize(pool, bound.eventUserName)), eventUserName: bound.eventUserName, shownName: bound.shownName };
  return { ...found, eventUserName: found.user.username, shownName: bound.shownName };
}

/** request.userAttributes: empty for an unknown user (docs/cognito.md §5.5 recommends `{}`). */
export function subjectAttributes(pool: PoolRecord, subject: Pick<Subject, "user">): StringMap {
  return subject.user ? userAttributesFor(subject.user, pool.aliasAttributes) : {};
}

// Who a CUSTOM_AUTH sign-in is about. Unknown users (ENABLED / STRICT) get a subject too, so the
// flow runs the same steps for them and diverges only where tokens would be issued (docs/cognito.md §3.5).
import type { PoolRecord, UserRecord } from "../../store/records.js";
import { userAttributesFor, type StringMap } from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import { simulatedUuid } from "../simulation.js";
import { lookupsFor, normalize } from "../usernames.js";

export interface Subject {
  /** undefined: no such user, and the client's mode hides that. */
  readonly user: UserRecord | undefined;
  /** The event's userName: the internal username, or the name sent for an unknown user (§5.5). */
  readonly eventUserName: string;
  /**
   * ChallengeParameters.USERNAME and the name the session is bound to: the internal username, or
   * for an unknown user a stand-in of the same shape (a simulated UUID in pools whose internal
   * usernames are UUIDs, the normalised name otherwise).
   */
  readonly shownUsername: string;
}

/** Looks the user up the way every sign-in does (username, aliases, sub). */
export async function findSubject(deps: Deps, pool: PoolRecord, name: string): Promise<Subject> {
  const user = await deps.stores.users.find(pool.id, lookupsFor(pool, name));
  if (user) return { user, eventUserName: user.username, shownUsername: user.username };
  return { user: undefined, eventUserName: name, shownUsername: standIn(deps, pool, name) };
}

/**
 * The subject of a session, re-read for this round (the user may have changed since). The USERNAME
 * sent must name the session's user: its internal username or an alias of it, or for an unknown
 * user the stand-in or the name first sent. One lookup either way.
 */
export async function sessionSubject(deps: Deps, pool: PoolRecord, sent: string, bound: { username: string; userNotFound: boolean; eventUserName: string }): Promise<Subject | undefined> {
  const found = await deps.stores.users.find(pool.id, lookupsFor(pool, sent));
  if (!bound.userNotFound) {
    return found && found.username === bound.username ? { user: found, eventUserName: found.username, shownUsername: found.username } : undefined;
  }
  const name = normalize(pool, sent);
  const matches = name === bound.username || name === normalize(pool, bound.eventUserName);
  return matches ? { user: undefined, eventUserName: bound.eventUserName, shownUsername: bound.username } : undefined;
}

/**
 * The subject a session was opened for, when the answer itself is already bound to it (the
 * PASSWORD_VERIFIER's SECRET_BLOCK names its user): re-read by internal username. One read either way.
 */
export async function boundSubject(deps: Deps, pool: PoolRecord, bound: { username: string; userNotFound: boolean; eventUserName: string }): Promise<Subject> {
  const found = await deps.stores.users.get(pool.id, bound.eventUserName);
  if (bound.userNotFound || !found) return { user: undefined, eventUserName: bound.eventUserName, shownUsername: bound.username };
  return { user: found, eventUserName: found.username, shownUsername: found.username };
}

/** request.userAttributes: empty for an unknown user (§5.5 recommends `{}`). */
export function subjectAttributes(pool: PoolRecord, subject: Subject): StringMap {
  return subject.user ? userAttributesFor(subject.user, pool.aliasAttributes) : {};
}

function standIn(deps: Deps, pool: PoolRecord, name: string): string {
  const normalized = normalize(pool, name);
  return pool.usernameAttributes.length > 0 ? simulatedUuid(deps, pool.id, normalized) : normalized;
}

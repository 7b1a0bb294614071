// The one subject resolver: who a request that names a user is about, real or simulated. Every
// operation that takes a USERNAME (the unauthenticated ones, sign-in, challenges, admin ones) resolves
// it here, with one store round trip that costs the same for every name (UserStore.find), and gets
// the same few things: the user or none, the name as the pool reads it, the record steps are planned
// on, and the key its counters live under. What a subject shows in challenges: challenge-identity.ts.
import type { CodeSubject } from "../../store/codes.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import { STAND_IN_USER } from "../../store/stand-in.js";
import type { Deps } from "../deps.js";
import { lookupsFor, normalize } from "../usernames.js";

export interface Subject {
  /** The user the name resolves to (username, verified alias or sub: docs/cognito.md §1.5), or none. */
  readonly user: UserRecord | undefined;
  /**
   * The name as the pool reads it (case-folded in case-insensitive pools): the canonical typed
   * identifier. It keys everything simulated for a name no user holds (phantom code slots, counters,
   * simulated values), so `Bob` and `bob` get one answer.
   */
  readonly normalized: string;
  /**
   * The user, or for an unknown name the stand-in record: steps whose cost must not depend on
   * existence (planning a delivery, say) run on it, and only their outcome is set aside.
   */
  readonly record: UserRecord;
  /**
   * Where the name's counters live (lockout, per-user hourly limits): the user's, shared by all its
   * names, or the name's own for an unknown name — so an unknown name is limited and locked out
   * exactly as a user is (U10, U11).
   */
  readonly counterKey: string;
}

/** Resolves the name a request sent: one lookup, alike for every name. */
export async function resolveSubject(deps: Deps, pool: PoolRecord, input: string): Promise<Subject> {
  const user = await deps.stores.users.find(pool.id, lookupsFor(pool, input));
  return subjectOf(user, normalize(pool, input));
}

/** The subject of a name already looked up (or a user just created for it: UserMigration). */
export function subjectOf(user: UserRecord | undefined, normalized: string): Subject {
  return { user, normalized, record: user ?? STAND_IN_USER, counterKey: counterKeyOf(user, normalized) };
}

/** The subject of a user named by its internal username (a session or SECRET_BLOCK bound to it); one read. */
export async function reloadSubject(deps: Deps, pool: PoolRecord, username: string): Promise<Subject> {
  const user = await deps.stores.users.get(pool.id, username);
  return subjectOf(user, normalize(pool, username));
}

/** The counter key of a user, or of a name no user holds. */
export function counterKeyOf(user: Pick<UserRecord, "username"> | undefined, normalized: string): string {
  return user ? `u:${user.username}` : `n:${normalized}`;
}

/** A real user's code slot, or the name's phantom slot when no code can really be sent (docs/cognito.md §6.3). */
export function codeSlotOf(subject: Pick<Subject, "user" | "normalized">, real: boolean): CodeSubject {
  return real && subject.user ? { username: subject.user.username } : { phantom: subject.normalized };
}

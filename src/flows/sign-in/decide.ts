import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { AttemptDecision } from "../../store/lockout.js";
import type { ExistencePolicy } from "../existence/policy.js";
import { messages } from "../messages.js";
import { fail, type Failure } from "../outcome.js";

export type SignInFailure = Failure<"notAuthorized" | "userNotFound" | "userNotConfirmed" | "passwordResetRequired">;
export type SignInDecision = { readonly kind: "tokens"; readonly user: UserRecord } | { readonly kind: "newPasswordRequired"; readonly user: UserRecord } | SignInFailure;

export interface SignInFacts {
  readonly policy: ExistencePolicy;
  readonly pool: PoolRecord;
  readonly user: UserRecord | undefined;
  readonly passwordOk: boolean;
  readonly attempt: AttemptDecision;
  readonly now: number;
}

const incorrect = () => fail("notAuthorized", messages.incorrectCredentials);

/**
 * What a password sign-in answers, per mode: the InitiateAuth rows of the README's existence table
 * (src/flows/existence/table.ts; docs/cognito.md §2.0), as the client's policy allows (existence/policy.ts). LEGACY reveals unknown users and user states; ENABLED
 * hides unknown and RESET_REQUIRED users but, like Cognito, still says "User is not confirmed."
 * before the password (docs/cognito.md §7.1 #2); STRICT reveals no state until the password is proven. A
 * disabled user's state shows only with the right password, in every mode (U3). Unknown names lock
 * out like users (U10). The caller did the same work for every name (password-check.ts); this only
 * picks the answer.
 */
export function decideSignIn(facts: SignInFacts): SignInDecision {
  const { policy, user, passwordOk } = facts;
  if (!user) return policy.revealsUnknownUsers ? fail("userNotFound", messages.userDoesNotExist) : lockedOr(facts, incorrect());
  if (facts.attempt === "locked") return fail("notAuthorized", messages.passwordAttemptsExceeded);
  if (user.status === "UNCONFIRMED" && (policy.revealsUnconfirmedBeforeProof || passwordOk)) return fail("userNotConfirmed", messages.userNotConfirmed);
  if (user.status === "RESET_REQUIRED") return resetRequired(policy, passwordOk);
  if (!passwordOk) return incorrect();
  if (!user.enabled) return fail("notAuthorized", messages.userDisabled);
  if (user.status === "FORCE_CHANGE_PASSWORD") {
    return temporaryPasswordExpired(facts.pool, user, facts.now) ? fail("notAuthorized", messages.temporaryPasswordExpired) : { kind: "newPasswordRequired", user };
  }
  return { kind: "tokens", user };
}

/** Unknown users see the same lockout as real ones: their counter lives under the name they sent. */
function lockedOr(facts: SignInFacts, otherwise: SignInFailure): SignInFailure {
  return facts.attempt === "locked" ? fail("notAuthorized", messages.passwordAttemptsExceeded) : otherwise;
}

function resetRequired(policy: ExistencePolicy, passwordOk: boolean): SignInFailure {
  const says = policy.passwordResetRequired === "always" || (policy.passwordResetRequired === "after-proof" && passwordOk);
  if (says) return fail("passwordResetRequired", messages.passwordResetRequired);
  return incorrect();
}

function temporaryPasswordExpired(pool: PoolRecord, user: UserRecord, now: number): boolean {
  const validMs = pool.passwordPolicy.temporaryPasswordValidityDays * 86_400_000;
  return user.passwordSetAt !== undefined && now - user.passwordSetAt > validMs;
}

import { poolNameFromId, verifierFromPassword, verifierMatches } from "../../crypto/srp.js";
import type { ChangePasswordRequest, ChangePasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { overHourlyLimit } from "../limits.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, credentialName, passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { verifyAccessToken } from "../tokens/verify-access-token.js";
import { counterKeyOf } from "../existence/subject.js";
import { firstProblem, limits, required } from "../validation.js";
import { indexOf } from "../usernames.js";

export type ChangePasswordOutcome = Outcome<ChangePasswordResponse>;

/**
 * ChangePassword (docs/cognito.md §2.12): the caller holds an access token, so nothing here can enumerate
 * users. At most 5 calls per user per hour; the previous password must be right, and failures count
 * toward the sign-in lockout (docs/cognito.md §6.4); the user's state is told only after that proof (U12).
 */
export async function changePassword(deps: Deps, request: ChangePasswordRequest): Promise<ChangePasswordOutcome> {
  const problem = firstProblem(
    required("access_token", request.accessToken, limits.token),
    required("previous_password", request.previousPassword, limits.password),
    required("proposed_password", request.proposedPassword, limits.password),
  );
  if (problem) return problem;
  const signedIn = await verifyAccessToken(deps, request.accessToken);
  if (!("user" in signedIn)) return signedIn;
  const { pool, user } = signedIn;
  // Disabling a user revokes its tokens (docs/cognito.md §1.4); one read before that is refused alike (U12).
  if (!user.enabled) return fail("notAuthorized", messages.tokenRevoked);
  const counterKey = counterKeyOf(user, user.username);
  const limited = await overHourlyLimit(deps, pool.id, "ChangePassword", counterKey);
  if (limited) return limited;
  const passwordOk = previousPasswordMatches(pool, user, request.previousPassword);
  const attempt = await deps.stores.lockout.record(pool.id, counterKey, passwordOk, deps.clock());
  if (attempt === "locked") return fail("notAuthorized", messages.passwordAttemptsExceeded);
  if (!passwordOk) return fail("notAuthorized", messages.incorrectCredentials);
  if (user.status === "RESET_REQUIRED") return fail("passwordResetRequired", messages.passwordResetRequired);
  const weak = checkPasswordPolicy(pool.passwordPolicy, request.proposedPassword);
  if (weak) return weak;
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => ({ user: { ...current, ...passwordFields(deps, pool, current.username, request.proposedPassword) }, value: undefined }), deps.clock(), indexOf(pool));
  if (!updated || !updated.ok) return fail("notAuthorized", messages.tokenRevoked);
  await rememberPassword(deps, pool, updated.user, request.proposedPassword);
  return success({});
}

function previousPasswordMatches(pool: PoolRecord, user: UserRecord, password: string): boolean {
  if (user.verifier === undefined || user.salt === undefined) return false;
  return verifierMatches(user.verifier, verifierFromPassword(poolNameFromId(pool.id), credentialName(pool, user), password, user.salt));
}

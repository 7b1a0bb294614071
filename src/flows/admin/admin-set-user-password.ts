import type { AdminSetUserPasswordRequest, AdminSetUserPasswordResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { firstProblem, limits, required } from "../validation.js";
import { isTarget, loadTarget, targetProblem, userGone } from "./admin-target.js";
import { indexOf } from "../usernames.js";

export type AdminSetUserPasswordOutcome = Outcome<AdminSetUserPasswordResponse>;

/**
 * AdminSetUserPassword (docs/cognito.md §2.17): permanent → CONFIRMED; temporary → FORCE_CHANGE_PASSWORD, so
 * the next sign-in answers NEW_PASSWORD_REQUIRED, and the password expires like any temporary one
 * (passwordSetAt is now). The policy applies to both. Existing tokens are left alone, as in Cognito.
 */
export async function adminSetUserPassword(deps: Deps, request: AdminSetUserPasswordRequest): Promise<AdminSetUserPasswordOutcome> {
  const problem = firstProblem(targetProblem(request), required("password", request.password, limits.password));
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const { pool, user } = target;
  const weak = checkPasswordPolicy(pool.passwordPolicy, request.password);
  if (weak) return weak;
  // The verifier is computed once, outside the compare-and-set loop: the username never changes.
  const fields = passwordFields(deps, pool, user.username, request.password);
  const status = request.permanent ? ("CONFIRMED" as const) : ("FORCE_CHANGE_PASSWORD" as const);
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => ({ user: { ...current, ...fields, status }, value: undefined }), deps.clock(), indexOf(pool));
  if (!updated?.ok) return userGone();
  await rememberPassword(deps, pool, updated.user, request.password);
  return success({});
}

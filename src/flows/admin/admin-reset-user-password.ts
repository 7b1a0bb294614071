import type { AdminResetUserPasswordRequest, AdminResetUserPasswordResponse } from "../../gen/identity/v1/admin_service.js";
import { deliverCode } from "../codes.js";
import { recoveryDestination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { firstProblem, stringMap } from "../validation.js";
import { isTarget, loadTarget, targetProblem, userGone } from "./admin-target.js";
import { indexOf } from "../usernames.js";

export type AdminResetUserPasswordOutcome = Outcome<AdminResetUserPasswordResponse>;

/**
 * AdminResetUserPassword (docs/cognito.md §2.18): the user becomes RESET_REQUIRED — its next sign-in answers
 * password_reset_required (LEGACY) or the generic not_authorized (ENABLED) — and, when self-service
 * recovery can reach it (a verified contact, no admin_only), gets a reset code valid 1 hour, as
 * ForgotPassword would send. A disabled user is refused with "User is disabled." (U13).
 */
export async function adminResetUserPassword(deps: Deps, request: AdminResetUserPasswordRequest): Promise<AdminResetUserPasswordOutcome> {
  const problem = firstProblem(targetProblem(request), stringMap("client_metadata", request.clientMetadata));
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const { pool, user } = target;
  if (!user.enabled) return fail("notAuthorized", messages.userDisabled);
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => ({ user: { ...current, status: "RESET_REQUIRED" as const }, value: undefined }), deps.clock(), indexOf(pool));
  if (!updated || !updated.ok) return userGone();
  const destination = pool.accountRecovery.includes("admin_only") ? undefined : recoveryDestination(pool, updated.user, request.username);
  if (destination) {
    await deliverCode(deps, pool, updated.user, destination, { purpose: "forgot-password", event: "AdminResetUserPassword", origin: { clientMetadata: request.clientMetadata } });
  }
  return success({});
}

import type { AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { isTarget, loadTarget, targetProblem } from "./admin-target.js";

export type AdminUserGlobalSignOutOutcome = Outcome<AdminUserGlobalSignOutResponse>;

/** AdminUserGlobalSignOut (docs/cognito.md §2.10): every sign-in of the user is revoked, access and refresh tokens alike. */
export async function adminUserGlobalSignOut(deps: Deps, request: AdminUserGlobalSignOutRequest): Promise<AdminUserGlobalSignOutOutcome> {
  const problem = targetProblem(request);
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  await deps.stores.authEvents.revokeAllOf(target.pool.id, target.user.username);
  return success({});
}

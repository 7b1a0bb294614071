import type { AdminGetUserRequest, AdminGetUserResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { userView } from "../user-view.js";
import { isTarget, loadTarget, targetProblem } from "./admin-target.js";

export type AdminGetUserOutcome = Outcome<AdminGetUserResponse>;

/** AdminGetUser (docs/cognito.md §2.14): by username, verified alias or sub; unknown → "User does not exist." in every mode. */
export async function adminGetUser(deps: Deps, request: AdminGetUserRequest): Promise<AdminGetUserOutcome> {
  const problem = targetProblem(request);
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  return isTarget(target) ? success(userView(target.user)) : target;
}

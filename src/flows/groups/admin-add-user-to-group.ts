import type { AdminAddUserToGroupRequest, AdminAddUserToGroupResponse } from "../../gen/identity/v1/groups.js";
import { isTarget, loadTarget, targetProblem } from "../admin/admin-target.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { groupNameProblem, MAX_GROUPS_PER_USER } from "./group-input.js";

export type AdminAddUserToGroupOutcome = Outcome<AdminAddUserToGroupResponse>;

/** AdminAddUserToGroup: idempotent; at most 100 groups per user (Cognito's quota). */
export async function adminAddUserToGroup(deps: Deps, request: AdminAddUserToGroupRequest): Promise<AdminAddUserToGroupOutcome> {
  const problem = targetProblem(request) ?? groupNameProblem("group_name", request.groupName);
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const added = await deps.stores.groups.addMember(target.pool.id, request.groupName, target.user.sub, MAX_GROUPS_PER_USER);
  if (added === "no-group") return fail("resourceNotFound", messages.groupNotFound);
  if (added === "limit") return fail("limitExceeded", messages.userGroupLimit);
  return success({});
}

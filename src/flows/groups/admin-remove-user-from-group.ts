import type { AdminRemoveUserFromGroupRequest, AdminRemoveUserFromGroupResponse } from "../../gen/identity/v1/groups.js";
import { isTarget, loadTarget, targetProblem } from "../admin/admin-target.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { groupNameProblem } from "./group-input.js";

export type AdminRemoveUserFromGroupOutcome = Outcome<AdminRemoveUserFromGroupResponse>;

/** AdminRemoveUserFromGroup: idempotent for a member-less pair; the group must exist. */
export async function adminRemoveUserFromGroup(deps: Deps, request: AdminRemoveUserFromGroupRequest): Promise<AdminRemoveUserFromGroupOutcome> {
  const problem = targetProblem(request) ?? groupNameProblem("group_name", request.groupName);
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  if (!(await deps.stores.groups.get(target.pool.id, request.groupName))) return fail("resourceNotFound", messages.groupNotFound);
  await deps.stores.groups.removeMember(target.pool.id, request.groupName, target.user.sub);
  return success({});
}

import type { AdminListGroupsForUserRequest, AdminListGroupsForUserResponse } from "../../gen/identity/v1/groups.js";
import { isTarget, loadTarget, targetProblem } from "../admin/admin-target.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "../admin/page-token.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { groupView } from "./group-input.js";

export type AdminListGroupsForUserOutcome = Outcome<AdminListGroupsForUserResponse>;

/** AdminListGroupsForUser: in name order, Limit 1-60 (60 when 0). */
export async function adminListGroupsForUser(deps: Deps, request: AdminListGroupsForUserRequest): Promise<AdminListGroupsForUserOutcome> {
  const problem = targetProblem(request);
  if (problem) return problem;
  const size = pageSize("limit", request.limit, 60);
  if (typeof size !== "number") return size;
  const after = readPageToken("next_token", "user-groups", request.nextToken);
  if (isRefusal(after)) return after;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const groups = await deps.stores.groups.groupPageOf(target.pool.id, target.user.sub, after, size + 1);
  const page = groups.slice(0, size);
  const last = page[page.length - 1];
  return success({ groups: page.map((g) => groupView(target.pool.id, g)), nextToken: groups.length > size && last ? pageToken("user-groups", last.name) : "" });
}

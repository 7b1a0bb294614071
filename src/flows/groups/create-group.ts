import type { CreateGroupRequest, CreateGroupResponse } from "../../gen/identity/v1/groups.js";
import { isPool, loadPool } from "../admin/admin-target.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { firstProblem, poolId } from "../validation.js";
import { groupDetailsProblem, groupNameProblem, groupView, MAX_GROUPS_PER_POOL } from "./group-input.js";

export type CreateGroupOutcome = Outcome<CreateGroupResponse>;

/** CreateGroup: a name unique in the pool, with description, role ARN (data) and precedence. */
export async function createGroup(deps: Deps, request: CreateGroupRequest): Promise<CreateGroupOutcome> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), groupNameProblem("group_name", request.groupName), groupDetailsProblem(request));
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  if ((await deps.stores.groups.count(pool.id)) >= MAX_GROUPS_PER_POOL) return fail("limitExceeded", messages.groupLimit);
  const now = deps.clock();
  const group = { name: request.groupName, description: request.description, roleArn: request.roleArn, precedence: request.precedence, createdAt: now, updatedAt: now };
  if (!(await deps.stores.groups.create(pool.id, group))) return fail("groupExists", messages.groupExists);
  return success(groupView(pool.id, group));
}

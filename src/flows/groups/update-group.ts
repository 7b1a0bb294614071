import type { UpdateGroupRequest, UpdateGroupResponse } from "../../gen/identity/v1/groups.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { groupDetailsProblem, groupView, isGroup, loadGroup } from "./group-input.js";

export type UpdateGroupOutcome = Outcome<UpdateGroupResponse>;

/** UpdateGroup: the fields present replace the group's; members' next tokens see the new order. */
export async function updateGroup(deps: Deps, request: UpdateGroupRequest): Promise<UpdateGroupOutcome> {
  const problem = groupDetailsProblem(request);
  if (problem) return problem;
  const loaded = await loadGroup(deps, request);
  if (!isGroup(loaded)) return loaded;
  const { group } = loaded;
  const updated = {
    ...group,
    description: request.description ?? group.description,
    roleArn: request.roleArn ?? group.roleArn,
    precedence: request.precedence ?? group.precedence,
    updatedAt: deps.clock(),
  };
  if (!(await deps.stores.groups.put(loaded.poolId, updated))) return fail("resourceNotFound", messages.groupNotFound);
  return success(groupView(loaded.poolId, updated));
}

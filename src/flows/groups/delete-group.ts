import type { DeleteGroupRequest, DeleteGroupResponse } from "../../gen/identity/v1/groups.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { isGroup, loadGroup } from "./group-input.js";

export type DeleteGroupOutcome = Outcome<DeleteGroupResponse>;

/** DeleteGroup: the group and every membership in it go in one script; tokens issued from now on do not carry it. */
export async function deleteGroup(deps: Deps, request: DeleteGroupRequest): Promise<DeleteGroupOutcome> {
  const loaded = await loadGroup(deps, request);
  if (!isGroup(loaded)) return loaded;
  if (!(await deps.stores.groups.delete(loaded.poolId, loaded.group.name))) return fail("resourceNotFound", messages.groupNotFound);
  return success({});
}

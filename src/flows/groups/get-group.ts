import type { GetGroupRequest, GetGroupResponse } from "../../gen/identity/v1/groups.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { groupView, isGroup, loadGroup } from "./group-input.js";

export type GetGroupOutcome = Outcome<GetGroupResponse>;

/** GetGroup. */
export async function getGroup(deps: Deps, request: GetGroupRequest): Promise<GetGroupOutcome> {
  const loaded = await loadGroup(deps, request);
  return isGroup(loaded) ? success(groupView(loaded.poolId, loaded.group)) : loaded;
}

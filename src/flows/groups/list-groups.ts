import type { ListGroupsRequest, ListGroupsResponse } from "../../gen/identity/v1/groups.js";
import { isPool, loadPool } from "../admin/admin-target.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "../admin/page-token.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { groupView } from "./group-input.js";

export type ListGroupsOutcome = Outcome<ListGroupsResponse>;

/** ListGroups: in name order, Limit 1-60 (60 when 0). */
export async function listGroups(deps: Deps, request: ListGroupsRequest): Promise<ListGroupsOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const size = pageSize("limit", request.limit, 60);
  if (typeof size !== "number") return size;
  const after = readPageToken("next_token", "groups", request.nextToken);
  if (isRefusal(after)) return after;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const groups = await deps.stores.groups.page(pool.id, after, size + 1);
  const page = groups.slice(0, size);
  const last = page[page.length - 1];
  return success({ groups: page.map((g) => groupView(pool.id, g)), nextToken: groups.length > size && last ? pageToken("groups", last.name) : "" });
}

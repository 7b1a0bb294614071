import type { ListUsersInGroupRequest, ListUsersInGroupResponse } from "../../gen/identity/v1/groups.js";
import type { UserRecord } from "../../store/records.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "../admin/page-token.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { userView } from "../user-view.js";
import { isGroup, loadGroup } from "./group-input.js";

export type ListUsersInGroupOutcome = Outcome<ListUsersInGroupResponse>;

/** ListUsersInGroup: members in sub order, Limit 1-60 (60 when 0); a member deleted meanwhile is skipped. */
export async function listUsersInGroup(deps: Deps, request: ListUsersInGroupRequest): Promise<ListUsersInGroupOutcome> {
  const size = pageSize("limit", request.limit, 60);
  if (typeof size !== "number") return size;
  const after = readPageToken("next_token", "group-users", request.nextToken);
  if (isRefusal(after)) return after;
  const loaded = await loadGroup(deps, request);
  if (!isGroup(loaded)) return loaded;
  const subs = await deps.stores.groups.memberPage(loaded.poolId, loaded.group.name, after, size + 1);
  const page = subs.slice(0, size);
  const users = await Promise.all(page.map((sub) => deps.stores.users.find(loaded.poolId, [{ kind: "sub", value: sub }])));
  const last = page[page.length - 1];
  return success({
    users: users.filter((u): u is UserRecord => u !== undefined).map((u) => userView(u)),
    nextToken: subs.length > size && last ? pageToken("group-users", last) : "",
  });
}

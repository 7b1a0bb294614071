import type { ListUserPoolsRequest, ListUserPoolsResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "./page-token.js";
import { poolView } from "./pool-settings.js";

export type ListUserPoolsOutcome = Outcome<ListUserPoolsResponse>;

/** ListUserPools: pools in id order, max_results (1-60) at a time; next_token is set while more remain. */
export async function listUserPools(deps: Deps, request: ListUserPoolsRequest): Promise<ListUserPoolsOutcome> {
  const size = pageSize("max_results", request.maxResults);
  if (typeof size !== "number") return size;
  const after = readPageToken("next_token", "pools", request.nextToken);
  if (isRefusal(after)) return after;
  // One more than asked tells whether another page exists without returning an empty last page.
  const pools = await deps.stores.pools.page(after, size + 1);
  const page = pools.slice(0, size);
  const last = page[page.length - 1];
  return success({ userPools: page.map(poolView), nextToken: pools.length > size && last ? pageToken("pools", last.id) : "" });
}

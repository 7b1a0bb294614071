import type { ListResourceServersRequest, ListResourceServersResponse } from "../../gen/identity/v1/m2m.js";
import { isPool, loadPool } from "../admin/admin-target.js";
import { isRefusal, pageToken, readPageToken } from "../admin/page-token.js";
import type { Deps } from "../deps.js";
import { invalidParameter, success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { resourceServerView } from "./resource-server-input.js";

export type ListResourceServersOutcome = Outcome<ListResourceServersResponse>;

/** ListResourceServers: in identifier order; MaxResults 1-50 (Cognito's ListResourceServersLimitType), 50 when 0. */
export async function listResourceServers(deps: Deps, request: ListResourceServersRequest): Promise<ListResourceServersOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const size = request.maxResults === 0 ? 50 : request.maxResults;
  if (!Number.isInteger(size) || size < 1 || size > 50) return invalidParameter("max_results", `1 validation error detected: Value '${request.maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 50`);
  const after = readPageToken("next_token", "resource-servers", request.nextToken);
  if (isRefusal(after)) return after;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const servers = await deps.stores.resourceServers.page(pool.id, after, size + 1);
  const page = servers.slice(0, size);
  const last = page[page.length - 1];
  return success({
    resourceServers: page.map((s) => resourceServerView(pool.id, s)),
    nextToken: servers.length > size && last ? pageToken("resource-servers", last.identifier) : "",
  });
}

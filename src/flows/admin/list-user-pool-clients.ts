import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { clientView } from "./client-settings.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "./page-token.js";

export type ListUserPoolClientsOutcome = Outcome<ListUserPoolClientsResponse>;

/** ListUserPoolClients: a pool's clients in id order, secrets omitted (DescribeUserPoolClient shows them). */
export async function listUserPoolClients(deps: Deps, request: ListUserPoolClientsRequest): Promise<ListUserPoolClientsOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const size = pageSize("max_results", request.maxResults);
  if (typeof size !== "number") return size;
  const after = readPageToken("next_token", "clients", request.nextToken);
  if (isRefusal(after)) return after;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const clients = await deps.stores.clients.page(pool.id, after, size + 1);
  const page = clients.slice(0, size);
  const last = page[page.length - 1];
  return success({ userPoolClients: page.map((c) => clientView(c, false)), nextToken: clients.length > size && last ? pageToken("clients", last.clientId) : "" });
}

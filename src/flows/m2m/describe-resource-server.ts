import type { DescribeResourceServerRequest, DescribeResourceServerResponse } from "../../gen/identity/v1/m2m.js";
import type { ResourceServerRecord } from "../../store/resource-servers.js";
import { isPool, loadPool } from "../admin/admin-target.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Failure, type InvalidParameter, type Outcome } from "../outcome.js";
import { firstProblem, poolId } from "../validation.js";
import { identifierProblem, resourceServerView } from "./resource-server-input.js";

export type DescribeResourceServerOutcome = Outcome<DescribeResourceServerResponse>;

export interface LoadedResourceServer {
  readonly poolId: string;
  readonly server: ResourceServerRecord;
}

/** The pool and resource server a request names (ids checked first), or the arm that says why not. */
export async function loadResourceServer(deps: Deps, request: { userPoolId: string; identifier: string }): Promise<LoadedResourceServer | InvalidParameter | Failure<"resourceNotFound">> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), identifierProblem(request.identifier));
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const server = await deps.stores.resourceServers.get(pool.id, request.identifier);
  return server ? { poolId: pool.id, server } : fail("resourceNotFound", messages.resourceServerNotFound(request.identifier));
}

export function isLoaded(value: LoadedResourceServer | InvalidParameter | Failure): value is LoadedResourceServer {
  return "server" in value;
}

/** DescribeResourceServer. */
export async function describeResourceServer(deps: Deps, request: DescribeResourceServerRequest): Promise<DescribeResourceServerOutcome> {
  const loaded = await loadResourceServer(deps, request);
  return isLoaded(loaded) ? success(resourceServerView(loaded.poolId, loaded.server)) : loaded;
}

import type { CreateResourceServerRequest, CreateResourceServerResponse } from "../../gen/identity/v1/m2m.js";
import { isPool, loadPool } from "../admin/admin-target.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, isFailure, success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { forgetPoolScopes } from "./pool-scopes.js";
import { resourceServerFrom, resourceServerView } from "./resource-server-input.js";

export type CreateResourceServerOutcome = Outcome<CreateResourceServerResponse>;

/** Cognito's quota of resource servers per user pool. */
export const MAX_RESOURCE_SERVERS = 25;

/** CreateResourceServer: a new API with its custom scopes; the identifier is fixed from now on. */
export async function createResourceServer(deps: Deps, request: CreateResourceServerRequest): Promise<CreateResourceServerOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const server = resourceServerFrom(request.identifier, request.name, request.scopes);
  if (isFailure(server)) return server;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  if ((await deps.stores.resourceServers.count(pool.id)) >= MAX_RESOURCE_SERVERS) return fail("limitExceeded", messages.resourceServerLimit);
  if (!(await deps.stores.resourceServers.create(pool.id, server))) return invalidParameter("identifier", messages.resourceServerExists(server.identifier));
  forgetPoolScopes(pool.id);
  return success(resourceServerView(pool.id, server));
}

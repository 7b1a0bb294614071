import type { UpdateResourceServerRequest, UpdateResourceServerResponse } from "../../gen/identity/v1/m2m.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, isFailure, success, type Outcome } from "../outcome.js";
import { isLoaded, loadResourceServer } from "./describe-resource-server.js";
import { forgetPoolScopes } from "./pool-scopes.js";
import { resourceServerFrom, resourceServerView } from "./resource-server-input.js";

export type UpdateResourceServerOutcome = Outcome<UpdateResourceServerResponse>;

/**
 * UpdateResourceServer: name and scopes are replaced, as in Cognito (scopes left out are removed).
 * Clients keep removed scopes in their allowed list, but no token carries them any more.
 */
export async function updateResourceServer(deps: Deps, request: UpdateResourceServerRequest): Promise<UpdateResourceServerOutcome> {
  const server = resourceServerFrom(request.identifier, request.name, request.scopes);
  if (isFailure(server)) return server;
  const loaded = await loadResourceServer(deps, request);
  if (!isLoaded(loaded)) return loaded;
  if (!(await deps.stores.resourceServers.put(loaded.poolId, server))) return fail("resourceNotFound", messages.resourceServerNotFound(request.identifier));
  forgetPoolScopes(loaded.poolId);
  return success(resourceServerView(loaded.poolId, server));
}

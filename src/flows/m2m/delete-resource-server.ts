import type { DeleteResourceServerRequest, DeleteResourceServerResponse } from "../../gen/identity/v1/m2m.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { isLoaded, loadResourceServer } from "./describe-resource-server.js";
import { forgetPoolScopes } from "./pool-scopes.js";

export type DeleteResourceServerOutcome = Outcome<DeleteResourceServerResponse>;

/** DeleteResourceServer: its scopes stop being granted (docs/machine-to-machine.md). */
export async function deleteResourceServer(deps: Deps, request: DeleteResourceServerRequest): Promise<DeleteResourceServerOutcome> {
  const loaded = await loadResourceServer(deps, request);
  if (!isLoaded(loaded)) return loaded;
  await deps.stores.resourceServers.delete(loaded.poolId, loaded.server.identifier);
  forgetPoolScopes(loaded.poolId);
  return success({});
}

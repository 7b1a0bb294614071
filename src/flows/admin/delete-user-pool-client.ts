import type { DeleteUserPoolClientRequest, DeleteUserPoolClientResponse } from "../../gen/identity/v1/admin_service.js";
import { forgetClientContexts } from "../client-context.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { isClient, loadClient } from "./admin-target.js";

export type DeleteUserPoolClientOutcome = Outcome<DeleteUserPoolClientResponse>;

/** DeleteUserPoolClient: requests naming the client fail from now on (this replica at once). */
export async function deleteUserPoolClient(deps: Deps, request: DeleteUserPoolClientRequest): Promise<DeleteUserPoolClientOutcome> {
  const client = await loadClient(deps, request);
  if (!isClient(client)) return client;
  await deps.stores.clients.delete(client);
  forgetClientContexts();
  return success({});
}

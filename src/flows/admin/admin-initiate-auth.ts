import type { AdminInitiateAuthRequest } from "../../gen/identity/v1/admin_service.js";
import { clientContext, isContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail } from "../outcome.js";
import type { AuthOutcome } from "../sign-in/auth-outcome.js";
import { startAuth } from "../sign-in/auth-flows.js";
import { clientId, firstProblem, poolId, stringMap } from "../validation.js";

/** AdminInitiateAuth (docs/cognito.md §2.7): as InitiateAuth, with the ADMIN_* flows; the client's mode applies. */
export async function adminInitiateAuth(deps: Deps, request: AdminInitiateAuthRequest): Promise<AuthOutcome> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), clientId("client_id", request.clientId), stringMap("auth_parameters", request.authParameters), stringMap("client_metadata", request.clientMetadata));
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  if (context.pool.id !== request.userPoolId) return fail("resourceNotFound", messages.clientNotFound(request.clientId));
  return startAuth(deps, context, request.authFlow, { parameters: request.authParameters, clientMetadata: request.clientMetadata, caller: "admin", session: "" });
}

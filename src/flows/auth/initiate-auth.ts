import type { InitiateAuthRequest } from "../../gen/identity/v1/auth_service.js";
import { clientContext, isContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import type { AuthOutcome } from "../sign-in/auth-outcome.js";
import { startAuth } from "../sign-in/auth-flows.js";
import { clientId, firstProblem, stringMap } from "../validation.js";

/** InitiateAuth (docs/cognito.md §2.6). */
export async function initiateAuth(deps: Deps, request: InitiateAuthRequest): Promise<AuthOutcome> {
  const problem = firstProblem(clientId("client_id", request.clientId), stringMap("auth_parameters", request.authParameters), stringMap("client_metadata", request.clientMetadata));
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  return startAuth(deps, context, request.authFlow, { parameters: request.authParameters, clientMetadata: request.clientMetadata, caller: "client", session: "" });
}

import type { CreateUserPoolClientRequest, CreateUserPoolClientResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, isFailure, success, type Outcome } from "../outcome.js";
import { clientId, firstProblem, limits, poolId, required } from "../validation.js";
import { clientSettingsFrom, clientView } from "./client-settings.js";
import { newClientId, newClientSecret } from "./ids.js";
import { forgetUnknownClient } from "../m2m/credential-client.js";
import { forgetClientContexts } from "../client-context.js";
import { clientOauthProblem } from "./oauth-settings.js";

export type CreateUserPoolClientOutcome = Outcome<CreateUserPoolClientResponse>;

/**
 * CreateUserPoolClient: defaults are secure (PreventUserExistenceErrors ENABLED); the secret is
 * shown here. Past the resource quota of clients per pool (Cognito's default: 1000): limit_exceeded.
 */
export async function createUserPoolClient(deps: Deps, request: CreateUserPoolClientRequest): Promise<CreateUserPoolClientOutcome> {
  const problem = firstProblem(
    poolId("user_pool_id", request.userPoolId),
    required("client_name", request.clientName, limits.name),
    request.clientId === "" ? undefined : clientId("client_id", request.clientId),
  );
  if (problem) return problem;
  const settings = clientSettingsFrom(request.settings);
  if (isFailure(settings)) return settings;
  if (!(await deps.stores.pools.get(request.userPoolId))) return fail("resourceNotFound", messages.poolNotFound(request.userPoolId));
  const oauthProblem = clientOauthProblem(settings, request.generateSecret, await deps.stores.resourceServers.scopesOf(request.userPoolId));
  if (oauthProblem) return oauthProblem;
  // Counted, then created: two racing creations may pass the last free place together.
  if ((await deps.stores.clients.count(request.userPoolId)) >= deps.settings.maxClientsPerPool) return fail("limitExceeded", messages.tooManyClients(deps.settings.maxClientsPerPool));
  const now = deps.clock();
  const client = {
    poolId: request.userPoolId,
    clientId: request.clientId || newClientId(deps.random),
    name: request.clientName,
    secret: request.generateSecret ? newClientSecret(deps.random) : undefined,
    ...settings,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await deps.stores.clients.create(client))) return invalidParameter("client_id", `User pool client ${client.clientId} already exists.`);
  forgetUnknownClient(client.clientId);
  forgetClientContexts();
  return success(clientView(client, true));
}

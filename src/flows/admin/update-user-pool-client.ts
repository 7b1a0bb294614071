import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from "../../gen/identity/v1/admin_service.js";
import type { ClientRecord } from "../../store/records.js";
import { forgetClientContexts } from "../client-context.js";
import type { Deps } from "../deps.js";
import { isFailure, success, type Outcome } from "../outcome.js";
import { limits, maxLength } from "../validation.js";
import { clientSettingsFrom, clientView } from "./client-settings.js";
import { isClient, loadClient } from "./admin-target.js";
import { clientOauthProblem } from "./oauth-settings.js";

export type UpdateUserPoolClientOutcome = Outcome<UpdateUserPoolClientResponse>;

/**
 * UpdateUserPoolClient: replaces the settings (absent ones take their defaults, as in Cognito); the
 * name changes only when given; the secret is kept.
 */
export async function updateUserPoolClient(deps: Deps, request: UpdateUserPoolClientRequest): Promise<UpdateUserPoolClientOutcome> {
  // The ids are checked by loadClient, before the store is read.
  const problem = maxLength("client_name", request.clientName, limits.name);
  if (problem) return problem;
  const settings = clientSettingsFrom(request.settings);
  if (isFailure(settings)) return settings;
  const client = await loadClient(deps, request);
  if (!isClient(client)) return client;
  const oauthProblem = clientOauthProblem(settings, client.secret !== undefined, await deps.stores.resourceServers.scopesOf(client.poolId));
  if (oauthProblem) return oauthProblem;
  const updated: ClientRecord = { ...client, ...settings, name: request.clientName || client.name, updatedAt: deps.clock() };
  await deps.stores.clients.put(updated);
  // This replica applies the new settings at once; others within the context cache's two seconds.
  forgetClientContexts();
  return success(clientView(updated, true));
}

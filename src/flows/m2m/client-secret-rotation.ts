// Client secret rotation (Cognito's AddUserPoolClientSecret, DeleteUserPoolClientSecret,
// ListUserPoolClientSecrets): a client has at most two secrets, both valid, so callers move to a
// new one before the old one is retired — without a moment when neither works.
import type {
  AddUserPoolClientSecretRequest,
  AddUserPoolClientSecretResponse,
  ClientSecretDescriptor,
  DeleteUserPoolClientSecretRequest,
  DeleteUserPoolClientSecretResponse,
  ListUserPoolClientSecretsRequest,
  ListUserPoolClientSecretsResponse,
} from "../../gen/identity/v1/m2m.js";
import type { ClientSecretEntry } from "../../store/records.js";
import { isClient, loadClient } from "../admin/admin-target.js";
import { newClientSecret } from "../admin/ids.js";
import { forgetClientContexts } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, success, type Outcome } from "../outcome.js";
import { pattern } from "../validation.js";
import { secretsOf, withSecrets } from "./client-secrets.js";

export const MAX_CLIENT_SECRETS = 2;
/** Cognito's ClientSecretType for secrets the caller chooses. */
const CUSTOM_SECRET = /^[\w+]{24,64}$/;

export async function addUserPoolClientSecret(deps: Deps, request: AddUserPoolClientSecretRequest): Promise<Outcome<AddUserPoolClientSecretResponse>> {
  if (request.clientSecret !== "") {
    const problem = request.clientSecret.length > 64 || request.clientSecret.length < 24
      ? invalidParameter("client_secret", "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length between 24 and 64")
      : pattern("client_secret", request.clientSecret, CUSTOM_SECRET, "[\\w+]+");
    if (problem) return problem;
  }
  const client = await loadClient(deps, request);
  if (!isClient(client)) return client;
  const secrets = secretsOf(client);
  if (secrets.length === 0) return invalidParameter("client_id", messages.noClientSecret);
  if (secrets.length >= MAX_CLIENT_SECRETS) return fail("limitExceeded", messages.clientSecretLimit);
  const entry: ClientSecretEntry = { id: deps.random(16).toString("hex"), value: request.clientSecret || newClientSecret(deps.random), createdAt: deps.clock() };
  await deps.stores.clients.put({ ...withSecrets(client, [...secrets, entry]), updatedAt: deps.clock() });
  forgetClientContexts();
  // The value is shown once, and only when the server chose it (Cognito's AddUserPoolClientSecret).
  return success(descriptor(entry, request.clientSecret === ""));
}

export async function deleteUserPoolClientSecret(deps: Deps, request: DeleteUserPoolClientSecretRequest): Promise<Outcome<DeleteUserPoolClientSecretResponse>> {
  const problem = request.clientSecretId.length === 0 || request.clientSecretId.length > 64 ? invalidParameter("client_secret_id", messages.clientSecretNotFound(request.clientSecretId.slice(0, 64))) : undefined;
  if (problem) return problem;
  const client = await loadClient(deps, request);
  if (!isClient(client)) return client;
  const secrets = secretsOf(client);
  if (!secrets.some((s) => s.id === request.clientSecretId)) return fail("resourceNotFound", messages.clientSecretNotFound(request.clientSecretId));
  if (secrets.length === 1) return invalidParameter("client_secret_id", messages.lastClientSecret);
  await deps.stores.clients.put({ ...withSecrets(client, secrets.filter((s) => s.id !== request.clientSecretId)), updatedAt: deps.clock() });
  // This replica refuses the retired secret at once; others within the context cache's two seconds.
  forgetClientContexts();
  return success({});
}

export async function listUserPoolClientSecrets(deps: Deps, request: ListUserPoolClientSecretsRequest): Promise<Outcome<ListUserPoolClientSecretsResponse>> {
  const client = await loadClient(deps, request);
  if (!isClient(client)) return client;
  return success({ clientSecrets: secretsOf(client).map((s) => descriptor(s, false)) });
}

function descriptor(entry: ClientSecretEntry, withValue: boolean): ClientSecretDescriptor {
  return { clientSecretId: entry.id, clientSecretValue: withValue ? entry.value : "", clientSecretCreateDate: new Date(entry.createdAt) };
}

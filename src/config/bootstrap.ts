import { createUserPool } from "../flows/admin/create-user-pool.js";
import { createUserPoolClient } from "../flows/admin/create-user-pool-client.js";
import { clientSettingsFrom } from "../flows/admin/client-settings.js";
import { poolSettingsFrom } from "../flows/admin/pool-settings.js";
import type { Deps } from "../flows/deps.js";
import { isFailure } from "../flows/outcome.js";
import { UserPoolClientSettings, UserPoolSettings } from "../gen/identity/v1/common.js";
import type { ClientEntry, ConfigFile, PoolEntry, ResourceServerEntry } from "./config-file.js";
import { clientOauthProblem } from "../flows/admin/oauth-settings.js";
import { forgetPoolScopes } from "../flows/m2m/pool-scopes.js";
import { forgetClientContexts } from "../flows/client-context.js";
import { resourceServerFrom } from "../flows/m2m/resource-server-input.js";

/**
 * Applies the config file: missing pools and clients are created, existing ones take the file's
 * settings. Running it twice changes nothing the second time. A secret set in the file is kept.
 */
export async function applyConfigFile(deps: Deps, file: ConfigFile): Promise<void> {
  for (const pool of file.pools ?? []) {
    await applyPool(deps, pool);
    for (const server of pool.resourceServers ?? []) await applyResourceServer(deps, pool.id, server);
    for (const client of pool.clients ?? []) await applyClient(deps, pool.id, client);
  }
}

async function applyPool(deps: Deps, entry: PoolEntry): Promise<void> {
  const settings = UserPoolSettings.fromJSON({ ...entry.settings, accountRecovery: (entry.settings?.accountRecovery ?? []).map((m) => `RECOVERY_MECHANISM_${m.toUpperCase()}`) });
  if (!(await deps.stores.pools.get(entry.id))) {
    const created = await createUserPool(deps, { poolName: entry.name, userPoolId: entry.id, settings });
    // Another replica starting at the same time may have created it first: then update it below.
    if (created.$case === "success") return;
  }
  const existing = await deps.stores.pools.get(entry.id);
  if (!existing) throw new Error(`pool ${entry.id} cannot be created`);
  const parsed = poolSettingsFrom(settings);
  if (isFailure(parsed)) throw new Error(`pool ${entry.id}: ${parsed.value.message}`);
  await deps.stores.pools.put({ ...existing, ...parsed, name: entry.name, updatedAt: deps.clock() });
}

async function applyClient(deps: Deps, poolId: string, entry: ClientEntry): Promise<void> {
  const settings = UserPoolClientSettings.fromJSON({
    ...entry,
    explicitAuthFlows: (entry.explicitAuthFlows ?? []).map((f) => `EXPLICIT_AUTH_FLOW_${f}`),
    allowedOauthFlows: (entry.allowedOauthFlows ?? []).map((f) => `OAUTH_FLOW_${f.toUpperCase()}`),
    preventUserExistenceErrors: `PREVENT_USER_EXISTENCE_ERRORS_${entry.preventUserExistenceErrors ?? "ENABLED"}`,
  });
  const parsed = clientSettingsFrom(settings);
  if (isFailure(parsed)) throw new Error(`client ${entry.clientId}: ${parsed.value.message}`);
  const oauthProblem = clientOauthProblem(parsed, entry.secret !== undefined, await deps.stores.resourceServers.scopesOf(poolId));
  if (oauthProblem) throw new Error(`client ${entry.clientId}: ${oauthProblem.value.message}`);
  const existing = await deps.stores.clients.get(entry.clientId);
  if (existing && existing.poolId !== poolId) throw new Error(`client ${entry.clientId} belongs to pool ${existing.poolId}, not ${poolId}`);
  // A concurrent replica may win the creation; either way the client exists afterwards.
  if (!existing) await createUserPoolClient(deps, { userPoolId: poolId, clientName: entry.name, clientId: entry.clientId, generateSecret: entry.secret !== undefined, settings });
  const current = await deps.stores.clients.get(entry.clientId);
  if (!current) throw new Error(`client ${entry.clientId} vanished`);
  // The file declares the one secret: secrets added by rotation since are replaced by it.
  await deps.stores.clients.put({ ...current, ...parsed, name: entry.name, secret: entry.secret, secrets: undefined, updatedAt: deps.clock() });
  forgetClientContexts();
}

/** Creates or replaces a resource server with the file's name and scopes. */
async function applyResourceServer(deps: Deps, poolId: string, entry: ResourceServerEntry): Promise<void> {
  const server = resourceServerFrom(entry.identifier, entry.name, entry.scopes ?? []);
  if (isFailure(server)) throw new Error(`resource server ${entry.identifier}: ${server.value.message}`);
  if (!(await deps.stores.resourceServers.create(poolId, server))) await deps.stores.resourceServers.put(poolId, server);
  forgetPoolScopes(poolId);
}

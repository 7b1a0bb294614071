import { secretHash, secretHashMatches } from "../crypto/secret-hash.js";
import type { ClientRecord, ExplicitAuthFlow, PoolRecord } from "../store/records.js";
import type { Deps } from "./deps.js";
import { messages } from "./messages.js";
import { fail, type Failure } from "./outcome.js";
import { ShortCache } from "./short-cache.js";
import { forgetTypedIdentifiers } from "./existence/typed-identifiers.js";

/** The app client a request names and the pool it belongs to. */
export interface ClientContext {
  readonly client: ClientRecord;
  readonly pool: PoolRecord;
}

const contexts = new ShortCache<ClientContext | Failure<"resourceNotFound">>();
const pools = new ShortCache<PoolRecord | undefined>();

/**
 * Loads a client and its pool. Cached for two seconds per process: every request names a client,
 * and the settings change rarely (an update reaches every replica within that time).
 */
export function clientContext(deps: Deps, clientId: string): Promise<ClientContext | Failure<"resourceNotFound">> {
  return contexts.get(clientId, () => loadClientContext(deps, clientId), isContext);
}

async function loadClientContext(deps: Deps, clientId: string): Promise<ClientContext | Failure<"resourceNotFound">> {
  const client = await deps.stores.clients.get(clientId);
  const pool = client && (await deps.stores.pools.get(client.poolId));
  if (!client || !pool) return fail("resourceNotFound", messages.clientNotFound(clientId));
  return { client, pool };
}

/** A pool by id, cached the same way: request-rate quotas read its settings on every admin call. */
export function cachedPool(deps: Deps, poolId: string): Promise<PoolRecord | undefined> {
  return pools.get(poolId, () => deps.stores.pools.get(poolId));
}

/** Drops what this process keeps of pools and clients (contexts, pools, which pools show typed identifiers) after a local change to one. */
export function forgetClientContexts(): void {
  contexts.clear();
  pools.clear();
  forgetTypedIdentifiers();
}

export function isContext(value: ClientContext | Failure): value is ClientContext {
  return "client" in value;
}

/**
 * SECRET_HASH is checked before any user lookup: it depends only on the username sent, so it
 * behaves the same for real and unknown users (docs/cognito.md §3.7).
 */
export function checkSecretHash(client: ClientRecord, username: string, given: string | undefined): Failure<"notAuthorized"> | undefined {
  if (client.secret === undefined) return undefined;
  // During a rotation either secret signs (docs/machine-to-machine.md); each is checked, whichever matched.
  const secrets = client.secrets?.map((s) => s.value) ?? [client.secret];
  const matches = secrets.map((secret) => given !== undefined && given.length > 0 && secretHashMatches(secretHash(secret, username, client.clientId), given));
  if (!matches.includes(true)) return fail("notAuthorized", messages.secretHash(client.clientId));
  return undefined;
}

export function flowAllowed(client: ClientRecord, flow: ExplicitAuthFlow): boolean {
  return client.explicitAuthFlows.includes(flow);
}

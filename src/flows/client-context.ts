import { secretHash, secretHashMatches } from "../crypto/secret-hash.js";
import type { ClientRecord, ExplicitAuthFlow, PoolRecord } from "../store/records.js";
import type { Deps } from "./deps.js";
import { messages } from "./messages.js";
import { fail, type Failure } from "./outcome.js";

/** The app client a request names and the pool it belongs to. */
export interface ClientContext {
  readonly client: ClientRecord;
  readonly pool: PoolRecord;
}

const CACHE_MS = 2_000;
const cache = new Map<string, { context: ClientContext; until: number }>();

/**
 * Loads a client and its pool. Cached for two seconds per process: every request names a client,
 * and the settings change rarely (an update reaches every replica within that time).
 */
export async function clientContext(deps: Deps, clientId: string): Promise<ClientContext | Failure<"resourceNotFound">> {
  const now = Date.now();
  const cached = cache.get(clientId);
  if (cached && cached.until > now) return cached.context;
  const client = await deps.stores.clients.get(clientId);
  const pool = client && (await deps.stores.pools.get(client.poolId));
  if (!client || !pool) return fail("resourceNotFound", messages.clientNotFound(clientId));
  const context = { client, pool };
  cache.set(clientId, { context, until: now + CACHE_MS });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
  return context;
}

const pools = new Map<string, { pool: PoolRecord | undefined; until: number }>();

/** A pool by id, cached the same way: request-rate quotas read its settings on every admin call. */
export async function cachedPool(deps: Deps, poolId: string): Promise<PoolRecord | undefined> {
  const now = Date.now();
  const cached = pools.get(poolId);
  if (cached && cached.until > now) return cached.pool;
  const pool = await deps.stores.pools.get(poolId);
  pools.set(poolId, { pool, until: now + CACHE_MS });
  if (pools.size > 10_000) pools.delete(pools.keys().next().value as string);
  return pool;
}

/** Drops cached contexts and pools after a local change to a pool or client. */
export function forgetClientContexts(): void {
  cache.clear();
  pools.clear();
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

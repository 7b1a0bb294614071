import type { Deps } from "../deps.js";

const CACHE_MS = 2_000;
const cache = new Map<string, { scopes: ReadonlySet<string>; until: number }>();

/**
 * Every scope a pool's resource servers define (`<identifier>/<scope name>`). Read on every
 * client-credentials grant, so cached for two seconds per process like client contexts: a deleted
 * scope stops being granted at once here and within two seconds on other replicas. Admin
 * operations that check a client's scopes read the store itself, so a resource server created
 * through one instance is seen by the next admin call on any other.
 */
export async function poolScopes(deps: Deps, poolId: string): Promise<ReadonlySet<string>> {
  const now = Date.now();
  const cached = cache.get(poolId);
  if (cached && cached.until > now) return cached.scopes;
  const scopes = await deps.stores.resourceServers.scopesOf(poolId);
  cache.set(poolId, { scopes, until: now + CACHE_MS });
  if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
  return scopes;
}

/** After a local change to a pool's resource servers. */
export function forgetPoolScopes(poolId: string): void {
  cache.delete(poolId);
}

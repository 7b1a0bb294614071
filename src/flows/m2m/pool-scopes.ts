import type { Deps } from "../deps.js";
import { ShortCache } from "../short-cache.js";

const cache = new ShortCache<ReadonlySet<string>>();

/**
 * Every scope a pool's resource servers define (`<identifier>/<scope name>`). Read on every
 * client-credentials grant, so cached for two seconds per process like client contexts: a deleted
 * scope stops being granted at once here and within two seconds on other replicas. Admin
 * operations that check a client's scopes read the store itself, so a resource server created
 * through one instance is seen by the next admin call on any other.
 */
export function poolScopes(deps: Deps, poolId: string): Promise<ReadonlySet<string>> {
  return cache.get(poolId, () => deps.stores.resourceServers.scopesOf(poolId));
}

/** After a local change to a pool's resource servers. */
export function forgetPoolScopes(poolId: string): void {
  cache.delete(poolId);
}

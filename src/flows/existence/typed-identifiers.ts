// Whether any app client of a pool shows typed identifiers in its challenges (STRICT: policy.ts
// challengeIdentity). Only then does a user need SRP verifiers for identifiers other than its
// username, which its record serves itself (docs/existence.md §4; docs/storage.md "Memory per
// user"). Asked at every password event and after each proven USER_PASSWORD_AUTH, so kept per
// process like client contexts: a client turned STRICT on another replica is seen within
// SHORT_CACHE_MS, one changed here at once (client-context.ts forgetClientContexts, which every
// client write calls, forgets these too).
import type { Deps } from "../deps.js";
import { ShortCache } from "../short-cache.js";
import { policyOf } from "./policy.js";

const cache = new ShortCache<boolean>();

export function poolShowsTypedIdentifiers(deps: Deps, poolId: string): Promise<boolean> {
  return cache.get(poolId, async () => (await deps.stores.clients.modesOf(poolId)).some((existenceMode) => policyOf({ existenceMode }).challengeIdentity === "typed-identifier"));
}

/** After a local change to a client (forgetClientContexts). */
export function forgetTypedIdentifiers(): void {
  cache.clear();
}

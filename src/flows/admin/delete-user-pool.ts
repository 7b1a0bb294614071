import type { DeleteUserPoolRequest, DeleteUserPoolResponse } from "../../gen/identity/v1/admin_service.js";
import { forgetClientContexts } from "../client-context.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { SHORT_CACHE_MS } from "../short-cache.js";

export type DeleteUserPoolOutcome = Outcome<DeleteUserPoolResponse>;

/** How long a replica may still serve the pool from its cached client contexts (short-cache.ts). */
const CONTEXT_SETTLE_MS = SHORT_CACHE_MS;

/**
 * DeleteUserPool: the pool with its clients, users, codes, sessions, tokens and signing key. Tokens
 * already issued stop verifying here because the pool (and its key) is gone. It answers once every
 * key is gone, two seconds at least (docs/storage.md "Deleting a pool").
 */
export async function deleteUserPool(deps: Deps, request: DeleteUserPoolRequest): Promise<DeleteUserPoolOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const clientIds = await deps.stores.clients.idsOf(pool.id);
  // Cached contexts and the loaded signing key would otherwise outlive the pool in this process;
  // other replicas keep theirs up to CONTEXT_SETTLE_MS, which the deletion waits out.
  forgetClientContexts();
  await deps.stores.pools.delete(pool.id, clientIds, CONTEXT_SETTLE_MS);
  forgetClientContexts();
  deps.keyRing.forget(pool.id);
  return success({});
}

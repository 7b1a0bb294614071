import type { RotateSigningKeyRequest, RotateSigningKeyResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";

export type RotateSigningKeyOutcome = Outcome<RotateSigningKeyResponse>;

/**
 * RotateSigningKey (ours; Cognito rotates its keys itself): the pool gets a new signing key for every
 * token from now on. Tokens signed with the previous key keep verifying, and the JWKS keeps
 * publishing it, until the last of them has expired (a day, Cognito's longest token lifetime);
 * refresh tokens are not signed and keep working. Verifiers elsewhere refetch the JWKS when a token
 * names a kid they do not know.
 */
export async function rotateSigningKey(deps: Deps, request: RotateSigningKeyRequest): Promise<RotateSigningKeyOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const rotated = await deps.keyRing.rotate(pool.id, deps.clock());
  return success({ kid: rotated.kid, previousKids: rotated.previous });
}

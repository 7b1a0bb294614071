import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, type Failure, type InvalidParameter } from "../outcome.js";
import { resolveSubject } from "../existence/subject.js";
import { clientId, firstProblem, poolId, username } from "../validation.js";

export interface AdminTarget {
  readonly pool: PoolRecord;
  readonly user: UserRecord;
}

export type TargetFailure = Failure<"resourceNotFound" | "userNotFound">;

/** The pool a request names, or resource_not_found. */
export async function loadPool(deps: Deps, id: string): Promise<PoolRecord | Failure<"resourceNotFound">> {
  return (await deps.stores.pools.get(id)) ?? fail("resourceNotFound", messages.poolNotFound(id));
}

export function isPool(value: PoolRecord | Failure): value is PoolRecord {
  return !("$case" in value);
}

/** Checks the pool id and username every per-user admin request carries. */
export function targetProblem(request: { userPoolId: string; username: string }): InvalidParameter | undefined {
  return firstProblem(poolId("user_pool_id", request.userPoolId), username("username", request.username));
}

/**
 * The user an admin request names: by username, verified alias or sub (docs/cognito.md §1.5), through
 * the one subject resolver. Admin operations take no client, so no existence policy applies: an
 * unknown user is user_not_found (docs/existence.md §3).
 */
export async function loadTarget(deps: Deps, poolIdValue: string, name: string): Promise<AdminTarget | TargetFailure> {
  const pool = await loadPool(deps, poolIdValue);
  if (!isPool(pool)) return pool;
  const { user } = await resolveSubject(deps, pool, name);
  if (!user) return fail("userNotFound", messages.userDoesNotExist);
  return { pool, user };
}

export function isTarget(value: AdminTarget | Failure): value is AdminTarget {
  return "user" in value;
}

export const userGone = (): Failure<"userNotFound"> => fail("userNotFound", messages.userDoesNotExist);

/**
 * The client a request names, checked against the pool it names: a client of another pool is
 * not found, so a pool-scoped admin cannot reach another pool's clients through its own pool id.
 */
export async function loadClient(deps: Deps, request: { userPoolId: string; clientId: string }): Promise<ClientRecord | InvalidParameter | Failure<"resourceNotFound">> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), clientId("client_id", request.clientId));
  if (problem) return problem;
  const client = await deps.stores.clients.get(request.clientId);
  if (!client || client.poolId !== request.userPoolId) return fail("resourceNotFound", messages.clientNotFound(request.clientId));
  return client;
}

export function isClient(value: ClientRecord | Failure | InvalidParameter): value is ClientRecord {
  return "clientId" in value;
}

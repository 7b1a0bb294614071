import type { CreateUserPoolRequest, CreateUserPoolResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, isFailure, success, type Outcome } from "../outcome.js";
import { firstProblem, limits, poolId, required } from "../validation.js";
import { newPoolId } from "./ids.js";
import { poolSettingsFrom, poolView } from "./pool-settings.js";

export type CreateUserPoolOutcome = Outcome<CreateUserPoolResponse>;

/**
 * CreateUserPool: a pool with Cognito's defaults; a fixed id may be given (config files use it).
 * Past the resource quota of pools (Cognito's default: 1000): limit_exceeded.
 */
export async function createUserPool(deps: Deps, request: CreateUserPoolRequest): Promise<CreateUserPoolOutcome> {
  const problem = firstProblem(required("pool_name", request.poolName, limits.name), request.userPoolId === "" ? undefined : poolId("user_pool_id", request.userPoolId));
  if (problem) return problem;
  const settings = poolSettingsFrom(request.settings);
  if (isFailure(settings)) return settings;
  // Counted, then created: two racing creations may pass the last free place together.
  if ((await deps.stores.pools.count()) >= deps.settings.maxUserPools) return fail("limitExceeded", messages.tooManyPools(deps.settings.maxUserPools));
  const now = deps.clock();
  const pool = { id: request.userPoolId || newPoolId(deps.random, deps.settings.region), name: request.poolName, ...settings, createdAt: now, updatedAt: now };
  if (!(await deps.stores.pools.create(pool))) return invalidParameter("user_pool_id", `User pool ${pool.id} already exists.`);
  return success(poolView(pool));
}

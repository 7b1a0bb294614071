import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { poolView } from "./pool-settings.js";

export type DescribeUserPoolOutcome = Outcome<DescribeUserPoolResponse>;

/** DescribeUserPool: the pool with its settings, defaults filled in. */
export async function describeUserPool(deps: Deps, request: DescribeUserPoolRequest): Promise<DescribeUserPoolOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  return isPool(pool) ? success(poolView(pool)) : pool;
}

import type { UpdateUserPoolRequest, UpdateUserPoolResponse } from "../../gen/identity/v1/admin_service.js";
import type { PoolRecord } from "../../store/records.js";
import { forgetClientContexts } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { invalidParameter, isFailure, success, type InvalidParameter, type Outcome } from "../outcome.js";
import { poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { poolSettingsFrom, poolView, type PoolSettings } from "./pool-settings.js";

export type UpdateUserPoolOutcome = Outcome<UpdateUserPoolResponse>;

/**
 * UpdateUserPool: replaces the mutable settings (auto_verified_attributes, password_policy,
 * account_recovery, request_rate_quotas). The username design and case sensitivity are fixed at creation (docs/cognito.md §1.5),
 * because every stored index key was built with them; the request must repeat them unchanged.
 */
export async function updateUserPool(deps: Deps, request: UpdateUserPoolRequest): Promise<UpdateUserPoolOutcome> {
  const problem = poolId("user_pool_id", request.userPoolId);
  if (problem) return problem;
  if (!request.settings) return invalidParameter("settings", "1 validation error detected: Value at 'settings' failed to satisfy constraint: Member must not be null");
  const settings = poolSettingsFrom(request.settings);
  if (isFailure(settings)) return settings;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const fixed = immutableChange(pool, settings);
  if (fixed) return fixed;
  const updated: PoolRecord = { ...pool, autoVerifiedAttributes: settings.autoVerifiedAttributes, passwordPolicy: settings.passwordPolicy, accountRecovery: settings.accountRecovery, requestRateQuotas: settings.requestRateQuotas, updatedAt: deps.clock() };
  await deps.stores.pools.put(updated);
  // Sign-in flows cache pool settings with their client: this replica sees the change at once,
  // others within the cache's two seconds.
  forgetClientContexts();
  return success(poolView(updated));
}

function immutableChange(pool: PoolRecord, settings: PoolSettings): InvalidParameter | undefined {
  if (!sameSet(pool.usernameAttributes, settings.usernameAttributes)) return invalidParameter("settings.username_attributes", messages.immutablePoolSetting("username_attributes"));
  if (!sameSet(pool.aliasAttributes, settings.aliasAttributes)) return invalidParameter("settings.alias_attributes", messages.immutablePoolSetting("alias_attributes"));
  if (pool.caseSensitive !== settings.caseSensitive) return invalidParameter("settings.username_case_sensitive", messages.immutablePoolSetting("username_case_sensitive"));
  return undefined;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

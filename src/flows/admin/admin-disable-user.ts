import type { AdminDisableUserRequest, AdminDisableUserResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { setEnabled } from "./set-enabled.js";

export type AdminDisableUserOutcome = Outcome<AdminDisableUserResponse>;

/**
 * AdminDisableUser (docs/cognito.md §1.4, §2.15): the user can no longer sign in, stays listed, and every
 * sign-in so far is revoked — access tokens read "Access Token has been revoked", refresh tokens stop.
 */
export async function adminDisableUser(deps: Deps, request: AdminDisableUserRequest): Promise<AdminDisableUserOutcome> {
  const changed = await setEnabled(deps, request, false);
  if (changed.$case !== "done") return changed;
  // Revoked after the flag is stored, so a sign-in racing this call cannot keep tokens issued
  // before the flag: anything issued later was refused by the flag itself.
  await deps.stores.authEvents.revokeAllOf(changed.pool.id, changed.username);
  return success({});
}

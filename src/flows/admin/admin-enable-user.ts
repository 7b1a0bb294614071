import type { AdminEnableUserRequest, AdminEnableUserResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { setEnabled } from "./set-enabled.js";

export type AdminEnableUserOutcome = Outcome<AdminEnableUserResponse>;

/** AdminEnableUser (docs/cognito.md §2.15): the user may sign in again; revoked tokens stay revoked. */
export async function adminEnableUser(deps: Deps, request: AdminEnableUserRequest): Promise<AdminEnableUserOutcome> {
  const changed = await setEnabled(deps, request, true);
  return changed.$case === "done" ? success({}) : changed;
}

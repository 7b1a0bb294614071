import type { AdminResetUserPasswordRequest, AdminResetUserPasswordResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { invalidParameter, type Outcome } from "../outcome.js";

export type AdminResetUserPasswordOutcome = Outcome<AdminResetUserPasswordResponse>;

/** AdminResetUserPassword: not built yet (account-lifecycle issue). */
export async function adminResetUserPassword(_deps: Deps, _request: AdminResetUserPasswordRequest): Promise<AdminResetUserPasswordOutcome> {
  return invalidParameter("", "AdminResetUserPassword is not available yet");
}

import type { AdminConfirmSignUpRequest, AdminConfirmSignUpResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { invalidParameter, type Outcome } from "../outcome.js";

export type AdminConfirmSignUpOutcome = Outcome<AdminConfirmSignUpResponse>;

/** AdminConfirmSignUp: not built yet (account-lifecycle issue). */
export async function adminConfirmSignUp(_deps: Deps, _request: AdminConfirmSignUpRequest): Promise<AdminConfirmSignUpOutcome> {
  return invalidParameter("", "AdminConfirmSignUp is not available yet");
}

import type { ForgotPasswordRequest, ForgotPasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import { invalidParameter, type Outcome } from "../outcome.js";

export type ForgotPasswordOutcome = Outcome<ForgotPasswordResponse>;

/** ForgotPassword: not built yet (account-lifecycle issue). */
export async function forgotPassword(_deps: Deps, _request: ForgotPasswordRequest): Promise<ForgotPasswordOutcome> {
  return invalidParameter("", "ForgotPassword is not available yet");
}

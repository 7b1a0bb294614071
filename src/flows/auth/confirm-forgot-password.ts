import type { ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import { invalidParameter, type Outcome } from "../outcome.js";

export type ConfirmForgotPasswordOutcome = Outcome<ConfirmForgotPasswordResponse>;

/** ConfirmForgotPassword: not built yet (account-lifecycle issue). */
export async function confirmForgotPassword(_deps: Deps, _request: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordOutcome> {
  return invalidParameter("", "ConfirmForgotPassword is not available yet");
}

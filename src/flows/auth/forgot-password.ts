import type { ForgotPasswordRequest, ForgotPasswordResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import type { Outcome } from "../outcome.js";
import { answerCodeRequest } from "./code-request.js";
import { planRecovery } from "./recovery-plan.js";

export type ForgotPasswordOutcome = Outcome<ForgotPasswordResponse>;

/**
 * ForgotPassword (docs/cognito.md §2.4): a 6-digit code, valid 1 hour, to the user's verified contact; it
 * replaces any earlier code. Unknown, disabled and unreachable users get a simulated delivery
 * (code-request.ts). A name no user holds is first offered to the UserMigration hook
 * (UserMigration_ForgotPassword): a user it describes is created and recovers like any other; an
 * empty answer leaves the name unknown.
 */
export function forgotPassword(deps: Deps, request: ForgotPasswordRequest): Promise<ForgotPasswordOutcome> {
  return answerCodeRequest(deps, request, { operation: "ForgotPassword", purpose: "forgot-password", event: "ForgotPassword", plan: planRecovery, migrates: true });
}

import type { ResendConfirmationCodeRequest, ResendConfirmationCodeResponse } from "../../gen/identity/v1/auth_service.js";
import type { Deps } from "../deps.js";
import type { Outcome } from "../outcome.js";
import { answerCodeRequest } from "./code-request.js";
import { planResend } from "./confirmation-plan.js";

export type ResendConfirmationCodeOutcome = Outcome<ResendConfirmationCodeResponse>;

/**
 * ResendConfirmationCode (docs/cognito.md §2.3): a new sign-up code (valid 24 h) replaces the old one and goes
 * to the auto-verified attribute. Unknown, disabled and (outside LEGACY) already confirmed names get
 * a simulated delivery after the same work (code-request.ts), and a phantom code that a later
 * ConfirmSignUp checks.
 */
export function resendConfirmationCode(deps: Deps, request: ResendConfirmationCodeRequest): Promise<ResendConfirmationCodeOutcome> {
  return answerCodeRequest(deps, request, { operation: "ResendConfirmationCode", purpose: "sign-up", event: "ResendCode", plan: planResend, migrates: false });
}

import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { invalidParameter } from "../outcome.js";
import type { AuthOutcome, ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";

/** USER_SRP_AUTH, first step. */
export async function srpAuth(_deps: Deps, _context: ClientContext, _request: AuthRequest): Promise<AuthOutcome> {
  return invalidParameter("auth_flow", "USER_SRP_AUTH is not available yet");
}

/** USER_SRP_AUTH, second step: PASSWORD_VERIFIER. */
export async function respondPasswordVerifier(_deps: Deps, _context: ClientContext, _request: AuthRequest): Promise<ChallengeOutcome> {
  return invalidParameter("challenge_name", "PASSWORD_VERIFIER is not available yet");
}

import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { invalidParameter } from "../outcome.js";
import type { AuthOutcome, ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";

/** CUSTOM_AUTH, first step. */
export async function customAuth(_deps: Deps, _context: ClientContext, _request: AuthRequest): Promise<AuthOutcome> {
  return invalidParameter("auth_flow", "CUSTOM_AUTH is not available yet");
}

/** CUSTOM_AUTH, a CUSTOM_CHALLENGE answer. */
export async function respondCustomChallenge(_deps: Deps, _context: ClientContext, _request: AuthRequest): Promise<ChallengeOutcome> {
  return invalidParameter("challenge_name", "CUSTOM_CHALLENGE is not available yet");
}

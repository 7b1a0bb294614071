import type { RespondToAuthChallengeRequest } from "../../gen/identity/v1/auth_service.js";
import { clientContext, isContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import type { ChallengeOutcome } from "../sign-in/auth-outcome.js";
import { answerChallenge } from "../sign-in/challenges.js";
import { clientId, firstProblem, limits, maxLength, stringMap } from "../validation.js";

/** RespondToAuthChallenge (docs/cognito.md §2.8). */
export async function respondToAuthChallenge(deps: Deps, request: RespondToAuthChallengeRequest): Promise<ChallengeOutcome> {
  const problem = firstProblem(
    clientId("client_id", request.clientId),
    maxLength("session", request.session, limits.session),
    stringMap("challenge_responses", request.challengeResponses),
    stringMap("client_metadata", request.clientMetadata),
  );
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  return answerChallenge(deps, context, request.challengeName, { parameters: request.challengeResponses, clientMetadata: request.clientMetadata, caller: "client", session: request.session });
}

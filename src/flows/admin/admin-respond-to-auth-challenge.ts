import type { AdminRespondToAuthChallengeRequest } from "../../gen/identity/v1/admin_service.js";
import { clientContext, isContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail } from "../outcome.js";
import type { ChallengeOutcome } from "../sign-in/auth-outcome.js";
import { answerChallenge } from "../sign-in/challenges.js";
import { clientId, firstProblem, limits, maxLength, poolId, stringMap } from "../validation.js";

/** AdminRespondToAuthChallenge (docs/cognito.md §2.9). */
export async function adminRespondToAuthChallenge(deps: Deps, request: AdminRespondToAuthChallengeRequest): Promise<ChallengeOutcome> {
  const problem = firstProblem(
    poolId("user_pool_id", request.userPoolId),
    clientId("client_id", request.clientId),
    maxLength("session", request.session, limits.session),
    stringMap("challenge_responses", request.challengeResponses),
    stringMap("client_metadata", request.clientMetadata),
  );
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  if (context.pool.id !== request.userPoolId) return fail("resourceNotFound", messages.clientNotFound(request.clientId));
  return answerChallenge(deps, context, request.challengeName, { parameters: request.challengeResponses, clientMetadata: request.clientMetadata, caller: "admin", session: request.session });
}

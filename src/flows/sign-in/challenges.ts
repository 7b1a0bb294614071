import { ChallengeName } from "../../gen/identity/v1/common.js";
import { flowAllowed, type ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter } from "../outcome.js";
import type { ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { respondCustomChallenge } from "./custom-auth.js";
import { respondCustomPasswordVerifier } from "./custom-auth-srp.js";
import { respondNewPassword } from "./new-password-required.js";
import { respondPasswordVerifier } from "./srp-auth.js";

type ChallengeRunner = (deps: Deps, context: ClientContext, request: AuthRequest) => Promise<ChallengeOutcome>;

const CHALLENGES: Partial<Record<ChallengeName, ChallengeRunner>> = {
  [ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED]: respondNewPassword,
  [ChallengeName.CHALLENGE_NAME_PASSWORD_VERIFIER]: passwordVerifier,
  [ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE]: respondCustomChallenge,
};

/**
 * PASSWORD_VERIFIER with a Session continues a CUSTOM_AUTH flow that started with SRP_A; without
 * one it answers USER_SRP_AUTH, which the client must then allow — so on a client that allows only
 * CUSTOM_AUTH, a custom flow's SECRET_BLOCK cannot be answered outside the flow to skip the
 * challenges Define still wants.
 */
function passwordVerifier(deps: Deps, context: ClientContext, request: AuthRequest): Promise<ChallengeOutcome> {
  if (request.session !== "") return respondCustomPasswordVerifier(deps, context, request);
  if (!flowAllowed(context.client, "ALLOW_USER_SRP_AUTH")) return Promise.resolve(invalidParameter("challenge_name", messages.flowNotEnabled("USER_SRP_AUTH")));
  return respondPasswordVerifier(deps, context, request);
}

/**
 * Routes a challenge answer to its flow. Cognito's challenges this service never issues (MFA,
 * devices, one-time codes, passkeys) are unsupported_operation; the name alone decides, before any
 * session or user is looked at (docs/quotas.md, "Every declared arm is real").
 */
export function answerChallenge(deps: Deps, context: ClientContext, challenge: ChallengeName, request: AuthRequest): Promise<ChallengeOutcome> | ChallengeOutcome {
  const run = CHALLENGES[challenge];
  if (!run && challenge in ChallengeName && challenge > ChallengeName.CHALLENGE_NAME_UNSPECIFIED) {
    return fail("unsupportedOperation", messages.unsupportedChallenge(ChallengeName[challenge].replace("CHALLENGE_NAME_", "")));
  }
  if (!run) return invalidParameter("challenge_name", "Invalid challenge name");
  return run(deps, context, request);
}

import { ChallengeName } from "../../gen/identity/v1/common.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { invalidParameter } from "../outcome.js";
import type { ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { respondCustomChallenge } from "./custom-auth.js";
import { respondNewPassword } from "./new-password-required.js";
import { respondPasswordVerifier } from "./srp-auth.js";

type ChallengeRunner = (deps: Deps, context: ClientContext, request: AuthRequest) => Promise<ChallengeOutcome>;

const CHALLENGES: Partial<Record<ChallengeName, ChallengeRunner>> = {
  [ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED]: respondNewPassword,
  [ChallengeName.CHALLENGE_NAME_PASSWORD_VERIFIER]: respondPasswordVerifier,
  [ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE]: respondCustomChallenge,
};

/** Routes a challenge answer to its flow. */
export function answerChallenge(deps: Deps, context: ClientContext, challenge: ChallengeName, request: AuthRequest): Promise<ChallengeOutcome> | ChallengeOutcome {
  const run = CHALLENGES[challenge];
  if (!run) return invalidParameter("challenge_name", "Invalid challenge name");
  return run(deps, context, request);
}

import type { InitiateAuthResponse, RespondToAuthChallengeResponse } from "../../gen/identity/v1/auth_service.js";
import { ChallengeName } from "../../gen/identity/v1/common.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import type { Outcome } from "../outcome.js";
import { issueTokens } from "../tokens/issue-tokens.js";
import { openSession } from "./challenge-session.js";
import type { SignInDecision } from "./decide.js";

/** Every sign-in operation (InitiateAuth, RespondToAuthChallenge and their admin twins) has these arms. */
export type AuthOutcome = Outcome<InitiateAuthResponse>;

/** Answers to a challenge may also fail on the new password, a code or an alias. */
export type ChallengeOutcome = Outcome<RespondToAuthChallengeResponse>;

/** Turns a decided sign-in into its answer: tokens, the NEW_PASSWORD_REQUIRED challenge, or the failure. */
export async function completeSignIn(deps: Deps, pool: PoolRecord, client: ClientRecord, decision: SignInDecision): Promise<AuthOutcome> {
  if (!("kind" in decision)) return decision;
  if (decision.kind === "tokens") return signedIn(deps, pool, client, decision.user);
  return newPasswordChallenge(deps, pool, client, decision.user);
}

export async function signedIn(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<AuthOutcome> {
  return { $case: "authenticationResult", value: await issueTokens(deps, pool, client, user) };
}

async function newPasswordChallenge(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<AuthOutcome> {
  const session = await openSession(deps, pool, client, { username: user.username, challenge: "NEW_PASSWORD_REQUIRED" });
  const { email_verified: _e, phone_number_verified: _p, ...shown } = user.attributes;
  return {
    $case: "challenge",
    value: {
      challengeName: ChallengeName.CHALLENGE_NAME_NEW_PASSWORD_REQUIRED,
      session,
      challengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: "[]", userAttributes: JSON.stringify(shown) },
    },
  };
}

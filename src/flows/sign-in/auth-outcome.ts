import type { InitiateAuthResponse, RespondToAuthChallengeResponse } from "../../gen/identity/v1/auth_service.js";
import { ChallengeName } from "../../gen/identity/v1/common.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import type { StringMap } from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import type { Outcome } from "../outcome.js";
import { issueTokens } from "../tokens/issue-tokens.js";
import { tokenCustomization } from "../tokens/pre-token-generation.js";
import { openSession } from "./challenge-session.js";
import type { SignInDecision } from "./decide.js";
import { postAuthentication } from "./post-authentication.js";

/** Every sign-in operation (InitiateAuth, RespondToAuthChallenge and their admin twins) has these arms. */
export type AuthOutcome = Outcome<InitiateAuthResponse>;

/** Answers to a challenge may also fail on the new password, a code or an alias. */
export type ChallengeOutcome = Outcome<RespondToAuthChallengeResponse>;

/** How a sign-in finished, as the token triggers see it. */
export interface SignInTrigger {
  /** TokenGeneration_Authentication unless the user just answered NEW_PASSWORD_REQUIRED. */
  readonly source?: "TokenGeneration_Authentication" | "TokenGeneration_NewPasswordChallenge";
  /** RespondToAuthChallenge's ClientMetadata; InitiateAuth's never reaches these triggers (§5.1). */
  readonly clientMetadata?: StringMap;
}

/** Turns a decided sign-in into its answer: tokens, the NEW_PASSWORD_REQUIRED challenge, or the failure. */
export async function completeSignIn(deps: Deps, pool: PoolRecord, client: ClientRecord, decision: SignInDecision, how: SignInTrigger = {}): Promise<AuthOutcome> {
  if (!("kind" in decision)) return decision;
  if (decision.kind === "tokens") return signedIn(deps, pool, client, decision.user, how);
  return newPasswordChallenge(deps, pool, client, decision.user);
}

/**
 * The end of every successful sign-in, as a pipeline of hooks (docs/cognito.md §5.7: PreTokenGeneration, then
 * PostAuthentication): either hook's error is the answer, and then no sign-in is recorded and no
 * token exists. The refresh token is stored only after both accepted.
 */
export async function signedIn(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord, how: SignInTrigger = {}): Promise<AuthOutcome> {
  const metadata = how.clientMetadata ? { clientMetadata: how.clientMetadata } : {};
  const customized = await tokenCustomization(deps, pool, client, user, { source: how.source ?? "TokenGeneration_Authentication", ...metadata });
  if (!customized.ok) return customized.error;
  const rejected = await postAuthentication(deps, pool, client, user, how.clientMetadata);
  if (rejected) return rejected;
  return { $case: "authenticationResult", value: await issueTokens(deps, pool, client, user, customized.customization) };
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

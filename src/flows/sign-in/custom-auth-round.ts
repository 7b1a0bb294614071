// One turn of the CUSTOM_AUTH loop (docs/cognito.md §3.5): ask DefineAuthChallenge what comes next, then do it —
// fail, finish the sign-in, or create the next CUSTOM_CHALLENGE and hand it out with a new Session.
import { ChallengeName } from "../../gen/identity/v1/common.js";
import type { ChallengeResult } from "../../triggers/index.js";
import { INVALID_JSON } from "../../triggers/messages.js";
import { messages } from "../messages.js";
import { fail } from "../outcome.js";
import { completeSignIn, type AuthOutcome } from "./auth-outcome.js";
import type { CustomAuthState } from "./custom-auth-state.js";
import { createChallenge, defineChallenge, unconfigured, type Round } from "./custom-auth-triggers.js";
import { openSession } from "./challenge-session.js";
import { decideSignIn } from "./decide.js";
import { policyOf } from "../existence/policy.js";

const incorrect = () => fail("notAuthorized", messages.incorrectCredentials);

/** A Define answer this service cannot act on (no decision, or a challenge it does not issue). */
const undecided = () => ({ $case: "invalidLambdaResponse" as const, value: { message: INVALID_JSON } });

/** What DefineAuthChallenge may name next besides CUSTOM_CHALLENGE: the SRP step, when it started with SRP_A. */
export type BuiltInStep = (round: Round, history: ChallengeResult[]) => Promise<AuthOutcome>;

/**
 * Runs Define on `history` and acts on its answer. failAuthentication wins over issueTokens (the
 * safe reading of a contradictory answer) [INFERRED].
 */
export async function nextRound(round: Round, history: ChallengeResult[], passwordVerifier?: BuiltInStep): Promise<AuthOutcome> {
  const defined = await defineChallenge(round, history);
  if (!defined.ok) return defined.error;
  const { challengeName, issueTokens, failAuthentication } = defined.event.response;
  if (failAuthentication === true) return incorrect();
  if (issueTokens === true) return finish(round);
  if (challengeName === "CUSTOM_CHALLENGE") return customChallenge(round, history);
  if (challengeName === "PASSWORD_VERIFIER" && passwordVerifier) return passwordVerifier(round, history);
  return undecided();
}

/**
 * Define said issueTokens. Never for an unknown user, whatever the hooks say (§5.7 safety rule); for
 * a real one the password flows' state rules apply as if the password had been proven (decide.ts):
 * a disabled or unconfirmed user learns that only now, after the challenges.
 */
async function finish(round: Round): Promise<AuthOutcome> {
  const { deps, pool, client, subject } = round;
  if (!subject.user) return incorrect();
  const decision = decideSignIn({ policy: policyOf(client), pool, user: subject.user, passwordOk: true, attempt: "ok", now: deps.clock() });
  return completeSignIn(deps, pool, client, decision, round.clientMetadata ? { clientMetadata: round.clientMetadata } : {});
}

/** CreateAuthChallenge, then the challenge with a fresh single-use Session bound to this round. */
async function customChallenge(round: Round, history: ChallengeResult[]): Promise<AuthOutcome> {
  const { deps, pool, client, subject } = round;
  // Checked before Create runs, so no challenge is handed out that could never be verified.
  const missing = unconfigured(deps, pool, "CreateAuthChallenge", "VerifyAuthChallengeResponse");
  if (missing) return missing;
  const created = await createChallenge(round, history);
  if (!created.ok) return created.error;
  const response = created.event.response;
  const state: CustomAuthState = {
    history,
    privateChallengeParameters: response.privateChallengeParameters ?? {},
    challengeMetadata: response.challengeMetadata ?? null,
    userNotFound: subject.user === undefined,
    eventUserName: subject.eventUserName,
  };
  const session = await openSession(deps, pool, client, { username: subject.shownName, challenge: "CUSTOM_CHALLENGE", data: { ...state } });
  return {
    $case: "challenge",
    value: {
      challengeName: ChallengeName.CHALLENGE_NAME_CUSTOM_CHALLENGE,
      session,
      // §3.5: the public parameters plus USERNAME, which the answer must send back.
      challengeParameters: { ...(response.publicChallengeParameters ?? {}), USERNAME: subject.shownName },
    },
  };
}

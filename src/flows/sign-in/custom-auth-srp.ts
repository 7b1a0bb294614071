// CUSTOM_AUTH starting with SRP (docs/cognito.md §3.5): Define first sees [{SRP_A, true}] and may answer
// PASSWORD_VERIFIER, which this service issues itself with USER_SRP_AUTH's machinery (CreateAuthChallenge
// is not called for built-in challenges). Unlike plain USER_SRP_AUTH the challenge carries a Session
// (amplify-js forwards it): the answer comes back here, its result joins the session array, and
// Define decides again — the password is one step of the custom flow, not the end of it.
import { wireHex } from "../../crypto/srp-group.js";
import type { ChallengeResult } from "../../triggers/index.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail } from "../outcome.js";
import type { ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { isSessionState, openSession, takeSession } from "./challenge-session.js";
import { nextRound, type BuiltInStep } from "./custom-auth-round.js";
import { customAuthState, type CustomAuthState } from "./custom-auth-state.js";
import { boundSubject } from "../existence/challenge-subject.js";
import { unconfigured, type Round } from "./custom-auth-triggers.js";
import { passwordVerifierChallenge } from "./srp-challenge.js";
import { isVerifiedClaim, verifyPasswordClaim } from "./srp-password-verifier.js";
import { resolveSrpSubject } from "./srp-subject.js";

/** The session array of a custom flow that began with SRP_A. */
export function srpStart(): ChallengeResult[] {
  return [{ challengeName: "SRP_A", challengeResult: true, challengeMetadata: null }];
}


/** Define answered PASSWORD_VERIFIER after SRP_A: the SRP challenge, real or simulated, with a Session. */
export function passwordVerifierStep(username: string, A: Buffer): BuiltInStep {
  return async (round, history) => {
    const context = { pool: round.pool, client: round.client };
    const subject = await resolveSrpSubject(round.deps, context, username);
    if ("$case" in subject) return subject;
    const challenge = passwordVerifierChallenge(round.deps, context, subject, A);
    if (challenge.$case !== "challenge") return challenge;
    const state: CustomAuthState = {
      history,
      privateChallengeParameters: {},
      challengeMetadata: null,
      userNotFound: round.subject.user === undefined,
      eventUserName: round.subject.eventUserName,
      srpB: challenge.value.challengeParameters.SRP_B ?? "",
    };
    const session = await openSession(round.deps, round.pool, round.client, { username: subject.userId, challenge: "PASSWORD_VERIFIER", data: { ...state } });
    return { $case: "challenge", value: { ...challenge.value, session } };
  };
}

/**
 * RespondToAuthChallenge(PASSWORD_VERIFIER) with the Session of a custom flow: USER_SRP_AUTH's proof
 * check (same crypto and store calls for real and simulated users, lockout included), then Define
 * with [..., {PASSWORD_VERIFIER, proofOk}]. The SECRET_BLOCK must be the one this session issued.
 */
export async function respondCustomPasswordVerifier(deps: Deps, context: ClientContext, request: AuthRequest): Promise<ChallengeOutcome> {
  const { pool, client } = context;
  const missing = unconfigured(deps, pool, "DefineAuthChallenge");
  if (missing) return missing;
  const session = await takeSession(deps, pool, client, request.session, "PASSWORD_VERIFIER");
  if (!isSessionState(session)) return session;
  const state = customAuthState(session.data);
  if (!state || state.srpB === undefined) return fail("notAuthorized", messages.sessionInvalid);
  const verified = await verifyPasswordClaim(deps, context, request.parameters);
  if (!isVerifiedClaim(verified)) return verified;
  if (wireHex(verified.state.B) !== state.srpB) return fail("notAuthorized", messages.incorrectCredentials);
  if (verified.attempt === "locked") return fail("notAuthorized", messages.passwordAttemptsExceeded);
  const subject = await boundSubject(deps, pool, { shownName: session.username, userNotFound: state.userNotFound, eventUserName: state.eventUserName });
  const round: Round = { deps, pool, client, subject, clientMetadata: request.clientMetadata };
  const proven = verified.proofOk && subject.user !== undefined && verified.user?.username === subject.user.username;
  return nextRound(round, [...state.history, { challengeName: "PASSWORD_VERIFIER", challengeResult: proven, challengeMetadata: null }]);
}

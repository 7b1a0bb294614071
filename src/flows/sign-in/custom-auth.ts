// CUSTOM_AUTH (docs/cognito.md §3.5): a sign-in driven by the pool's DefineAuthChallenge, CreateAuthChallenge and
// VerifyAuthChallengeResponse hooks. Unknown users under ENABLED / STRICT go through the same loop
// with `userNotFound: true` and can never get tokens; under LEGACY they are told at once.
// PreAuthentication runs at InitiateAuth only, before DefineAuthChallenge (docs/cognito.md §5.5).
import type { ClientContext } from "../client-context.js";
import { checkSecretHash } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter } from "../outcome.js";
import type { AuthOutcome, ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { isSessionState, takeSession } from "./challenge-session.js";
import { nextRound } from "./custom-auth-round.js";
import { passwordVerifierStep, srpStart } from "./custom-auth-srp.js";
import { readSrpA } from "./srp-auth.js";
import { customAuthState, withAnswer } from "./custom-auth-state.js";
import { findChallengeSubject, sessionSubject } from "../existence/challenge-subject.js";
import { policyOf } from "../existence/policy.js";
import { unconfigured, verifyAnswer, type Round } from "./custom-auth-triggers.js";
import { preAuthentication } from "./pre-authentication.js";

/** InitiateAuth / AdminInitiateAuth with CUSTOM_AUTH: USERNAME (+ SECRET_HASH, + CHALLENGE_NAME SRP_A and SRP_A). */
export async function customAuth(deps: Deps, { pool, client }: ClientContext, request: AuthRequest): Promise<AuthOutcome> {
  const { USERNAME: username = "", CHALLENGE_NAME: startWith, SRP_A: srpA = "" } = request.parameters;
  if (username === "") return invalidParameter("auth_parameters.USERNAME", messages.missingParameter("USERNAME"));
  if (startWith === "SRP_A" && srpA === "") return invalidParameter("auth_parameters.SRP_A", messages.missingParameter("SRP_A"));
  const A = startWith === "SRP_A" ? readSrpA(srpA) : undefined;
  if (A !== undefined && !Buffer.isBuffer(A)) return A;
  const badHash = checkSecretHash(client, username, request.parameters.SECRET_HASH);
  if (badHash) return badHash;
  const missing = unconfigured(deps, pool, "DefineAuthChallenge");
  if (missing) return missing;
  const policy = policyOf(client);
  const subject = await findChallengeSubject(deps, pool, policy, username);
  if (!subject.user && policy.revealsUnknownUsers) return fail("userNotFound", messages.userDoesNotExist);
  const rejected = await preAuthentication(deps, { pool, client }, subject.user, username, request.clientMetadata);
  if (rejected) return rejected;
  // InitiateAuth's ClientMetadata is not passed to the challenge hooks (docs/cognito.md §5.1).
  const round: Round = { deps, pool, client, subject, clientMetadata: undefined };
  if (A !== undefined) return nextRound(round, srpStart(), passwordVerifierStep(username, A));
  return nextRound(round, []);
}

/**
 * RespondToAuthChallenge with CUSTOM_CHALLENGE: {USERNAME, ANSWER} and the round's Session (single
 * use). The answer goes to VerifyAuthChallengeResponse, its result into the session array, and
 * DefineAuthChallenge decides again. An unknown user's answer always counts as wrong.
 */
export async function respondCustomChallenge(deps: Deps, { pool, client }: ClientContext, request: AuthRequest): Promise<ChallengeOutcome> {
  const { USERNAME: username = "", ANSWER: answer = "" } = request.parameters;
  if (username === "") return invalidParameter("challenge_responses.USERNAME", messages.missingParameter("USERNAME"));
  if (answer === "") return invalidParameter("challenge_responses.ANSWER", messages.missingParameter("ANSWER"));
  if (request.session === "") return invalidParameter("session", messages.missingParameter("Session"));
  const badHash = checkSecretHash(client, username, request.parameters.SECRET_HASH);
  if (badHash) return badHash;
  const missing = unconfigured(deps, pool, "DefineAuthChallenge", "VerifyAuthChallengeResponse");
  if (missing) return missing;
  const session = await takeSession(deps, pool, client, request.session, "CUSTOM_CHALLENGE");
  if (!isSessionState(session)) return session;
  const state = customAuthState(session.data);
  if (!state) return fail("notAuthorized", messages.sessionInvalid);
  const subject = await sessionSubject(deps, pool, username, { shownName: session.username, userNotFound: state.userNotFound, eventUserName: state.eventUserName });
  if (!subject) return fail("notAuthorized", messages.incorrectCredentials);
  const round: Round = { deps, pool, client, subject, clientMetadata: request.clientMetadata };
  const verified = await verifyAnswer(round, state.privateChallengeParameters, answer);
  if (!verified.ok) return verified.error;
  const correct = verified.event.response.answerCorrect === true && subject.user !== undefined;
  return nextRound(round, withAnswer(state, correct));
}

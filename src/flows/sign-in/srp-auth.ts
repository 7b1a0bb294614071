import { readClientA } from "../../crypto/srp.js";
import { checkSecretHash, type ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";
import { limits, maxLength } from "../validation.js";
import { completeSignIn, type AuthOutcome, type ChallengeOutcome } from "./auth-outcome.js";
import type { AuthRequest } from "./auth-request.js";
import { decideSignIn } from "./decide.js";
import { policyOf } from "../existence/policy.js";
import { preAuthentication } from "./pre-authentication.js";
import { passwordVerifierChallenge } from "./srp-challenge.js";
import { isVerifiedClaim, verifyPasswordClaim } from "./srp-password-verifier.js";
import { srpSubject } from "./srp-subject.js";

/**
 * USER_SRP_AUTH, first step (docs/cognito.md §3.3, §4.4): USERNAME and SRP_A (and SECRET_HASH) → the
 * PASSWORD_VERIFIER challenge, real or simulated (RFC 5054 §2.5.1.3, docs/cognito.md §4.6).
 */
export async function srpAuth(deps: Deps, context: ClientContext, request: AuthRequest): Promise<AuthOutcome> {
  const start = readSrpStart(request.parameters);
  if ("$case" in start) return start;
  const badHash = checkSecretHash(context.client, start.username, request.parameters.SECRET_HASH);
  if (badHash) return badHash;
  const subject = await srpSubject(deps, context, start.username);
  // The name is resolved here, to a user or a simulation, and nothing is proven yet: the one place
  // for PreAuthentication (docs/cognito.md §5.5: before the proof). Its rejection is this step's answer, as is
  // subject.answer after it (LEGACY's user_not_found among them: no hook runs for that one).
  const rejected = await preAuthentication(deps, context, subject.user, start.username, request.clientMetadata);
  if (rejected) return rejected;
  if (subject.answer) return subject.answer;
  return passwordVerifierChallenge(deps, context, subject, start.A);
}

/** USER_SRP_AUTH, second step: PASSWORD_VERIFIER → tokens, NEW_PASSWORD_REQUIRED or the failure. */
export async function respondPasswordVerifier(deps: Deps, context: ClientContext, request: AuthRequest): Promise<ChallengeOutcome> {
  const { pool, client } = context;
  const verified = await verifyPasswordClaim(deps, context, request.parameters);
  if (!isVerifiedClaim(verified)) return verified;
  const { user, proofOk, attempt } = verified;
  const decision = decideSignIn({ policy: policyOf(client), pool, user, passwordOk: proofOk, attempt, now: deps.clock() });
  return completeSignIn(deps, pool, client, decision, { clientMetadata: request.clientMetadata });
}

interface SrpStart {
  readonly username: string;
  /** SRP_A as a group element (N_BYTES wide), 0 < A < N. */
  readonly A: Buffer;
}

/**
 * USERNAME and SRP_A, checked before anything else and alike for every name. USERNAME is bounded
 * by Cognito's username length (128), which also bounds what the SECRET_BLOCK has to carry.
 * A ≡ 0 mod N would let a client force S = 0 (docs/cognito.md §4.4 step 1); A ≥ N is never sent by a
 * client (all reduce mod N) and is refused too, so A has one encoding.
 */
function readSrpStart(parameters: Record<string, string>): SrpStart | InvalidParameter {
  const username = parameters.USERNAME ?? "";
  const srpA = parameters.SRP_A ?? "";
  if (username === "") return invalidParameter("auth_parameters.USERNAME", messages.missingParameter("USERNAME"));
  if (srpA === "") return invalidParameter("auth_parameters.SRP_A", messages.missingParameter("SRP_A"));
  const tooLong = maxLength("auth_parameters.USERNAME", username, limits.username);
  if (tooLong) return tooLong;
  const A = readSrpA(srpA);
  return Buffer.isBuffer(A) ? { username, A } : A;
}

/** SRP_A as USER_SRP_AUTH (and CUSTOM_AUTH's SRP_A step) accepts it: hex, 0 < A < N, kept as a group element (docs/cognito.md §4.4 step 1). */
export function readSrpA(srpA: string): Buffer | InvalidParameter {
  return readClientA(srpA) ?? invalidParameter("auth_parameters.SRP_A", messages.invalidSrpA);
}

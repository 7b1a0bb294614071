import type { SecretBlockState } from "../../crypto/secret-block.js";
import type { AttemptDecision } from "../../store/lockout.js";
import type { UserRecord } from "../../store/records.js";
import { checkSecretHash, type ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, type Failure, type InvalidParameter } from "../outcome.js";
import { isOpenedBlock, openClaimedBlock, readPasswordClaim } from "./srp-claim.js";
import { passwordClaimMatches } from "./srp-proof.js";
import { policyOf } from "../existence/policy.js";
import { srpIdentity } from "../existence/srp-identity.js";
import { resolveSubject } from "../existence/subject.js";

/** A PASSWORD_VERIFIER answer that was checked: what decideSignIn needs, nothing decided yet. */
export interface VerifiedClaim {
  /** The real user the block was issued for; undefined for simulated challenges. */
  readonly user: UserRecord | undefined;
  readonly proofOk: boolean;
  readonly attempt: AttemptDecision;
  readonly state: SecretBlockState;
}

/** Replicas' clocks differ a little: the used-block record outlives the block by this much. */
const CLAIM_MARGIN_MS = 60_000;

/**
 * PASSWORD_VERIFIER up to, not including, the decision (docs/cognito.md §4.4, RespondToAuthChallenge): the
 * shape checks, SECRET_HASH over the USERNAME sent here (docs/cognito.md §4.8), the block, then the same
 * store calls and crypto for real and simulated challenges — the single-use claim, the block's
 * USER_ID_FOR_SRP resolved again with the challenge's own rules (existence/srp-identity.ts: one
 * lookup, one verifier read), the full signature computation, one lockout update. The proof counts
 * only when the identity still resolves to the same user and verifier the challenge was issued
 * for. Session is neither needed nor read.
 * Exported for CUSTOM_AUTH's SRP_A path, which decides through its own triggers.
 */
export async function verifyPasswordClaim(deps: Deps, context: ClientContext, parameters: Record<string, string>): Promise<VerifiedClaim | Failure<"notAuthorized"> | InvalidParameter> {
  const { pool, client } = context;
  const claim = readPasswordClaim(parameters);
  if ("$case" in claim) return claim;
  const badHash = checkSecretHash(client, claim.username, parameters.SECRET_HASH);
  if (badHash) return badHash;
  const opened = openClaimedBlock(deps, context, claim);
  if (!isOpenedBlock(opened)) return opened;
  const { state } = opened;
  // Claimed before the proof: a block is answered once, rightly or wrongly (atomic in Redis). The
  // user is read alongside (one pipelined round trip), also for simulated challenges.
  const [first, subject] = await Promise.all([
    deps.stores.usedSecretBlocks.claim(pool.id, opened.digest, opened.remainingMs + CLAIM_MARGIN_MS),
    resolveSubject(deps, pool, state.userId),
  ]);
  if (!first) return fail("notAuthorized", messages.incorrectCredentials);
  const identity = await srpIdentity(deps, pool, policyOf(client), subject, state.simulated);
  const same = !state.simulated && !identity.simulated && identity.userId === state.userId && subject.counterKey === state.lockoutSubject;
  const user = same ? subject.user : undefined;
  const matches = passwordClaimMatches(pool.id, state, identity.verifier, claim);
  const proofOk = matches && same;
  const attempt = await deps.stores.lockout.record(pool.id, state.lockoutSubject, proofOk, deps.clock());
  return { user, proofOk, attempt, state };
}

export function isVerifiedClaim(value: VerifiedClaim | Failure<"notAuthorized"> | InvalidParameter): value is VerifiedClaim {
  return "proofOk" in value;
}

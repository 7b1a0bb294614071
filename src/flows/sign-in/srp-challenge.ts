import { sealSecretBlock } from "../../crypto/secret-block.js";
import { challengeElements } from "../../crypto/srp.js";
import { wireHex } from "../../crypto/srp-group.js";
import { ChallengeName } from "../../gen/identity/v1/common.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import type { AuthOutcome } from "./auth-outcome.js";
import type { SrpSubject } from "./srp-subject.js";

/**
 * The PASSWORD_VERIFIER challenge (docs/cognito.md §3.3, §4.4 steps 2-4): a fresh b, B = k·v + g^b (one
 * exponentiation, real or simulated verifier alike), the sealed SECRET_BLOCK, and no Session —
 * Cognito sends none here, and its clients answer without one (docs/cognito.md §3.1).
 */
export function passwordVerifierChallenge(deps: Deps, { pool, client }: ClientContext, subject: SrpSubject, A: Buffer): AuthOutcome {
  // b, A and B stay bytes into the block; only SRP_B is written as hex, for the wire (docs/cognito.md §4.2).
  const { b, B } = challengeElements(subject.verifier, deps.random);
  const block = sealSecretBlock(deps.keys.clientState, {
    poolId: pool.id,
    clientId: client.clientId,
    userId: subject.userId,
    lockoutSubject: subject.lockoutSubject,
    simulated: subject.simulated,
    b,
    A,
    B,
    issuedAt: deps.clock(),
  });
  return {
    $case: "challenge",
    value: {
      challengeName: ChallengeName.CHALLENGE_NAME_PASSWORD_VERIFIER,
      session: "",
      challengeParameters: { SALT: subject.salt, SRP_B: wireHex(B), SECRET_BLOCK: block, USER_ID_FOR_SRP: subject.userId, USERNAME: subject.userId },
    },
  };
}

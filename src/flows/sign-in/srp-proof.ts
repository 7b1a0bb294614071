import type { SecretBlockState } from "../../crypto/secret-block.js";
import { formatTimestamp, passwordClaimSignature, poolNameFromId, sessionKeyFromElements, signaturesMatch } from "../../crypto/srp.js";
import type { PasswordClaim } from "./srp-claim.js";

/**
 * Recomputes PASSWORD_CLAIM_SIGNATURE (docs/cognito.md §4.4 step 7): u, S = (A·v^u)^b, HKDF "Caldera Derived
 * Key", HMAC over poolName || USER_ID_FOR_SRP || SECRET_BLOCK bytes || TIMESTAMP — the TIMESTAMP
 * re-formatted from what was parsed (step 5), so a zero-padded day or a wrong weekday is a wrong
 * signature — and compares in constant time. It runs in full for simulated challenges too.
 */
export function passwordClaimMatches(poolId: string, state: SecretBlockState, verifier: string, claim: PasswordClaim): boolean {
  const hkdf = sessionKeyFromElements(state.A, state.B, state.b, verifier);
  // A not in (0, N) or u = 0: no key, so no proof, ever.
  if (hkdf === undefined) return false;
  const expected = passwordClaimSignature(hkdf, poolNameFromId(poolId), state.userId, claim.secretBlock, formatTimestamp(claim.timestamp));
  return signaturesMatch(expected, claim.signature);
}

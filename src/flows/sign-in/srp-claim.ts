import { sha256Hex } from "../../crypto/digest.js";
import { openSecretBlock, secretBlockBytes, type SecretBlockState } from "../../crypto/secret-block.js";
import { parseTimestamp } from "../../crypto/srp.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "../outcome.js";
import { normalize } from "../usernames.js";
import { timestampWithinSkew } from "./srp-timestamp.js";

/** PASSWORD_VERIFIER's ChallengeResponses, checked for shape (docs/cognito.md §2.8, §4.4 steps 1 and 4). */
export interface PasswordClaim {
  readonly username: string;
  /** PASSWORD_CLAIM_SECRET_BLOCK as sent (base64); its bytes are signed. */
  readonly secretBlock: string;
  readonly timestamp: Date;
  readonly signature: string;
}

const REQUIRED = ["USERNAME", "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "PASSWORD_CLAIM_SIGNATURE"] as const;

/** The claim, or Cognito's InvalidParameterException for a missing key or an unparsable TIMESTAMP. */
export function readPasswordClaim(parameters: Record<string, string>): PasswordClaim | InvalidParameter {
  const missing = REQUIRED.find((name) => (parameters[name] ?? "") === "");
  if (missing) return invalidParameter(`challenge_responses.${missing}`, messages.missingParameter(missing));
  const timestamp = parseTimestamp(parameters.TIMESTAMP!);
  if (!timestamp) return invalidParameter("challenge_responses.TIMESTAMP", messages.timestampFormat);
  return { username: parameters.USERNAME!, secretBlock: parameters.PASSWORD_CLAIM_SECRET_BLOCK!, timestamp, signature: parameters.PASSWORD_CLAIM_SIGNATURE! };
}

/** An opened block that may be answered, with the digest its single-use claim is keyed by. */
export interface OpenedBlock {
  readonly state: SecretBlockState;
  readonly digest: string;
  /** How long the block stays answerable, from now. */
  readonly remainingMs: number;
}

const incorrect = () => fail("notAuthorized", messages.incorrectCredentials);

/**
 * Opens PASSWORD_CLAIM_SECRET_BLOCK and checks everything that needs no store: not tampered with,
 * issued for this pool and client, not expired, answered for the name it was issued to, TIMESTAMP
 * within the skew. Every refusal is the generic NotAuthorized, the answer Cognito gives for a
 * wrong block (docs/cognito.md §4.4 step 2). None of them uses the block up or counts toward the lockout:
 * no proof was checked, so nothing was learnt about the password.
 *
 * Lifetime: Cognito documents "within a few seconds" without a number (docs/cognito.md §8.7); a block lives as
 * long as the client's auth sessions (AuthSessionValidity, 3-15 minutes), like every other challenge.
 */
export function openClaimedBlock(deps: Deps, { pool, client }: ClientContext, claim: PasswordClaim): OpenedBlock | Failure<"notAuthorized"> {
  // The digest is over the decoded bytes: re-encodings of one block are one block.
  const box = secretBlockBytes(claim.secretBlock);
  const state = openSecretBlock(deps.keys.clientState, box);
  if (!state || state.poolId !== pool.id || state.clientId !== client.clientId) return incorrect();
  const now = deps.clock();
  const remainingMs = state.issuedAt + client.authSessionValidityMinutes * 60_000 - now;
  if (remainingMs <= 0) return incorrect();
  if (normalize(pool, claim.username) !== normalize(pool, state.userId)) return incorrect();
  if (!timestampWithinSkew(claim.timestamp, now, deps.settings.srpTimestampSkewSeconds)) return incorrect();
  return { state, digest: sha256Hex(box), remainingMs };
}

export function isOpenedBlock(value: OpenedBlock | Failure): value is OpenedBlock {
  return "state" in value;
}

import { codeDigest, newCode } from "../crypto/codes.js";
import type { CodeDeliveryDetails } from "../gen/identity/v1/common.js";
import { codeSlot, type CodeCheck, type CodePurpose, type CodeSubject } from "../store/codes.js";
import type { PoolRecord, UserRecord } from "../store/records.js";
import type { DeliveryEvent } from "./delivery/code-sender.js";
import { deliverLater, deliveryDetails, type DeliveryOrigin } from "./delivery/deliver.js";
import type { Destination } from "./delivery/destinations.js";
import type { Deps } from "./deps.js";

/** Code lifetimes (docs/cognito.md §6.2): sign-up confirmation 24 h, password recovery 1 h. */
export const CODE_LIFETIME_MS: Record<CodePurpose, number> = {
  "sign-up": 24 * 3_600_000,
  "forgot-password": 3_600_000,
};

/**
 * Issues a fresh 6-digit code (CSPRNG) for the subject; it replaces any earlier one. Only a keyed
 * digest is stored, with the attribute the code goes to (confirming it verifies that attribute).
 */
export async function issueCode(deps: Deps, poolId: string, purpose: CodePurpose, subject: CodeSubject, attribute = ""): Promise<string> {
  const code = newCode();
  const now = deps.clock();
  const digest = codeDigest(deps.keys.codes, poolId, purpose, codeSlot(subject), code);
  await deps.stores.codes.put(poolId, purpose, subject, { digest, attribute, expiresAt: now + CODE_LIFETIME_MS[purpose] }, now);
  return code;
}

/**
 * Checks a code and, on a match, uses it up (atomically: of parallel right answers one wins), unless
 * `consume` is false. "missing" means no code was requested (or it was used).
 */
export function checkCode(deps: Deps, poolId: string, purpose: CodePurpose, subject: CodeSubject, code: string, consume = true): Promise<CodeCheck> {
  return deps.stores.codes.check(poolId, purpose, subject, codeDigest(deps.keys.codes, poolId, purpose, codeSlot(subject), code), deps.clock(), consume);
}

/**
 * A real delivery: a code in the user's slot, sent once the response has left
 * (deliverLater). Its twin for everyone else is simulateDelivery
 * (delivery/simulated-delivery.ts), which does the same store write and the same crypto.
 */
export async function deliverCode(deps: Deps, pool: PoolRecord, user: UserRecord, destination: Destination, why: { purpose: CodePurpose; event: DeliveryEvent; origin: DeliveryOrigin }): Promise<CodeDeliveryDetails> {
  const code = await issueCode(deps, pool.id, why.purpose, { username: user.username }, destination.attribute);
  deliverLater(deps, { poolId: pool.id, event: why.event, username: user.username, attribute: destination.attribute, medium: destination.medium, destination: destination.value, code }, why.origin);
  return deliveryDetails(destination);
}


import type { CodeDeliveryDetails } from "../../gen/identity/v1/common.js";
import type { CodePurpose } from "../../store/codes.js";
import type { PoolRecord } from "../../store/records.js";
import { issueCode } from "../codes.js";
import type { Deps } from "../deps.js";
import type { Subject } from "../existence/subject.js";
import { deliveryDetails } from "./deliver.js";
import type { Destination } from "./destinations.js";

/**
 * Answers as if a code went out, for a name no code can really go to (unknown, disabled, no
 * verified contact, ...), naming `destination` (answeredDestination, which the flows work out for
 * every name: the user's own contact, or the simulated destination of a name no user holds). It does what deliverCode (codes.ts) does — a fresh CSPRNG code, its keyed
 * digest written to a slot, a masked destination — but the slot is the name's phantom slot and
 * nothing is sent. The phantom code makes the next confirmation answer code_mismatch, and its
 * absence expired_code, exactly as for a real user (docs/cognito.md §6.3).
 */
export async function simulateDelivery(deps: Deps, pool: PoolRecord, named: Pick<Subject, "normalized">, destination: Destination, purpose: CodePurpose): Promise<CodeDeliveryDetails> {
  await issueCode(deps, pool.id, purpose, { phantom: named.normalized });
  return deliveryDetails(destination);
}

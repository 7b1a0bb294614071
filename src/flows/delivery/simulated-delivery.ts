import type { CodeDeliveryDetails } from "../../gen/identity/v1/common.js";
import type { CodePurpose } from "../../store/codes.js";
import type { PoolRecord } from "../../store/records.js";
import { issueCode } from "../codes.js";
import type { Deps } from "../deps.js";
import type { Subject } from "../existence/subject.js";
import type { DeliveryEvent } from "./code-sender.js";
import { deliveryDetails, rehearseLater } from "./deliver.js";
import type { Destination } from "./destinations.js";

/**
 * Answers as if a code went out, for a name no code can really go to (unknown, disabled, no
 * verified contact, ...), naming `destination` (answeredDestination, which the flows work out for
 * every name: the user's own contact, or the simulated destination of a name no user holds). It does
 * what deliverCode (codes.ts) does — a fresh CSPRNG code, its keyed digest written to a slot, a
 * masked destination, a delivery job — but the slot is the name's phantom slot and the job rehearses
 * the send instead of sending (rehearseLater). The phantom code makes the next confirmation answer
 * code_mismatch, and its absence expired_code, exactly as for a real user (docs/cognito.md §6.3).
 */
export async function simulateDelivery(deps: Deps, pool: PoolRecord, named: Pick<Subject, "normalized">, destination: Destination, why: { purpose: CodePurpose; event: DeliveryEvent }): Promise<CodeDeliveryDetails> {
  const code = await issueCode(deps, pool.id, why.purpose, { phantom: named.normalized });
  rehearseLater(deps, { poolId: pool.id, event: why.event, username: named.normalized, attribute: destination.attribute, medium: destination.medium, destination: destination.value, code });
  return deliveryDetails(destination);
}

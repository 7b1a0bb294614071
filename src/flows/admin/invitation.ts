import { DeliveryMedium } from "../../gen/identity/v1/common.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import { deliverNow } from "../delivery/deliver.js";
import type { Destination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type InvalidParameter } from "../outcome.js";

const BY_MEDIUM = {
  [DeliveryMedium.DELIVERY_MEDIUM_SMS]: { attribute: "phone_number", medium: "SMS" },
  [DeliveryMedium.DELIVERY_MEDIUM_EMAIL]: { attribute: "email", medium: "EMAIL" },
} as const;

type KnownMedium = keyof typeof BY_MEDIUM;

/** desired_delivery_mediums: SMS and/or EMAIL, nothing else. */
export function mediumsProblem(mediums: readonly DeliveryMedium[]): InvalidParameter | undefined {
  if (mediums.length > 2 || mediums.some((m) => !(m in BY_MEDIUM))) return invalidParameter("desired_delivery_mediums", "desired_delivery_mediums may contain SMS and EMAIL");
  return undefined;
}

/**
 * Where the invitation goes (docs/cognito.md §2.13). Requested mediums: each one the user has an attribute
 * for. None requested: Cognito's default SMS, falling back to email when the user has no phone
 * number. A user with neither is still created; the administrator hands the password over.
 */
export function invitationDestinations(user: UserRecord, mediums: readonly DeliveryMedium[]): Destination[] {
  const wanted = mediums.length > 0 ? [...new Set(mediums as KnownMedium[])] : [DeliveryMedium.DELIVERY_MEDIUM_SMS, DeliveryMedium.DELIVERY_MEDIUM_EMAIL] as const;
  const present = wanted.map((m) => BY_MEDIUM[m]).filter(({ attribute }) => (user.attributes[attribute] ?? "") !== "");
  const chosen = mediums.length > 0 ? present : present.slice(0, 1);
  return chosen.map(({ attribute, medium }) => ({ attribute, medium, value: user.attributes[attribute]! }));
}

/**
 * Sends the invitation with the temporary password before answering, so a failed delivery can be
 * reported (code_delivery_failure; the user stays created, as in Cognito). Admin operations hide no
 * user, so the send may take its time. The CustomMessage hook (CustomMessage_AdminCreateUser) sees
 * the request's client_metadata and no client. False when a delivery failed.
 */
export async function sendInvitation(deps: Deps, pool: PoolRecord, user: UserRecord, temporaryPassword: string, request: { desiredDeliveryMediums: readonly DeliveryMedium[]; clientMetadata: Record<string, string> }): Promise<boolean> {
  const sent = await Promise.all(invitationDestinations(user, request.desiredDeliveryMediums).map((destination) => {
    const message = { poolId: pool.id, event: "AdminCreateUser" as const, username: user.username, attribute: destination.attribute, medium: destination.medium, destination: destination.value, code: temporaryPassword };
    return deliverNow(deps, message, { clientMetadata: request.clientMetadata });
  }));
  return sent.every(Boolean);
}

/** The answer when the invitation did not go out: the user exists, the administrator must resend. */
export const invitationFailed = () => fail("codeDeliveryFailure", messages.invitationNotDelivered);

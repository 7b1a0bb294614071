import { DeliveryMedium } from "../../gen/identity/v1/common.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import { deliverLater } from "../delivery/deliver.js";
import type { Destination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";

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
 * Sends the invitation with the temporary password, off the request's path; the CustomMessage hook
 * (CustomMessage_AdminCreateUser) sees the request's client_metadata and no client.
 */
export function sendInvitation(deps: Deps, pool: PoolRecord, user: UserRecord, temporaryPassword: string, request: { desiredDeliveryMediums: readonly DeliveryMedium[]; clientMetadata: Record<string, string> }): void {
  for (const destination of invitationDestinations(user, request.desiredDeliveryMediums)) {
    const message = { poolId: pool.id, event: "AdminCreateUser" as const, username: user.username, attribute: destination.attribute, medium: destination.medium, destination: destination.value, code: temporaryPassword };
    deliverLater(deps, message, { clientMetadata: request.clientMetadata });
  }
}

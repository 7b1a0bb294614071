import type { PoolRecord, UserRecord } from "../../store/records.js";

export interface Destination {
  readonly attribute: "email" | "phone_number";
  readonly medium: "EMAIL" | "SMS";
  readonly value: string;
}

const MEDIUM = { email: "EMAIL", phone_number: "SMS" } as const;

/**
 * Where a sign-up confirmation code goes: an auto-verified attribute the user has; the phone wins
 * when both are auto-verified and present (spec §1.4).
 */
export function confirmationDestination(pool: PoolRecord, user: UserRecord): Destination | undefined {
  const order = (["phone_number", "email"] as const).filter((a) => pool.autoVerifiedAttributes.includes(a));
  return firstPresent(order, user, false);
}

/** Where a recovery code goes: the pool's recovery mechanisms in priority order, verified only (spec §2.4). */
export function recoveryDestination(pool: PoolRecord, user: UserRecord): Destination | undefined {
  const order = pool.accountRecovery.flatMap((m) => (m === "verified_email" ? ["email" as const] : m === "verified_phone_number" ? ["phone_number" as const] : []));
  return firstPresent(order, user, true);
}

function firstPresent(order: readonly ("email" | "phone_number")[], user: UserRecord, mustBeVerified: boolean): Destination | undefined {
  for (const attribute of order) {
    const value = user.attributes[attribute];
    if (value === undefined || value === "") continue;
    if (mustBeVerified && user.attributes[`${attribute}_verified`] !== "true") continue;
    return { attribute, medium: MEDIUM[attribute], value };
  }
  return undefined;
}

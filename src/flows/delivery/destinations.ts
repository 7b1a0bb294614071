import type { PoolRecord, UserRecord } from "../../store/records.js";
import { looksLikeEmail, looksLikePhone } from "../usernames.js";

export type ContactAttribute = "email" | "phone_number";

export interface Destination {
  readonly attribute: ContactAttribute;
  readonly medium: "EMAIL" | "SMS";
  readonly value: string;
}

export const MEDIUM = { email: "EMAIL", phone_number: "SMS" } as const;

/** Where sign-up codes may go, in order: auto-verified attributes, the phone first (docs/cognito.md §1.4). */
export function confirmationAttributes(pool: PoolRecord): ContactAttribute[] {
  return (["phone_number", "email"] as const).filter((a) => pool.autoVerifiedAttributes.includes(a));
}

/** Where recovery codes may go, in order: the pool's recovery mechanisms by priority (docs/cognito.md §2.4). */
export function recoveryAttributes(pool: PoolRecord): ContactAttribute[] {
  return pool.accountRecovery.flatMap((m) => (m === "verified_email" ? ["email" as const] : m === "verified_phone_number" ? ["phone_number" as const] : []));
}

/**
 * Where a sign-up confirmation code goes: an auto-verified attribute the user has; the phone wins
 * when both are auto-verified and present (docs/cognito.md §1.4) — unless the request named the user by one
 * of them (see `contactNamedBy`).
 */
export function confirmationDestination(pool: PoolRecord, user: UserRecord, input = ""): Destination | undefined {
  const order = confirmationAttributes(pool);
  return contactNamedBy(order, user, input, false) ?? firstPresent(order, user, false);
}

/** Where a recovery code goes: the pool's recovery mechanisms in priority order, verified only (docs/cognito.md §2.4). */
export function recoveryDestination(pool: PoolRecord, user: UserRecord, input = ""): Destination | undefined {
  const order = recoveryAttributes(pool);
  return contactNamedBy(order, user, input, true) ?? firstPresent(order, user, true);
}

/**
 * When the request names the user by an email or phone number the code may go to, the code goes
 * there. A simulated delivery for an email- or phone-shaped name shows that name masked (docs/cognito.md §6.1
 * step 1-2), so a real delivery elsewhere — say to the phone that outranks the email named — would
 * tell a real account from an unknown name.
 */
/**
 * The contact a code of this kind would go to if the user's state allowed a delivery: the real
 * destination when there is one, else the first contact present in the purpose's order, verified or
 * not. A simulated answer about a real user names it (docs/existence.md §5), so that every answer
 * about one name names one destination.
 */
export function contactFor(pool: PoolRecord, user: UserRecord, purpose: "sign-up" | "forgot-password", input = ""): Destination | undefined {
  if (purpose === "sign-up") return confirmationDestination(pool, user, input);
  const order = recoveryAttributes(pool);
  return recoveryDestination(pool, user, input) ?? contactNamedBy(order, user, input, false) ?? firstPresent(order, user, false);
}

function contactNamedBy(order: readonly ContactAttribute[], user: UserRecord, input: string, mustBeVerified: boolean): Destination | undefined {
  const attribute = looksLikeEmail(input) ? "email" : looksLikePhone(input) ? "phone_number" : undefined;
  if (!attribute || !order.includes(attribute)) return undefined;
  const value = user.attributes[attribute];
  if (value === undefined || value.toLowerCase() !== input.toLowerCase()) return undefined;
  if (mustBeVerified && user.attributes[`${attribute}_verified`] !== "true") return undefined;
  return { attribute, medium: MEDIUM[attribute], value };
}

function firstPresent(order: readonly ContactAttribute[], user: UserRecord, mustBeVerified: boolean): Destination | undefined {
  for (const attribute of order) {
    const value = user.attributes[attribute];
    if (value === undefined || value === "") continue;
    if (mustBeVerified && user.attributes[`${attribute}_verified`] !== "true") continue;
    return { attribute, medium: MEDIUM[attribute], value };
  }
  return undefined;
}

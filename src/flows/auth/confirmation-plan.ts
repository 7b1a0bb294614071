import type { PoolRecord, UserRecord } from "../../store/records.js";
import { confirmationDestination, type ContactAttribute, type Destination } from "../delivery/destinations.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "../outcome.js";
import type { ExistencePolicy } from "../existence/policy.js";
import type { Subject } from "../existence/subject.js";

/** What ResendConfirmationCode does for a name (the README's existence table; DECISIONS ids in comments). */
export type ResendPlan =
  | { readonly kind: "send"; readonly destination: Destination }
  | { readonly kind: "simulate" }
  | { readonly kind: "refuse"; readonly failure: Failure<"userNotFound"> | InvalidParameter };

/** As planRecovery: the destination first, for every name (a stand-in's for an unknown one). */
export function planResend(policy: ExistencePolicy, pool: PoolRecord, named: Pick<Subject, "user" | "record">, input: string): ResendPlan {
  const destination = confirmationDestination(pool, named.record, input);
  const { user } = named;
  const reveals = policy.revealsRecoveryState;
  if (!user) return policy.revealsUnknownUsers ? { kind: "refuse", failure: fail("userNotFound", messages.usernameClientNotFound) } : { kind: "simulate" };
  if (!user.enabled) return { kind: "simulate" }; // U2
  // "User is already confirmed." is an existence oracle: only LEGACY says it (U4; STRICT by its definition).
  if (user.status !== "UNCONFIRMED") return reveals ? { kind: "refuse", failure: invalidParameter("username", messages.alreadyConfirmed) } : { kind: "simulate" };
  if (!destination) return reveals ? { kind: "refuse", failure: invalidParameter("username", messages.autoVerificationOff) } : { kind: "simulate" };
  return { kind: "send", destination };
}

/**
 * What ConfirmSignUp does for a name: check the code of a real unconfirmed user, check the name's
 * phantom slot (and answer as a wrong code does), or refuse where the mode reveals the state.
 */
export type ConfirmationPlan =
  | { readonly kind: "confirm"; readonly user: UserRecord }
  | { readonly kind: "phantom" }
  | { readonly kind: "refuse"; readonly failure: Failure<"userNotFound" | "notAuthorized"> };

export function planConfirmation(policy: ExistencePolicy, user: UserRecord | undefined): ConfirmationPlan {
  if (!user) return policy.revealsUnknownUsers ? { kind: "refuse", failure: fail("userNotFound", messages.usernameClientNotFound) } : { kind: "phantom" }; // U1
  if (!user.enabled) return { kind: "phantom" }; // U2
  if (user.status !== "UNCONFIRMED") {
    // Cognito's documented answer, kept by LEGACY and ENABLED (U15); STRICT answers as a wrong code.
    return policy.revealsConfirmedState ? { kind: "refuse", failure: fail("notAuthorized", messages.cannotConfirm(user.status)) } : { kind: "phantom" };
  }
  return { kind: "confirm", user };
}

/**
 * The user a successful confirmation makes: CONFIRMED, and the attribute the code went to verified
 * (when the user still has it). What PostConfirmation is shown, and what is then written.
 */
export function confirmedRecord(user: UserRecord, attribute: ContactAttribute | undefined): UserRecord {
  const verified = attribute && user.attributes[attribute] !== undefined ? { [`${attribute}_verified`]: "true" } : {};
  return { ...user, status: "CONFIRMED", attributes: { ...user.attributes, ...verified } };
}

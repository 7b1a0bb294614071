import type { PoolRecord } from "../../store/records.js";
import { recoveryDestination, type Destination } from "../delivery/destinations.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "../outcome.js";
import type { ExistencePolicy } from "../existence/policy.js";
import type { Subject } from "../existence/subject.js";

/**
 * What ForgotPassword does for a name (the README's existence table; DECISIONS ids in comments):
 * send a real code, simulate one, or refuse — refusals only where the mode reveals the state anyway
 * (LEGACY) or the answer is the same for every name (admin_only recovery).
 */
export type RecoveryPlan =
  | { readonly kind: "send"; readonly destination: Destination }
  | { readonly kind: "simulate" }
  | { readonly kind: "refuse"; readonly failure: Failure<"userNotFound" | "notAuthorized"> | InvalidParameter };

const simulate: RecoveryPlan = { kind: "simulate" };
const refuse = (failure: Failure<"userNotFound" | "notAuthorized"> | InvalidParameter): RecoveryPlan => ({ kind: "refuse", failure });

/**
 * The user's recovery destination is worked out first, for every name — on an unknown name's
 * stand-in record too (existence/subject.ts) — so which branch is taken costs nothing extra.
 */
export function planRecovery(policy: ExistencePolicy, pool: PoolRecord, named: Pick<Subject, "user" | "record">, input: string): RecoveryPlan {
  const destination = recoveryDestination(pool, named.record, input);
  const { user } = named;
  const reveals = policy.revealsRecoveryState;
  if (!user && policy.revealsUnknownUsers) return refuse(fail("userNotFound", messages.usernameClientNotFound));
  // A pool-wide answer: the same for every name, so it hides nothing and needs no simulation.
  if (pool.accountRecovery.includes("admin_only")) return refuse(fail("notAuthorized", messages.contactAdministrator));
  // Disabled: simulated in every mode (U2) — the seed: "isn't found, is deactivated, or ...".
  if (!user || !user.enabled) return simulate;
  if (user.status === "FORCE_CHANGE_PASSWORD") return reveals ? refuse(fail("notAuthorized", messages.cannotResetInCurrentState)) : simulate; // U5
  // An unconfirmed account is confirmed, not recovered (U14): as if it had no verified contact.
  if (!destination || user.status === "UNCONFIRMED") return reveals ? refuse(invalidParameter("username", messages.noVerifiedContact)) : simulate;
  return { kind: "send", destination };
}

import type { ExistenceMode, PoolRecord, UserRecord } from "../../store/records.js";
import { recoveryDestination, type Destination } from "../delivery/destinations.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "../outcome.js";

/**
 * What ForgotPassword does for a name (docs/existence-table.md; DECISIONS ids in comments):
 * send a real code, simulate one, or refuse — refusals only where the mode reveals the state anyway
 * (LEGACY) or the answer is the same for every name (admin_only recovery).
 */
export type RecoveryPlan =
  | { readonly kind: "send"; readonly destination: Destination }
  | { readonly kind: "simulate" }
  | { readonly kind: "refuse"; readonly failure: Failure<"userNotFound" | "notAuthorized"> | InvalidParameter };

const simulate: RecoveryPlan = { kind: "simulate" };
const refuse = (failure: Failure<"userNotFound" | "notAuthorized"> | InvalidParameter): RecoveryPlan => ({ kind: "refuse", failure });

export function planRecovery(mode: ExistenceMode, pool: PoolRecord, user: UserRecord | undefined, input: string): RecoveryPlan {
  const reveals = mode === "LEGACY";
  if (!user && reveals) return refuse(fail("userNotFound", messages.usernameClientNotFound));
  // A pool-wide answer: the same for every name, so it hides nothing and needs no simulation.
  if (pool.accountRecovery.includes("admin_only")) return refuse(fail("notAuthorized", messages.contactAdministrator));
  // Disabled: simulated in every mode (U2) — the seed: "isn't found, is deactivated, or ...".
  if (!user || !user.enabled) return simulate;
  if (user.status === "FORCE_CHANGE_PASSWORD") return reveals ? refuse(fail("notAuthorized", messages.cannotResetInCurrentState)) : simulate; // U5
  // An unconfirmed account is confirmed, not recovered (U14): as if it had no verified contact.
  const destination = user.status === "UNCONFIRMED" ? undefined : recoveryDestination(pool, user, input);
  if (!destination) return reveals ? refuse(invalidParameter("username", messages.noVerifiedContact)) : simulate;
  return { kind: "send", destination };
}

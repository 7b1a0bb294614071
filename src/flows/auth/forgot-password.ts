import type { ForgotPasswordRequest, ForgotPasswordResponse } from "../../gen/identity/v1/auth_service.js";
import { checkSecretHash, clientContext, isContext } from "../client-context.js";
import { deliverCode } from "../codes.js";
import { simulateDelivery } from "../delivery/simulated-delivery.js";
import { simulatedDestination } from "../delivery/simulated-destination.js";
import type { Deps } from "../deps.js";
import { overHourlyLimit } from "../limits.js";
import { success, type Outcome } from "../outcome.js";
import { migrateUser } from "../user-migration.js";
import { counterSubject, findNamed } from "../usernames.js";
import { clientId, firstProblem, limits, maxLength, stringMap, username } from "../validation.js";
import { planRecovery } from "./recovery-plan.js";

export type ForgotPasswordOutcome = Outcome<ForgotPasswordResponse>;

/**
 * ForgotPassword (spec §2.4): a 6-digit code, valid 1 hour, to the user's verified contact; it
 * replaces any earlier code. Where the mode hides the user (unknown, disabled, no verified contact,
 * ...), the answer is a simulated delivery after the same work: one lookup, one hourly-limit count,
 * one code written (to the name's phantom slot, spec §6.3) — the real send happens off the request's
 * path (deliverLater), so the real answer is not slower. A name no user holds is first offered to
 * the UserMigration hook (UserMigration_ForgotPassword, user-migration.ts): a user it describes is
 * created and recovers like any other; an empty answer leaves the name unknown, answered as above.
 */
export async function forgotPassword(deps: Deps, request: ForgotPasswordRequest): Promise<ForgotPasswordOutcome> {
  const problem = firstProblem(
    clientId("client_id", request.clientId),
    maxLength("secret_hash", request.secretHash, limits.secretHash),
    username("username", request.username),
    stringMap("client_metadata", request.clientMetadata),
  );
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  const { pool, client } = context;
  const badHash = checkSecretHash(client, request.username, request.secretHash);
  if (badHash) return badHash;
  const found = await findNamed(deps, pool, request.username);
  const named = await migrateUser(deps, context, found, request.username, { source: "UserMigration_ForgotPassword", clientMetadata: request.clientMetadata });
  if ("$case" in named) return named;
  const plan = planRecovery(client.existenceMode, pool, named, request.username);
  if (plan.kind === "refuse") return plan.failure;
  const limited = await overHourlyLimit(deps, pool.id, "ForgotPassword", counterSubject(named));
  if (limited) return limited;
  const origin = { clientId: client.clientId, clientMetadata: request.clientMetadata };
  // Worked out for every name, used only for a simulated answer: the branch taken costs no more.
  const simulated = simulatedDestination(deps, pool, named.normalized, "forgot-password");
  const codeDeliveryDetails = plan.kind === "send" && named.user
    ? await deliverCode(deps, pool, named.user, plan.destination, { purpose: "forgot-password", event: "ForgotPassword", origin })
    : await simulateDelivery(deps, pool, named, simulated, "forgot-password");
  return success({ codeDeliveryDetails });
}

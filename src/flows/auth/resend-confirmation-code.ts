import type { ResendConfirmationCodeRequest, ResendConfirmationCodeResponse } from "../../gen/identity/v1/auth_service.js";
import { checkSecretHash, clientContext, isContext } from "../client-context.js";
import { deliverCode } from "../codes.js";
import { simulateDelivery } from "../delivery/simulated-delivery.js";
import { simulatedDestination } from "../delivery/simulated-destination.js";
import type { Deps } from "../deps.js";
import { overHourlyLimit } from "../limits.js";
import { success, type Outcome } from "../outcome.js";
import { counterSubject, findNamed } from "../usernames.js";
import { clientId, firstProblem, limits, maxLength, stringMap, username } from "../validation.js";
import { planResend } from "./confirmation-plan.js";

export type ResendConfirmationCodeOutcome = Outcome<ResendConfirmationCodeResponse>;

/**
 * ResendConfirmationCode (spec §2.3): a new sign-up code (valid 24 h) replaces the old one and goes
 * to the auto-verified attribute. Unknown, disabled and (outside LEGACY) already confirmed names get
 * a simulated delivery after the same work, and a phantom code that a later ConfirmSignUp checks.
 */
export async function resendConfirmationCode(deps: Deps, request: ResendConfirmationCodeRequest): Promise<ResendConfirmationCodeOutcome> {
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
  const named = await findNamed(deps, pool, request.username);
  const plan = planResend(client.existenceMode, pool, named, request.username);
  if (plan.kind === "refuse") return plan.failure;
  const limited = await overHourlyLimit(deps, pool.id, "ResendConfirmationCode", counterSubject(named));
  if (limited) return limited;
  const origin = { clientId: client.clientId, clientMetadata: request.clientMetadata };
  // Worked out for every name, used only for a simulated answer: the branch taken costs no more.
  const simulated = simulatedDestination(deps, pool, named.normalized, "sign-up");
  const codeDeliveryDetails = plan.kind === "send" && named.user
    ? await deliverCode(deps, pool, named.user, plan.destination, { purpose: "sign-up", event: "ResendCode", origin })
    : await simulateDelivery(deps, pool, named, simulated, "sign-up");
  return success({ codeDeliveryDetails });
}

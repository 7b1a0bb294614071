import type { ResendConfirmationCodeRequest, ResendConfirmationCodeResponse } from "../../gen/identity/v1/auth_service.js";
import { checkSecretHash, clientContext, isContext } from "../client-context.js";
import { issueCode } from "../codes.js";
import { deliverLater, deliveryDetails } from "../delivery/deliver.js";
import { confirmationDestination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, success, type Outcome } from "../outcome.js";
import { lookupsFor } from "../usernames.js";
import { clientId, firstProblem, limits, maxLength, stringMap, username } from "../validation.js";

export type ResendConfirmationCodeOutcome = Outcome<ResendConfirmationCodeResponse>;

/** ResendConfirmationCode (spec §2.3): a new code replaces the old one. */
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
  const user = await deps.stores.users.find(pool.id, lookupsFor(pool, request.username));
  if (!user) return fail("userNotFound", messages.usernameClientNotFound);
  if (user.status !== "UNCONFIRMED") return invalidParameter("username", messages.alreadyConfirmed);
  const destination = confirmationDestination(pool, user);
  if (!destination) return invalidParameter("username", "Auto verification not turned on.");
  const code = await issueCode(deps, pool.id, "sign-up", user.username);
  deliverLater(deps, { poolId: pool.id, event: "ResendCode", username: user.username, attribute: destination.attribute, medium: destination.medium, destination: destination.value, code });
  return success({ codeDeliveryDetails: deliveryDetails(destination) });
}

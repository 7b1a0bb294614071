import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from "../../gen/identity/v1/auth_service.js";
import { checkSecretHash, clientContext, isContext } from "../client-context.js";
import { checkCode } from "../codes.js";
import { confirmationDestination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { claimDifference, lookupsFor, normalize } from "../usernames.js";
import { clientId, firstProblem, limits, maxLength, pattern, patterns, required, stringMap, username } from "../validation.js";

export type ConfirmSignUpOutcome = Outcome<ConfirmSignUpResponse>;

/**
 * ConfirmSignUp (spec §2.2): the right code makes the user CONFIRMED and verifies the attribute the
 * code went to. Unknown and already-confirmed users are answered per the client's mode; they also
 * consume a (phantom) code slot, so the work and store calls match a real wrong code.
 */
export async function confirmSignUp(deps: Deps, request: ConfirmSignUpRequest): Promise<ConfirmSignUpOutcome> {
  const problem = firstProblem(
    clientId("client_id", request.clientId),
    maxLength("secret_hash", request.secretHash, limits.secretHash),
    username("username", request.username),
    required("confirmation_code", request.confirmationCode, limits.code) ?? pattern("confirmation_code", request.confirmationCode, patterns.noWhitespace, "[\\S]+"),
    stringMap("client_metadata", request.clientMetadata),
  );
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  const { pool, client } = context;
  const badHash = checkSecretHash(client, request.username, request.secretHash);
  if (badHash) return badHash;
  const user = await deps.stores.users.find(pool.id, lookupsFor(pool, request.username));
  const subject = user ? user.username : `n:${normalize(pool, request.username)}`;
  const check = await checkCode(deps, pool.id, "sign-up", subject, request.confirmationCode);
  const mode = client.existenceMode;
  if (!user) return mode === "LEGACY" ? fail("userNotFound", messages.usernameClientNotFound) : fail("codeMismatch", messages.codeMismatch);
  if (user.status !== "UNCONFIRMED") return mode === "STRICT" ? fail("codeMismatch", messages.codeMismatch) : fail("notAuthorized", messages.alreadyConfirmedCannotConfirm);
  if (check === "mismatch") return fail("codeMismatch", messages.codeMismatch);
  if (check !== "ok") return fail("expiredCode", messages.expiredCode);
  const destination = confirmationDestination(pool, user);
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => {
    const verified = destination ? { [`${destination.attribute}_verified`]: "true" } : {};
    const next = { ...current, status: "CONFIRMED" as const, attributes: { ...current.attributes, ...verified } };
    return { user: next, ...claimDifference(pool, current, next), value: undefined };
  }, deps.clock());
  if (!updated || !updated.ok) return fail("aliasExists", messages.aliasExists(destination?.attribute ?? "email"));
  return success({});
}

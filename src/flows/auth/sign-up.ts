import type { SignUpRequest, SignUpResponse } from "../../gen/identity/v1/auth_service.js";
import { checkSecretHash, clientContext, isContext } from "../client-context.js";
import { deliverCode } from "../codes.js";
import { confirmationDestination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { newUserRecord, storeNewUser } from "../new-user.js";
import { fail, isFailure, success, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { attributeList, clientId, firstProblem, limits, maxLength, required, stringMap, username } from "../validation.js";

export type SignUpOutcome = Outcome<SignUpResponse>;

/**
 * SignUp (spec §2.1): a new UNCONFIRMED user and a confirmation code (valid 24 h) to an
 * auto-verified attribute. A taken username is username_exists in every mode (U9); in pools with
 * alias_attributes an email or phone another user holds signs up anyway, and the conflict shows
 * only at confirmation, to the holder of the code (alias_exists).
 */
export async function signUp(deps: Deps, request: SignUpRequest): Promise<SignUpOutcome> {
  const problem = firstProblem(
    clientId("client_id", request.clientId),
    maxLength("secret_hash", request.secretHash, limits.secretHash),
    username("username", request.username),
    required("password", request.password, limits.password),
    attributeList("user_attributes", request.userAttributes),
    attributeList("validation_data", request.validationData),
    stringMap("client_metadata", request.clientMetadata),
  );
  if (problem) return problem;
  const context = await clientContext(deps, request.clientId);
  if (!isContext(context)) return context;
  const { pool, client } = context;
  const badHash = checkSecretHash(client, request.username, request.secretHash);
  if (badHash) return badHash;
  // Before the username (U8): the policy's answer depends on the password alone.
  const weak = checkPasswordPolicy(pool.passwordPolicy, request.password);
  if (weak) return weak;
  const draft = newUserRecord(deps, pool, { username: request.username, attributes: request.userAttributes, status: "UNCONFIRMED", password: undefined, mayVerify: false });
  if (isFailure(draft)) return draft;
  const user = { ...draft, ...passwordFields(deps, pool, draft.username, request.password) };
  const conflict = await storeNewUser(deps, pool, user, false);
  // SignUp has no alias_exists arm: a taken preferred_username is reported like a taken username.
  if (conflict) return conflict.$case === "aliasExists" ? fail("usernameExists", conflict.value.message) : conflict;
  const destination = confirmationDestination(pool, user, request.username);
  if (!destination) return success({ userConfirmed: false, userSub: user.sub });
  const origin = { clientId: client.clientId, clientMetadata: request.clientMetadata };
  const codeDeliveryDetails = await deliverCode(deps, pool, user, destination, { purpose: "sign-up", event: "SignUp", origin });
  return success({ userConfirmed: false, userSub: user.sub, codeDeliveryDetails });
}

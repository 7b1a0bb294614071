import type { AdminCreateUserRequest, AdminCreateUserResponse } from "../../gen/identity/v1/admin_service.js";
import { MessageAction } from "../../gen/identity/v1/common.js";
import type { Deps } from "../deps.js";
import { newUserRecord, storeNewUser } from "../new-user.js";
import { invalidParameter, isFailure, success, type InvalidParameter, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { preSignUp } from "../pre-sign-up.js";
import { userView } from "../user-view.js";
import { attributeList, firstProblem, limits, maxLength, poolId, stringMap, username } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { adminAttributesProblem, verifiedWithoutValue } from "./attribute-rules.js";
import { invitationFailed, mediumsProblem, sendInvitation } from "./invitation.js";
import { resendInvitation } from "./resend-invitation.js";
import { temporaryPassword } from "./temporary-password.js";

const ACTIONS = [MessageAction.MESSAGE_ACTION_UNSPECIFIED, MessageAction.MESSAGE_ACTION_RESEND, MessageAction.MESSAGE_ACTION_SUPPRESS];

export type AdminCreateUserOutcome = Outcome<AdminCreateUserResponse>;

/**
 * AdminCreateUser (docs/cognito.md §2.13): a FORCE_CHANGE_PASSWORD user with a temporary password (given, or
 * generated to satisfy the policy) and an invitation carrying it, unless SUPPRESS; RESEND renews
 * the temporary password of an existing invited user. Administrators may set verified flags, and
 * force_alias_creation moves a verified alias another user holds. PreSignUp_AdminCreateUser runs
 * before the user is stored; its error creates nothing, its answer is ignored (docs/cognito.md §5.3).
 */
export async function adminCreateUser(deps: Deps, request: AdminCreateUserRequest): Promise<AdminCreateUserOutcome> {
  const problem = requestProblem(request);
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const password = request.temporaryPassword || temporaryPassword(deps.random, pool.passwordPolicy);
  const weak = checkPasswordPolicy(pool.passwordPolicy, password);
  if (weak) return weak;
  if (request.messageAction === MessageAction.MESSAGE_ACTION_RESEND) return resendInvitation(deps, pool, request, password);
  const draft = newUserRecord(deps, pool, { username: request.username, attributes: request.userAttributes, status: "FORCE_CHANGE_PASSWORD", mayVerify: true });
  if (isFailure(draft)) return draft;
  const unvouched = verifiedWithoutValue("user_attributes", draft.attributes);
  if (unvouched) return unvouched;
  const origin = { source: "PreSignUp_AdminCreateUser" as const, validationData: request.validationData, clientMetadata: request.clientMetadata };
  const answered = await preSignUp(deps, pool, draft, origin);
  if (!answered.ok) return answered.error;
  const user = { ...draft, ...passwordFields(deps, pool, draft.username, password) };
  const conflict = await storeNewUser(deps, pool, user, request.forceAliasCreation);
  if (conflict) return conflict;
  await rememberPassword(deps, pool, user, password);
  if (request.messageAction !== MessageAction.MESSAGE_ACTION_SUPPRESS && !(await sendInvitation(deps, pool, user, password, request))) return invitationFailed();
  return success(userView(user));
}

function requestProblem(request: AdminCreateUserRequest): InvalidParameter | undefined {
  return firstProblem(
    poolId("user_pool_id", request.userPoolId),
    username("username", request.username),
    maxLength("temporary_password", request.temporaryPassword, limits.password),
    adminAttributesProblem("user_attributes", request.userAttributes),
    attributeList("validation_data", request.validationData),
    stringMap("client_metadata", request.clientMetadata),
    ACTIONS.includes(request.messageAction) ? undefined : invalidParameter("message_action", "message_action must be RESEND or SUPPRESS"),
    mediumsProblem(request.desiredDeliveryMediums),
  );
}

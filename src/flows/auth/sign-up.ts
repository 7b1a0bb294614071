import type { SignUpRequest, SignUpResponse } from "../../gen/identity/v1/auth_service.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import { isContext } from "../client-context.js";
import { openNamedRequest } from "./named-request.js";
import { deliverCode } from "../codes.js";
import { confirmationDestination } from "../delivery/destinations.js";
import type { Deps } from "../deps.js";
import { nameTaken, newUserRecord, storeNewUser } from "../new-user.js";
import { fail, isFailure, success, type Failure, type Outcome } from "../outcome.js";
import { checkPasswordPolicy, passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { postConfirmation } from "../post-confirmation.js";
import { preSignUp, signUpAnswers, withAnswers, type SignUpAnswers } from "../pre-sign-up.js";
import { attributeList, limits, required } from "../validation.js";

export type SignUpOutcome = Outcome<SignUpResponse>;

/**
 * SignUp (docs/cognito.md §2.1): a new UNCONFIRMED user and a confirmation code (valid 24 h) to an
 * auto-verified attribute. A taken username is username_exists in every mode (U9); in pools with
 * alias_attributes an email or phone another user holds signs up anyway, and the conflict shows
 * only at confirmation, to the holder of the code (alias_exists).
 *
 * The PreSignUp hook sees the user before it is stored (§5.3); its error creates nothing. When it
 * auto-confirms, no code is sent and PostConfirmation_ConfirmSignUp runs, also before the user is
 * stored (post-confirmation.ts), so its error creates nothing either.
 */
export async function signUp(deps: Deps, request: SignUpRequest): Promise<SignUpOutcome> {
  const context = await openNamedRequest(deps, request,
    required("password", request.password, limits.password),
    attributeList("user_attributes", request.userAttributes),
    attributeList("validation_data", request.validationData),
  );
  if (!isContext(context)) return context;
  const { pool, client } = context;
  // Before the username (U8): the policy's answer depends on the password alone.
  const weak = checkPasswordPolicy(pool.passwordPolicy, request.password);
  if (weak) return weak;
  const draft = newUserRecord(deps, pool, { username: request.username, attributes: request.userAttributes, status: "UNCONFIRMED", mayVerify: false });
  if (isFailure(draft)) return draft;
  const origin = { clientId: client.clientId, clientMetadata: request.clientMetadata };
  const answered = await preSignUp(deps, pool, draft, { source: "PreSignUp_SignUp", ...origin, validationData: request.validationData });
  if (!answered.ok) return answered.error;
  const answers = signUpAnswers(answered.response, draft);
  if (isFailure(answers)) return answers;
  const user = withAnswers({ ...draft, ...passwordFields(deps, pool, draft.username, request.password) }, answers);
  if (answers.autoConfirm) return storeConfirmed(deps, pool, user, answers, origin, request.password);
  const conflict = await storeNewUser(deps, pool, user, false);
  if (conflict) return signUpConflict(conflict);
  await rememberPassword(deps, pool, user, request.password);
  const destination = confirmationDestination(pool, user, request.username);
  if (!destination) return success({ userConfirmed: false, userSub: user.sub });
  const codeDeliveryDetails = await deliverCode(deps, pool, user, destination, { purpose: "sign-up", event: "SignUp", origin });
  return success({ userConfirmed: false, userSub: user.sub, codeDeliveryDetails });
}

/**
 * An auto-confirmed sign-up: no code, PostConfirmation, then the user. A taken name is refused
 * before the hook, which must not hear of a user the store would refuse. An auto-verified email or
 * phone moves a verified alias another user holds (§5.3), as force_alias_creation does.
 */
async function storeConfirmed(deps: Deps, pool: PoolRecord, user: UserRecord, answers: SignUpAnswers, origin: { clientId: string; clientMetadata: Record<string, string> }, password: string): Promise<SignUpOutcome> {
  const taken = await nameTaken(deps, pool, user);
  if (taken) return taken;
  const rejected = await postConfirmation(deps, pool, user, { source: "PostConfirmation_ConfirmSignUp", ...origin });
  if (rejected) return rejected;
  const conflict = await storeNewUser(deps, pool, user, answers.verify.length > 0);
  if (conflict) return signUpConflict(conflict);
  await rememberPassword(deps, pool, user, password);
  return success({ userConfirmed: true, userSub: user.sub });
}

/** SignUp has no alias_exists arm: a taken preferred_username is reported like a taken username. */
function signUpConflict(conflict: Failure<"usernameExists" | "aliasExists">): Failure<"usernameExists"> {
  return conflict.$case === "aliasExists" ? fail("usernameExists", conflict.value.message) : conflict;
}

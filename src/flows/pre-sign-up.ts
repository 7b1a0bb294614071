// PreSignUp (docs/cognito.md §5.3): the pool's hook sees a new user before it is stored, from SignUp
// (PreSignUp_SignUp) and AdminCreateUser (PreSignUp_AdminCreateUser). Its error is the operation's
// answer and nothing is created. Only SignUp acts on its response (autoConfirmUser, autoVerifyEmail,
// autoVerifyPhone); AdminCreateUser ignores it, as Cognito does (§5.3).
import type { AttributeType } from "../gen/identity/v1/common.js";
import type { PoolRecord, UserRecord } from "../store/records.js";
import { autoVerifyWithoutAttribute } from "../triggers/messages.js";
import { triggerEvent, type PreSignUpResponse, type PreSignUpTriggerSource, type StringMap, type TriggerError } from "../triggers/index.js";
import type { ContactAttribute } from "./delivery/destinations.js";
import { NO_CLIENT_ID } from "./delivery/custom-message.js";
import type { Deps } from "./deps.js";
import { fail, type Failure } from "./outcome.js";

export interface SignUpOrigin {
  readonly source: PreSignUpTriggerSource;
  /** The app client of the request; absent for AdminCreateUser ("CLIENT_ID_NOT_APPLICABLE"). */
  readonly clientId?: string;
  readonly validationData: readonly AttributeType[];
  readonly clientMetadata: StringMap;
}

export type PreSignUpOutcome = { readonly ok: true; readonly response: PreSignUpResponse } | { readonly ok: false; readonly error: TriggerError };

/** No hook: Cognito's initial response, which confirms and verifies nothing. */
const NO_ANSWER: PreSignUpResponse = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };

/**
 * Runs the hook on the user about to be created. userName is the internal username (a UUID in
 * pools with username_attributes, §5.1); userAttributes are the attributes as they will be stored.
 */
export async function preSignUp(deps: Deps, pool: PoolRecord, draft: UserRecord, origin: SignUpOrigin): Promise<PreSignUpOutcome> {
  const triggers = deps.triggers.triggersFor(pool.id);
  if (!triggers.has("PreSignUp")) return { ok: true, response: NO_ANSWER };
  const event = triggerEvent(
    "PreSignUp",
    { triggerSource: origin.source, userPoolId: pool.id, userName: draft.username, clientId: origin.clientId ?? NO_CLIENT_ID },
    { userAttributes: { ...draft.attributes }, validationData: validationData(origin.validationData), clientMetadata: origin.clientMetadata },
  );
  const outcome = await triggers.invoke("PreSignUp", event);
  return outcome.ok ? { ok: true, response: outcome.event.response } : outcome;
}

/** What SignUp does with the answer: confirm at once, and which contact attributes to verify. */
export interface SignUpAnswers {
  readonly autoConfirm: boolean;
  readonly verify: readonly ContactAttribute[];
}

/**
 * Reads the answer for SignUp. Auto-verification takes effect only with auto-confirmation (an
 * unconfirmed user's attribute is verified by the code it is sent); it needs the attribute, or
 * the answer is invalid (§5.3: "must have a valid, non-null value").
 */
export function signUpAnswers(response: PreSignUpResponse, user: UserRecord): SignUpAnswers | Failure<"invalidLambdaResponse"> {
  if (response.autoConfirmUser !== true) return { autoConfirm: false, verify: [] };
  const verify: ContactAttribute[] = [];
  if (response.autoVerifyEmail === true) verify.push("email");
  if (response.autoVerifyPhone === true) verify.push("phone_number");
  const missing = verify.find((attribute) => (user.attributes[attribute] ?? "") === "");
  if (missing) return fail("invalidLambdaResponse", autoVerifyWithoutAttribute(missing));
  return { autoConfirm: true, verify };
}

/** The user as SignUp stores it after the answer: CONFIRMED and verified where the hook said so. */
export function withAnswers(user: UserRecord, answers: SignUpAnswers): UserRecord {
  if (!answers.autoConfirm) return user;
  const verified = Object.fromEntries(answers.verify.map((attribute) => [`${attribute}_verified`, "true"]));
  return { ...user, status: "CONFIRMED", attributes: { ...user.attributes, ...verified } };
}

/** ValidationData as the event carries it: a map, or null when the caller sent none (§5.3). */
function validationData(list: readonly AttributeType[]): StringMap | null {
  return list.length === 0 ? null : Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

// What each trigger may put in `response` (docs/cognito.md §5.3–§5.12). Anything else in the returned event is
// ignored, as Cognito ignores it; a field of the wrong type makes the output invalid (§5.13).
import type { ClaimValue, TriggerEventMap } from "./events.js";
import { boolean, INVALID, isPlainObject, list, object, oneOf, string, stringMap, type Check } from "./schema.js";
import type { TriggerName } from "./trigger.js";

/** Cognito's EmailMessage limit (20,000 characters); every other string keeps the 2048 default. */
const MAX_EMAIL_MESSAGE_LENGTH = 20_000;

/** Triggers whose response Cognito ignores: accept any object, keep nothing (§5.4–§5.6). */
const ignored = object({});

/** Version "3" claim values: strings, numbers, booleans or lists of strings (objects are refused). */
const claimValues: Check<Record<string, ClaimValue>> = (value) => {
  if (!isPlainObject(value)) return INVALID;
  const out: Record<string, ClaimValue> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (string()(key) === INVALID) return INVALID;
    const checked = typeof raw === "number" || typeof raw === "boolean" ? raw : typeof raw === "string" ? string()(raw) : list(string())(raw);
    if (checked === INVALID) return INVALID;
    out[key] = checked;
  }
  return out;
};

const groupOverrideDetails = object({
  groupsToOverride: list(string()),
  iamRolesToOverride: list(string()),
  preferredRole: string(),
});

export const responseSchemas: { [N in TriggerName]: Check<TriggerEventMap[N]["response"]> } = {
  // §5.3: ignored for PreSignUp_AdminCreateUser, but still validated — Cognito parses it either way.
  PreSignUp: object({ autoConfirmUser: boolean, autoVerifyEmail: boolean, autoVerifyPhone: boolean }),
  PostConfirmation: ignored,
  PreAuthentication: ignored,
  PostAuthentication: ignored,
  // §5.11: whether the messages contain codeParameter is the flow's check (it knows the delivery).
  CustomMessage: object({
    smsMessage: string(),
    emailMessage: string(MAX_EMAIL_MESSAGE_LENGTH),
    emailSubject: string(),
  }),
  PreTokenGeneration: object({
    claimsOverrideDetails: object({
      claimsToAddOrOverride: stringMap,
      claimsToSuppress: list(string()),
      groupOverrideDetails,
    }),
    claimsAndScopeOverrideDetails: object({
      accessTokenGeneration: object({
        claimsToAddOrOverride: claimValues,
        claimsToSuppress: list(string()),
        scopesToAdd: list(string(256)),
        scopesToSuppress: list(string(256)),
      }),
    }),
  }),
  DefineAuthChallenge: object({ challengeName: string(), issueTokens: boolean, failAuthentication: boolean }),
  CreateAuthChallenge: object({
    publicChallengeParameters: stringMap,
    privateChallengeParameters: stringMap,
    challengeMetadata: string(),
  }),
  VerifyAuthChallengeResponse: object({ answerCorrect: boolean }),
  UserMigration: object({
    userAttributes: stringMap,
    finalUserStatus: oneOf("CONFIRMED", "RESET_REQUIRED"),
    messageAction: oneOf("SUPPRESS", "RESEND"),
    desiredDeliveryMediums: list(oneOf("EMAIL", "SMS")),
    forceAliasCreation: boolean,
    enableSMSMFA: boolean,
  }),
};

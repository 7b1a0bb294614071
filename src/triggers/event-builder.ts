// Helpers for flows building trigger events: the common envelope, the userAttributes map and the
// response Cognito sends before the hook fills it in (docs/cognito.md §5.1–§5.12).
import type { StringMap, TriggerEnvelope, TriggerEventMap } from "./events.js";
import type { TriggerEventOf, TriggerName } from "./trigger.js";

/** What Cognito puts in callerContext.awsSdkVersion when it cannot tell (docs/cognito.md §5.1). */
export const UNKNOWN_SDK_VERSION = "aws-sdk-unknown-unknown";

/** A pool id is "<region>_<suffix>" (e.g. "us-east-1_ABC123"); the event's region is the prefix. */
export function regionOfPool(poolId: string): string {
  const cut = poolId.indexOf("_");
  return cut > 0 ? poolId.slice(0, cut) : poolId;
}

export interface EnvelopeInput<Source extends string> {
  readonly triggerSource: Source;
  readonly userPoolId: string;
  /** The internal username, not the alias the caller typed (§5.1); the submitted name when unknown. */
  readonly userName: string;
  readonly clientId: string;
}

export function envelope<Source extends string>(input: EnvelopeInput<Source>): TriggerEnvelope<Source> {
  return {
    version: "1",
    triggerSource: input.triggerSource,
    region: regionOfPool(input.userPoolId),
    userPoolId: input.userPoolId,
    userName: input.userName,
    callerContext: { awsSdkVersion: UNKNOWN_SDK_VERSION, clientId: input.clientId },
  };
}

/** Structurally a store UserRecord: flows can pass one as-is. */
export interface EventUser {
  readonly sub: string;
  readonly status: string;
  /** Stored attributes as strings, email_verified etc. included ("true"/"false"). */
  readonly attributes: Readonly<StringMap>;
}

/**
 * `request.userAttributes` as Cognito sends it: sub, the stored attributes, cognito:user_status, and
 * cognito:email_alias / cognito:phone_number_alias when that alias is active — an alias works only
 * once verified (§1.5), and real events carry these keys (§5.1, amplify-js#5834).
 */
export function userAttributesFor(user: EventUser, aliasAttributes: readonly string[] = []): StringMap {
  const out: StringMap = { sub: user.sub, ...user.attributes, "cognito:user_status": user.status };
  for (const [attribute, verified] of [["email", "email_verified"], ["phone_number", "phone_number_verified"]] as const) {
    const value = user.attributes[attribute];
    if (aliasAttributes.includes(attribute) && value !== undefined && user.attributes[verified] === "true") {
      out[`cognito:${attribute}_alias`] = value;
    }
  }
  return out;
}

/** The `response` Cognito sends before the hook runs (PT examples; §5.3, §5.10, §5.11). */
export function initialResponse<N extends TriggerName>(name: N): TriggerEventMap[N]["response"] {
  return structuredClone(INITIAL_RESPONSES[name]);
}

const INITIAL_RESPONSES: { [N in TriggerName]: TriggerEventMap[N]["response"] } = {
  PreSignUp: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  PostConfirmation: {},
  PreAuthentication: {},
  PostAuthentication: {},
  CustomMessage: { smsMessage: null, emailMessage: null, emailSubject: null },
  PreTokenGeneration: {},
  DefineAuthChallenge: { challengeName: null, issueTokens: null, failAuthentication: null },
  CreateAuthChallenge: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  VerifyAuthChallengeResponse: { answerCorrect: null },
  UserMigration: {
    userAttributes: null,
    finalUserStatus: null,
    messageAction: null,
    desiredDeliveryMediums: null,
    forceAliasCreation: null,
    enableSMSMFA: null,
  },
};

/** A whole event: envelope + request + Cognito's initial response. */
export function triggerEvent<N extends TriggerName>(
  name: N,
  input: EnvelopeInput<TriggerEventOf<N>["triggerSource"]>,
  request: TriggerEventOf<N>["request"],
): TriggerEventOf<N> {
  // Each TriggerEventOf<N> is exactly envelope + request + response; TS cannot see that for a generic N.
  return { ...envelope(input), request, response: initialResponse(name) } as TriggerEventOf<N>;
}

// The events Cognito sends to its Lambda triggers, with Cognito's exact field names and shapes
// (docs/cognito.md §5; cross-checked against aws-powertools parser schemas, "PT" in §9). Hook authors
// import these types; an existing Node.js Cognito handler sees the same JSON it sees on Lambda.
//
// Response fields are optional and nullable on purpose: Cognito sends some of them as `null`
// (CustomMessage, UserMigration), hooks may delete them, and the runner keeps only the fields it
// validated (src/triggers/response-schemas.ts). Flows therefore test `=== true`, never truthiness.

/** Attribute maps are string → string, booleans included ("true"/"false") — docs/cognito.md §5.1. */
export type StringMap = Record<string, string>;

/** `callerContext`: this service has no AWS SDK, so awsSdkVersion is "aws-sdk-unknown-unknown" (§5.1). */
export interface CallerContext {
  awsSdkVersion: string;
  clientId: string;
}

/** The fields every trigger event carries (docs/cognito.md §5.1, "common envelope"). */
export interface TriggerEnvelope<Source extends string = string> {
  /** "1" everywhere but machine-to-machine PreTokenGeneration, which is Cognito's version "3" event. */
  version: "1" | "3";
  triggerSource: Source;
  region: string;
  userPoolId: string;
  /** The internal username (a UUID in email-as-username pools), not an alias — §5.1. */
  userName: string;
  callerContext: CallerContext;
}

/** An envelope plus the trigger-specific `request` and `response`. */
export interface CognitoEvent<Source extends string, Request, Response> extends TriggerEnvelope<Source> {
  request: Request;
  response: Response;
}

/** Triggers whose response Cognito ignores send and expect `{}`. */
export type EmptyResponse = Record<string, never>;

// ---- PreSignUp (§5.3) ----
export type PreSignUpTriggerSource = "PreSignUp_SignUp" | "PreSignUp_AdminCreateUser" | "PreSignUp_ExternalProvider";
export interface PreSignUpRequest {
  userAttributes: StringMap;
  /** SignUp/AdminCreateUser ValidationData; null when the caller sent none. */
  validationData: StringMap | null;
  clientMetadata?: StringMap;
}
export interface PreSignUpResponse {
  autoConfirmUser?: boolean | null;
  autoVerifyEmail?: boolean | null;
  autoVerifyPhone?: boolean | null;
}
export type PreSignUpTriggerEvent = CognitoEvent<PreSignUpTriggerSource, PreSignUpRequest, PreSignUpResponse>;

// ---- PostConfirmation (§5.4) ----
export type PostConfirmationTriggerSource = "PostConfirmation_ConfirmSignUp" | "PostConfirmation_ConfirmForgotPassword";
export interface PostConfirmationRequest {
  userAttributes: StringMap;
  clientMetadata?: StringMap;
}
export type PostConfirmationTriggerEvent = CognitoEvent<PostConfirmationTriggerSource, PostConfirmationRequest, EmptyResponse>;

// ---- PreAuthentication (§5.5) ----
export type PreAuthenticationTriggerSource = "PreAuthentication_Authentication";
export interface PreAuthenticationRequest {
  userAttributes: StringMap;
  /** InitiateAuth/AdminInitiateAuth ClientMetadata arrives here, not as clientMetadata (§5.1). */
  validationData?: StringMap | null;
  /** Set only when the client's PreventUserExistenceErrors is ENABLED (§5.5). */
  userNotFound?: boolean;
}
export type PreAuthenticationTriggerEvent = CognitoEvent<PreAuthenticationTriggerSource, PreAuthenticationRequest, EmptyResponse>;

// ---- PostAuthentication (§5.6) ----
export type PostAuthenticationTriggerSource = "PostAuthentication_Authentication";
export interface PostAuthenticationRequest {
  userAttributes: StringMap;
  /** Only with remembered devices set to Always / User Opt-In (§5.6). */
  newDeviceUsed?: boolean;
  clientMetadata?: StringMap;
}
export type PostAuthenticationTriggerEvent = CognitoEvent<PostAuthenticationTriggerSource, PostAuthenticationRequest, EmptyResponse>;

// ---- CustomMessage (§5.11) ----
export type CustomMessageTriggerSource =
  | "CustomMessage_SignUp"
  | "CustomMessage_AdminCreateUser"
  | "CustomMessage_ResendCode"
  | "CustomMessage_ForgotPassword"
  | "CustomMessage_UpdateUserAttribute"
  | "CustomMessage_VerifyUserAttribute"
  | "CustomMessage_Authentication";
export interface CustomMessageRequest {
  userAttributes: StringMap;
  /** Placeholder the message must contain, e.g. "{####}". */
  codeParameter: string;
  linkParameter?: string | null;
  /** Only for admin-created users; null otherwise (§5.11). */
  usernameParameter: string | null;
  clientMetadata?: StringMap;
}
export interface CustomMessageResponse {
  smsMessage?: string | null;
  emailMessage?: string | null;
  emailSubject?: string | null;
}
export type CustomMessageTriggerEvent = CognitoEvent<CustomMessageTriggerSource, CustomMessageRequest, CustomMessageResponse>;

// ---- PreTokenGeneration, version 1 (§5.12) ----
export type PreTokenGenerationTriggerSource =
  | "TokenGeneration_HostedAuth"
  | "TokenGeneration_Authentication"
  | "TokenGeneration_NewPasswordChallenge"
  | "TokenGeneration_AuthenticateDevice"
  | "TokenGeneration_RefreshTokens"
  /** A client-credentials grant (GetClientToken, the token endpoint): a version "3" event, no user. */
  | "TokenGeneration_ClientCredentials";
export interface GroupConfiguration {
  groupsToOverride: string[];
  iamRolesToOverride: string[];
  preferredRole: string | null;
}
export interface PreTokenGenerationRequest {
  userAttributes: StringMap;
  groupConfiguration: GroupConfiguration;
  clientMetadata?: StringMap;
  /** Version "3" (client credentials): the scopes about to be granted. */
  scopes?: string[];
}
export interface GroupOverrideDetails {
  groupsToOverride?: string[] | null;
  iamRolesToOverride?: string[] | null;
  preferredRole?: string | null;
}
export interface ClaimsOverrideDetails {
  claimsToAddOrOverride?: StringMap | null;
  /** Suppress wins over add/override (§5.12). */
  claimsToSuppress?: string[] | null;
  /** Replaces cognito:groups in both tokens; null/empty suppresses groups (§5.12). */
  groupOverrideDetails?: GroupOverrideDetails | null;
}
/** A claim value a version "3" hook may set in an access token (JSON; objects are not kept). */
export type ClaimValue = string | number | boolean | string[];
/** Version "3": edits of the access token (Cognito's claimsAndScopeOverrideDetails.accessTokenGeneration). */
export interface AccessTokenGeneration {
  claimsToAddOrOverride?: Record<string, ClaimValue> | null;
  claimsToSuppress?: string[] | null;
  /** Suppress wins over add, for scopes as for claims. */
  scopesToAdd?: string[] | null;
  scopesToSuppress?: string[] | null;
}
export interface ClaimsAndScopeOverrideDetails {
  accessTokenGeneration?: AccessTokenGeneration | null;
}
export interface PreTokenGenerationResponse {
  claimsOverrideDetails?: ClaimsOverrideDetails | null;
  /** Version "3" (client credentials) answers here; version "1" answers in claimsOverrideDetails. */
  claimsAndScopeOverrideDetails?: ClaimsAndScopeOverrideDetails | null;
}
export type PreTokenGenerationTriggerEvent = CognitoEvent<
  PreTokenGenerationTriggerSource,
  PreTokenGenerationRequest,
  PreTokenGenerationResponse
>;
/** The machine-to-machine PreTokenGeneration event (version "3", TokenGeneration_ClientCredentials). */
export type ClientCredentialsTriggerEvent = PreTokenGenerationTriggerEvent;

// ---- Custom authentication challenges (§5.7–§5.9, §3.5) ----
export type ChallengeName =
  | "CUSTOM_CHALLENGE"
  | "SRP_A"
  | "PASSWORD_VERIFIER"
  | "SMS_MFA"
  | "EMAIL_OTP"
  | "SOFTWARE_TOKEN_MFA"
  | "DEVICE_SRP_AUTH"
  | "DEVICE_PASSWORD_VERIFIER"
  | "ADMIN_NO_SRP_AUTH";
/** One step of the custom-auth session; challengeMetadata is null except for CUSTOM_CHALLENGE (§5.7). */
export interface ChallengeResult {
  challengeName: ChallengeName;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

export interface DefineAuthChallengeRequest {
  userAttributes: StringMap;
  /** Empty on the first call of a pure custom flow (§3.5). */
  session: ChallengeResult[];
  clientMetadata?: StringMap;
  userNotFound?: boolean;
  /**
   * Not Cognito's: set only together with userNotFound: true. A plausible stand-in for the unknown
   * user's contact attributes (email, phone_number), derived from the server's secret and the name
   * sent — the same values the service's own simulated deliveries name for that name (ForgotPassword,
   * ResendConfirmationCode), so a hook that shows a masked address answers about an unknown name as
   * the service does (docs/existence.md §6). Never deliver anything to them: an email-shaped name
   * stands in for itself.
   */
  simulatedUserAttributes?: StringMap;
}
export interface DefineAuthChallengeResponse {
  challengeName?: string | null;
  issueTokens?: boolean | null;
  failAuthentication?: boolean | null;
}
export type DefineAuthChallengeTriggerEvent = CognitoEvent<
  "DefineAuthChallenge_Authentication",
  DefineAuthChallengeRequest,
  DefineAuthChallengeResponse
>;

export interface CreateAuthChallengeRequest {
  userAttributes: StringMap;
  challengeName: string;
  session: ChallengeResult[];
  clientMetadata?: StringMap;
  userNotFound?: boolean;
  /**
   * Not Cognito's: set only together with userNotFound: true. A plausible stand-in for the unknown
   * user's contact attributes (email, phone_number), derived from the server's secret and the name
   * sent — the same values the service's own simulated deliveries name for that name (ForgotPassword,
   * ResendConfirmationCode), so a hook that shows a masked address answers about an unknown name as
   * the service does (docs/existence.md §6). Never deliver anything to them: an email-shaped name
   * stands in for itself.
   */
  simulatedUserAttributes?: StringMap;
}
export interface CreateAuthChallengeResponse {
  /** Returned to the client as ChallengeParameters. */
  publicChallengeParameters?: StringMap | null;
  /** Passed only to VerifyAuthChallengeResponse. */
  privateChallengeParameters?: StringMap | null;
  /** Stored into the next session entry. */
  challengeMetadata?: string | null;
}
export type CreateAuthChallengeTriggerEvent = CognitoEvent<
  "CreateAuthChallenge_Authentication",
  CreateAuthChallengeRequest,
  CreateAuthChallengeResponse
>;

export interface VerifyAuthChallengeResponseRequest {
  userAttributes: StringMap;
  privateChallengeParameters: StringMap;
  challengeAnswer: string;
  clientMetadata?: StringMap;
  userNotFound?: boolean;
  /**
   * Not Cognito's: set only together with userNotFound: true. A plausible stand-in for the unknown
   * user's contact attributes (email, phone_number), derived from the server's secret and the name
   * sent — the same values the service's own simulated deliveries name for that name (ForgotPassword,
   * ResendConfirmationCode), so a hook that shows a masked address answers about an unknown name as
   * the service does (docs/existence.md §6). Never deliver anything to them: an email-shaped name
   * stands in for itself.
   */
  simulatedUserAttributes?: StringMap;
}
export interface VerifyAuthChallengeResponseResponse {
  answerCorrect?: boolean | null;
}
export type VerifyAuthChallengeResponseTriggerEvent = CognitoEvent<
  "VerifyAuthChallengeResponse_Authentication",
  VerifyAuthChallengeResponseRequest,
  VerifyAuthChallengeResponseResponse
>;

// ---- UserMigration (§5.10) ----
export type UserMigrationTriggerSource = "UserMigration_Authentication" | "UserMigration_ForgotPassword";
export interface UserMigrationRequest {
  /** Absent for UserMigration_ForgotPassword. */
  password?: string;
  validationData?: StringMap | null;
  clientMetadata?: StringMap;
}
export interface UserMigrationResponse {
  /** Required to migrate; left empty means "not found in the legacy store" (§5.10, seed). */
  userAttributes?: StringMap | null;
  finalUserStatus?: "CONFIRMED" | "RESET_REQUIRED" | null;
  messageAction?: "SUPPRESS" | "RESEND" | null;
  desiredDeliveryMediums?: ("EMAIL" | "SMS")[] | null;
  forceAliasCreation?: boolean | null;
  enableSMSMFA?: boolean | null;
}
export type UserMigrationTriggerEvent = CognitoEvent<UserMigrationTriggerSource, UserMigrationRequest, UserMigrationResponse>;

/** Trigger name → the event it receives. Keys are exactly TriggerName (checked in trigger.ts). */
export interface TriggerEventMap {
  PreSignUp: PreSignUpTriggerEvent;
  PostConfirmation: PostConfirmationTriggerEvent;
  PreAuthentication: PreAuthenticationTriggerEvent;
  PostAuthentication: PostAuthenticationTriggerEvent;
  CustomMessage: CustomMessageTriggerEvent;
  PreTokenGeneration: PreTokenGenerationTriggerEvent;
  DefineAuthChallenge: DefineAuthChallengeTriggerEvent;
  CreateAuthChallenge: CreateAuthChallengeTriggerEvent;
  VerifyAuthChallengeResponse: VerifyAuthChallengeResponseTriggerEvent;
  UserMigration: UserMigrationTriggerEvent;
}

/** Any trigger event. */
export type TriggerEvent = TriggerEventMap[keyof TriggerEventMap];

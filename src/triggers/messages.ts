// The trigger error texts, in one place. Clients and apps match on these strings (docs/cognito.md §7.3), so
// they are byte-exact where Cognito's text is known and documented as a choice where it is not.
import type { TriggerName } from "./trigger.js";

/**
 * UserLambdaValidationException: "<TriggerName> failed with error <message>." (docs/cognito.md §5.13, §1.3).
 * The function's message is passed through verbatim and the period is always appended, so a message
 * that already ends in "." yields "..": the template has a literal trailing period and Cognito does
 * not edit the function's text (§5.13, "passes the function's message through verbatim").
 */
export function failedWithError(name: TriggerName, message: string): string {
  return `${name} failed with error ${message}.`;
}

/** InvalidLambdaResponseException for output that is JSON but breaks the response schema (§5.13, amplify-js#13352). */
export const INVALID_JSON = "Invalid lambda function output : Invalid JSON";

/**
 * InvalidLambdaResponseException when the function returned no event at all (null, a string, an
 * array): Cognito's observed text for a handler that did not return the event (stackoverflow 42706896,
 * amplify-studio#1006).
 */
export const UNRECOGNIZABLE_OUTPUT = "Unrecognizable lambda output";

/**
 * UnexpectedLambdaException on timeout. §5.13 leaves the text UNCERTAIN; we use the one observed
 * from Cognito for a Lambda that did not answer in time (furaiev/amazon-cognito-identity-dart-2#204:
 * "PostAuthentication invocation failed due to error Socket timeout while invoking Lambda function.").
 */
export function timedOut(name: TriggerName): string {
  return `${name} invocation failed due to error Socket timeout while invoking Lambda function.`;
}

/** Why a hook could not be invoked at all (no answer, as opposed to an answer that is an error). */
export type InvokeFailure = "timeout" | "notFound" | "unavailable";

/**
 * UnexpectedLambdaException when the hook cannot be invoked. Same pattern as Cognito's
 * "<Trigger> invocation failed due to error AccessDeniedException." (repost.aws, Lambda trigger
 * errors); the error names are Lambda's (ResourceNotFoundException for a missing function,
 * ServiceException for an unreachable one). Paths and addresses never reach the client.
 */
export function invocationFailed(name: TriggerName, reason: InvokeFailure): string {
  switch (reason) {
    case "timeout":
      return timedOut(name);
    case "notFound":
      return `${name} invocation failed due to error ResourceNotFoundException.`;
    case "unavailable":
      return `${name} invocation failed due to error ServiceException.`;
  }
}

/**
 * InvalidLambdaResponseException for an answer that is well-formed but cannot be acted on: an
 * auto-verified attribute the user does not have (§5.3: "the email attribute must have a valid,
 * non-null value"), migrated attributes no user of the pool can have (§5.10). Cognito's prefix
 * (§5.13); the reason is ours, so the hook's author sees what to fix.
 */
export function unusableOutput(reason: string): string {
  return `Invalid lambda function output : ${reason}`;
}

/** PreSignUp answered autoVerifyEmail / autoVerifyPhone for an attribute the new user lacks. */
export function autoVerifyWithoutAttribute(attribute: "email" | "phone_number"): string {
  const flag = attribute === "email" ? "autoVerifyEmail" : "autoVerifyPhone";
  return unusableOutput(`${flag} is true but the user has no ${attribute}`);
}

/** UserMigration returned `username` though the name sent is none of the aliases it returned (§5.10). */
export const migratedUsernameNotAlias = unusableOutput("userAttributes.username is allowed only when the user name sent is an alias attribute of the user");

/**
 * A flow's outcome is the `result` oneof of the operation's response: `{ $case, value }`, one case
 * per arm. Flows return these values; src/api only wraps them in the response message.
 */
export type Outcome<Response extends { result?: unknown }> = NonNullable<Response["result"]>;

type ErrorCase =
  | "invalidParameter" | "resourceNotFound" | "notAuthorized" | "tooManyRequests" | "limitExceeded"
  | "userNotFound" | "userNotConfirmed" | "passwordResetRequired" | "usernameExists" | "aliasExists"
  | "invalidPassword" | "codeMismatch" | "expiredCode" | "tooManyFailedAttempts" | "codeDeliveryFailure"
  | "userLambdaValidation" | "unexpectedLambda" | "invalidLambdaResponse" | "unsupportedOperation"
  | "unsupportedTokenType" | "unauthorized" | "invalidUserPoolConfiguration" | "preconditionNotMet"
  | "unsupportedUserState" | "groupExists" | "invalidOauthFlow" | "scopeDoesNotExist";

/** An error arm; distributive, so `Failure<"a" | "b">` is one arm or the other. */
export type Failure<C extends ErrorCase = ErrorCase> = C extends ErrorCase ? { readonly $case: C; readonly value: { message: string } } : never;

/** Builds an error arm: `fail("notAuthorized", messages.incorrectCredentials)`. */
export function fail<C extends ErrorCase>($case: C, message: string): Failure<C> {
  return { $case, value: { message } } as Failure<C>;
}

export interface InvalidParameter {
  readonly $case: "invalidParameter";
  readonly value: { message: string; field: string };
}

export function invalidParameter(field: string, message: string): InvalidParameter {
  return { $case: "invalidParameter", value: { message, field } };
}

export function success<T>(value: T): { readonly $case: "success"; readonly value: T } {
  return { $case: "success", value };
}

/** True for an error arm: lets flows return early with `if (isFailure(x)) return x`. */
export function isFailure<T extends object>(value: T | Failure | InvalidParameter): value is Failure | InvalidParameter {
  return "$case" in value && (value as { $case: unknown }).$case !== "success";
}

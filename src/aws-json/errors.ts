/**
 * Errors of the AWS JSON 1.1 endpoint, as the AWS SDKs read them: HTTP status, `__type` (also sent
 * as `x-amzn-ErrorType`) and `message`. Domain errors come from the operations' oneof arms
 * (`exceptionOf`); the rest are the protocol's own (serialization, signature, unknown target).
 */
export class AwsError {
  constructor(
    readonly type: string,
    readonly message: string,
    readonly status = 400,
  ) {}
}

/** Arms whose name capitalises differently from Cognito's exception (OAuth, not Oauth). */
const SPELLED_OUT: Readonly<Record<string, string>> = {
  invalidOauthFlow: "InvalidOAuthFlowException",
};

/** A oneof error arm (`notAuthorized`) names its Cognito exception (`NotAuthorizedException`). */
export function exceptionOf(arm: string): string {
  return Object.hasOwn(SPELLED_OUT, arm) ? SPELLED_OUT[arm]! : `${arm.charAt(0).toUpperCase()}${arm.slice(1)}Exception`;
}

/**
 * Every exception name the contract's error arms may produce: names from Cognito Identity
 * Provider's service model (API reference, "Common errors" and each operation's "Errors"), so a new
 * arm whose name Cognito does not have is caught by test/unit/aws-json/exceptions.test.ts.
 */
export const COGNITO_EXCEPTIONS: ReadonlySet<string> = new Set([
  "AliasExistsException", "CodeDeliveryFailureException", "CodeMismatchException", "ConcurrentModificationException",
  "DuplicateProviderException", "ExpiredCodeException", "ForbiddenException", "GroupExistsException",
  "InternalErrorException", "InvalidEmailRoleAccessPolicyException", "InvalidLambdaResponseException",
  "InvalidOAuthFlowException", "InvalidParameterException", "InvalidPasswordException",
  "InvalidUserPoolConfigurationException", "LimitExceededException", "NotAuthorizedException",
  "OperationNotEnabledException", "PasswordHistoryPolicyViolationException", "PasswordResetRequiredException",
  "PreconditionNotMetException", "RefreshTokenReuseException", "ResourceNotFoundException",
  "ScopeDoesNotExistException", "TooManyFailedAttemptsException", "TooManyRequestsException",
  "UnauthorizedException", "UnexpectedLambdaException", "UnsupportedIdentityProviderException",
  "UnsupportedOperationException", "UnsupportedTokenTypeException", "UnsupportedUserStateException",
  "UserImportInProgressException", "UserLambdaValidationException", "UserNotConfirmedException",
  "UserNotFoundException", "UserPoolTaggingException", "UsernameExistsException",
]);

export const serializationError = (message: string) => new AwsError("SerializationException", message);
export const unknownOperation = () => new AwsError("UnknownOperationException", "The operation is not supported by this endpoint.");
export const invalidParameter = (message: string) => new AwsError("InvalidParameterException", message);
export const internalError = () => new AwsError("InternalErrorException", "An internal error occurred.", 500);
export const unavailable = () => new AwsError("InternalErrorException", "The identity store is unavailable.", 500);

/**
 * Cognito's error texts, byte-exact (docs/cognito.md §1.3): apps match on them. Every error message
 * the service returns comes from here.
 */
export const messages = {
  incorrectCredentials: "Incorrect username or password.",
  passwordAttemptsExceeded: "Password attempts exceeded",
  userDisabled: "User is disabled.",
  temporaryPasswordExpired: "Temporary password has expired and must be reset by an administrator.",
  cannotResetInCurrentState: "User password cannot be reset in the current state.",
  alreadyConfirmedCannotConfirm: "User cannot be confirmed. Current status is CONFIRMED",
  secretHash: (clientId: string) => `Unable to verify secret hash for client ${clientId}`,
  tokenRevoked: "Access Token has been revoked",
  invalidAccessToken: "Invalid Access Token",
  refreshTokenRevoked: "Refresh Token has been revoked",
  invalidRefreshToken: "Invalid Refresh Token",
  sessionExpired: "Invalid session for the user, session is expired.",
  sessionUsed: "Invalid session for the user, session can only be used once.",
  sessionInvalid: "Invalid session for the user.",
  userDoesNotExist: "User does not exist.",
  usernameClientNotFound: "Username/client id combination not found.",
  userNotConfirmed: "User is not confirmed.",
  passwordResetRequired: "Password reset required for the user",
  userExists: "User already exists",
  usernameAttributeExists: (attribute: string) => `An account with the given ${attribute} already exists.`,
  aliasExists: (attribute: string) => `An account with the ${attribute === "phone_number" ? "phone_number" : "email"} already exists.`,
  codeMismatch: "Invalid verification code provided, please try again.",
  expiredCode: "Invalid code provided, please request a code again.",
  noVerifiedContact: "Cannot reset password for the user as there is no registered/verified email or phone_number",
  alreadyConfirmed: "User is already confirmed.",
  missingParameter: (name: string) => `Missing required parameter ${name}`,
  /** TooManyRequestsException, as AWS answers a throttled call. */
  rateExceeded: "Rate exceeded",
  attemptLimitExceeded: "Attempt limit exceeded, please try after some time.",
  timestampFormat: "TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.",
  /** SRP_A that is not hex, ≡ 0 mod N or ≥ N. Cognito's text is not known (docs/cognito.md §8.9): amplify's own check's words. */
  invalidSrpA: "Illegal parameter. SRP_A must be a hexadecimal integer with 0 < A < N.",
  clientNotFound: (clientId: string) => `User pool client ${clientId} does not exist.`,
  poolNotFound: (poolId: string) => `User pool ${poolId} does not exist.`,
  flowNotEnabled: (flow: string) => `${flow} flow not enabled for this client`,
  unsupportedFlow: (flow: string) => `${flow} is not supported by this user pool.`,
  unsupportedChallenge: (challenge: string) => `The ${challenge} challenge is not supported by this user pool.`,
  tooManyPools: (max: number) => `The maximum number of user pools (${max}) has been reached.`,
  tooManyClients: (max: number) => `The maximum number of app clients for this user pool (${max}) has been reached.`,
  tokenRevocationDisabled: "Token revocation is not enabled for this app client.",
  tooManyFailedAttempts: "Too many failed attempts with this code; request a new one.",
  invitationNotDelivered: "The user was created, but the invitation could not be delivered.",
  passwordPolicy: (reason: string) => `Password did not conform with policy: ${reason}`,
  unauthorizedClient: "Invalid client credentials",
  refreshTokenOnly: "Only refresh tokens can be revoked",
  /** InvalidUserPoolConfigurationException for CUSTOM_AUTH without its triggers (OBS amplify-js#5623, #6327). */
  customAuthNotConfigured: "Custom auth lambda trigger is not configured for the user pool.",
  // Admin operations (docs/cognito.md §2.13-2.20). Texts marked [3P-EMU] follow Cognito emulators; AWS's own
  // wording is not documented.
  resendNotPossible: (username: string) => `Resend not possible. ${username} status is not FORCE_CHANGE_PASSWORD.`, // [3P-EMU]
  invalidEmail: "Invalid email address format.",
  invalidPhone: "Invalid phone number format.",
  nonMutableAttribute: (name: string) => `Cannot modify the non-mutable attribute ${name}`,
  filterParse: (reason: string) => `Error while parsing filter: ${reason}`, // prefix [3P-EMU moto]
  filterAttribute: (name: string) => `Invalid search attribute: ${name}`, // [3P-EMU moto]
  immutablePoolSetting: (name: string) => `${name} cannot be changed after the user pool is created.`,
  invalidPageToken: "Invalid pagination token.",
  // Account lifecycle (docs/cognito.md §2.1-2.5, §2.18-2.19).
  /** ConfirmSignUp / AdminConfirmSignUp on a user in another status (the CONFIRMED text generalised). */
  cannotConfirm: (status: string) => `User cannot be confirmed. Current status is ${status}`,
  /** ForgotPassword in a pool whose only recovery is admin_only [3P-EMU moto; AWS text UNCERTAIN §8.4]. */
  contactAdministrator: "Contact administrator to reset password.",
  /** LEGACY ResendConfirmationCode for a user no code can go to (our text; Cognito's is not known). */
  autoVerificationOff: "Auto verification not turned on.",
  usernameEmailShaped: "Username cannot be of email format, since user pool is configured for email alias.",
  usernamePhoneShaped: "Username cannot be of phone number format, since user pool is configured for phone number alias.",
  usernameMustBe: (what: string) => `Username should be ${what}.`,
  // Machine-to-machine (docs/machine-to-machine.md). Cognito documents the exceptions, not their texts;
  // these are ours unless marked.
  /** Wrong secret and unknown client alike: the answer must not say which (GetClientToken, token endpoint). */
  invalidClientCredentials: "Invalid client credentials.",
  clientTokenAuthAlone: "ALLOW_CLIENT_TOKEN_AUTH cannot be combined with other authentication flows.",
  clientTokenAuthNeedsSecret: "ALLOW_CLIENT_TOKEN_AUTH can not be selected if client does not have a client secret.",
  /** Cognito's text for client_credentials without a secret (InvalidOAuthFlowException). */
  clientCredentialsNeedSecret: "client_credentials flow can not be selected if client does not have a client secret.",
  clientTokenNotEnabled: "CLIENT_TOKEN_AUTH flow not enabled for this client",
  clientCredentialsNotEnabled: "client_credentials flow not enabled for this client",
  malformedScope: "Invalid scope format: scopes are <resource server identifier>/<scope name>.",
  scopeDoesNotExist: (scope: string) => `Scope ${scope} does not exist.`,
  scopeNotAllowed: (scope: string) => `Scope ${scope} is not allowed for this client.`,
  noScopesAllowed: "The client is allowed no scope of this user pool.",
  resourceServerNotFound: (identifier: string) => `Resource server ${identifier} does not exist.`,
  resourceServerExists: (identifier: string) => `Resource server ${identifier} already exists.`,
  resourceServerLimit: "The user pool has the maximum number of resource servers (25).",
  clientSecretLimit: "The app client already has the maximum number of client secrets (2).",
  lastClientSecret: "Cannot delete the only client secret of an app client.",
  clientSecretNotFound: (id: string) => `Client secret ${id} does not exist.`,
  noClientSecret: "The app client has no client secret.",
  // Groups (Cognito's group operations; texts [3P-EMU moto] where marked).
  groupExists: "A group with the name already exists.", // [3P-EMU moto]
  groupNotFound: "Group not found.", // [3P-EMU moto]
  groupLimit: "The user pool has the maximum number of groups (10000).",
  userGroupLimit: "The user is in the maximum number of groups (100).",
} as const;

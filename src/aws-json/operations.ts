// THE table between Cognito's JSON operations and the contract: for each X-Amz-Target operation,
// the service method it calls (the same gRPC handler, in process), whether Cognito requires SigV4
// for it, how its JSON input becomes the request message, and how each success arm of the response
// becomes Cognito's JSON output. Every other arm is an error whose exception name is the arm's
// (errors.ts exceptionOf). Adding an operation is one entry here.
import type { AdminServiceService } from "../gen/identity/v1/admin_service.js";
import * as A from "../gen/identity/v1/admin_service.js";
import type { AuthServiceService } from "../gen/identity/v1/auth_service.js";
import * as U from "../gen/identity/v1/auth_service.js";
import type { AuthenticationResult, Challenge, UserPool, UserPoolClient, UserType } from "../gen/identity/v1/common.js";
import {
  authenticationResultOut, challengeOut, clientDescriptionOut, clientOut, clientSettingsIn, deliveryOut, enums, poolDescriptionOut, poolOut,
  poolSettingsIn, userOut,
} from "./cognito-types.js";
import { attributesOut, compact, type Json, type Members } from "./shapes.js";

/** What a request translation may use besides the JSON: the region, and other calls (in process). */
export interface Translation {
  readonly region: string;
  /** Runs another operation's handler and returns its oneof result (UpdateUserPool reads the pool). */
  call(service: "auth" | "admin", method: string, request: object): Promise<{ $case: string; value: unknown } | undefined>;
}

type Arms = Readonly<Record<string, (value: never, t: Translation) => Json>>;

export interface Operation {
  readonly service: "auth" | "admin";
  /** The handler's key in AuthServiceService / AdminServiceService. */
  readonly method: string;
  /** Cognito signs this operation with SigV4 (Admin* and pool management) or leaves it open. */
  readonly signed: boolean;
  readonly request: (m: Members, t: Translation) => object | Promise<object>;
  /** Success arms → Cognito's output; any other arm is that arm's exception. */
  readonly success: Arms;
}

const open = (method: keyof typeof AuthServiceService & string, request: Operation["request"], success: Arms): Operation => ({ service: "auth", method, signed: false, request, success });
const signed = (method: keyof typeof AdminServiceService & string, request: Operation["request"], success: Arms): Operation => ({ service: "admin", method, signed: true, request, success });

const empty: Arms = { success: () => ({}) };
const signIn: Arms = {
  authenticationResult: (r: AuthenticationResult) => authenticationResultOut(r),
  challenge: (c: Challenge) => challengeOut(c),
};
const named = (m: Members) => ({ clientId: m.str("ClientId"), secretHash: m.str("SecretHash"), username: m.str("Username"), clientMetadata: m.map("ClientMetadata") });
const delivered: Arms = { success: (r: { codeDeliveryDetails?: Parameters<typeof deliveryOut>[0] }) => compact({ CodeDeliveryDetails: deliveryOut(r.codeDeliveryDetails) }) };
const userInPool = (m: Members) => ({ userPoolId: m.str("UserPoolId"), username: m.str("Username") });
const clientInPool = (m: Members) => ({ userPoolId: m.str("UserPoolId"), clientId: m.str("ClientId") });

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  // --- AuthService: open, as in Cognito ---------------------------------------------------------
  SignUp: open("signUp", (m) => U.SignUpRequest.fromPartial({ ...named(m), password: m.str("Password"), userAttributes: m.attributes("UserAttributes"), validationData: m.attributes("ValidationData") }), {
    success: (r: U.SignUpResult) => compact({ UserConfirmed: r.userConfirmed, CodeDeliveryDetails: deliveryOut(r.codeDeliveryDetails), UserSub: r.userSub }),
  }),
  ConfirmSignUp: open("confirmSignUp", (m) => U.ConfirmSignUpRequest.fromPartial({ ...named(m), confirmationCode: m.str("ConfirmationCode"), forceAliasCreation: m.bool("ForceAliasCreation") }), empty),
  ResendConfirmationCode: open("resendConfirmationCode", (m) => U.ResendConfirmationCodeRequest.fromPartial(named(m)), delivered),
  ForgotPassword: open("forgotPassword", (m) => U.ForgotPasswordRequest.fromPartial(named(m)), delivered),
  ConfirmForgotPassword: open("confirmForgotPassword", (m) => U.ConfirmForgotPasswordRequest.fromPartial({ ...named(m), confirmationCode: m.str("ConfirmationCode"), password: m.str("Password") }), empty),
  InitiateAuth: open("initiateAuth", (m) => U.InitiateAuthRequest.fromPartial({ clientId: m.str("ClientId"), authFlow: m.enumOf("AuthFlow", ...enums.authFlow), authParameters: m.map("AuthParameters"), clientMetadata: m.map("ClientMetadata") }), signIn),
  RespondToAuthChallenge: open("respondToAuthChallenge", (m) => U.RespondToAuthChallengeRequest.fromPartial({ clientId: m.str("ClientId"), challengeName: m.enumOf("ChallengeName", ...enums.challengeName), session: m.str("Session"), challengeResponses: m.map("ChallengeResponses"), clientMetadata: m.map("ClientMetadata") }), signIn),
  GetUser: open("getUser", (m) => U.GetUserRequest.fromPartial({ accessToken: m.str("AccessToken") }), {
    success: (r: U.GetUserResult) => ({ Username: r.username, UserAttributes: attributesOut(r.userAttributes), MFAOptions: [] }),
  }),
  ChangePassword: open("changePassword", (m) => U.ChangePasswordRequest.fromPartial({ previousPassword: m.str("PreviousPassword"), proposedPassword: m.str("ProposedPassword"), accessToken: m.str("AccessToken") }), empty),
  GlobalSignOut: open("globalSignOut", (m) => U.GlobalSignOutRequest.fromPartial({ accessToken: m.str("AccessToken") }), empty),
  RevokeToken: open("revokeToken", (m) => U.RevokeTokenRequest.fromPartial({ token: m.str("Token"), clientId: m.str("ClientId"), clientSecret: m.str("ClientSecret") }), empty),
  // Not a Cognito operation: the pool's JWKS, as the contract's AuthService serves it.
  GetJwks: open("getJwks", (m) => U.GetJwksRequest.fromPartial({ userPoolId: m.str("UserPoolId"), clientId: m.str("ClientId") }), {
    success: (r: U.GetJwksResult) => ({ Keys: r.keys.map((k) => ({ kid: k.kid, kty: k.kty, alg: k.alg, use: k.use, n: k.n, e: k.e })) }),
  }),

  // --- AdminService: SigV4, as in Cognito -------------------------------------------------------
  CreateUserPool: signed("createUserPool", (m) => A.CreateUserPoolRequest.fromPartial({ poolName: m.str("PoolName"), settings: poolSettingsIn(m) }), {
    success: (p: UserPool, t) => ({ UserPool: poolOut(p, t.region) }),
  }),
  DescribeUserPool: signed("describeUserPool", (m) => A.DescribeUserPoolRequest.fromPartial({ userPoolId: m.str("UserPoolId") }), {
    success: (p: UserPool, t) => ({ UserPool: poolOut(p, t.region) }),
  }),
  // Cognito's UpdateUserPool does not take the settings fixed at creation; the contract's request
  // repeats them, so they are read from the pool as it is.
  UpdateUserPool: signed("updateUserPool", async (m, t) => {
    const current = await t.call("admin", "describeUserPool", A.DescribeUserPoolRequest.fromPartial({ userPoolId: m.str("UserPoolId") }));
    const fixed = current?.$case === "success" ? (current.value as UserPool).settings : undefined;
    const settings = poolSettingsIn(m);
    return A.UpdateUserPoolRequest.fromPartial({
      userPoolId: m.str("UserPoolId"),
      settings: { ...settings, usernameAttributes: fixed?.usernameAttributes ?? [], aliasAttributes: fixed?.aliasAttributes ?? [], usernameCaseSensitive: fixed?.usernameCaseSensitive ?? false },
    });
  }, empty),
  DeleteUserPool: signed("deleteUserPool", (m) => A.DeleteUserPoolRequest.fromPartial({ userPoolId: m.str("UserPoolId") }), empty),
  ListUserPools: signed("listUserPools", (m) => A.ListUserPoolsRequest.fromPartial({ maxResults: m.int("MaxResults"), nextToken: m.str("NextToken") }), {
    success: (r: A.ListUserPoolsResult) => compact({ UserPools: r.userPools.map(poolDescriptionOut), NextToken: r.nextToken }),
  }),
  CreateUserPoolClient: signed("createUserPoolClient", (m) => A.CreateUserPoolClientRequest.fromPartial({ userPoolId: m.str("UserPoolId"), clientName: m.str("ClientName"), generateSecret: m.bool("GenerateSecret"), settings: clientSettingsIn(m) }), {
    success: (c: UserPoolClient) => ({ UserPoolClient: clientOut(c) }),
  }),
  DescribeUserPoolClient: signed("describeUserPoolClient", (m) => A.DescribeUserPoolClientRequest.fromPartial(clientInPool(m)), {
    success: (c: UserPoolClient) => ({ UserPoolClient: clientOut(c) }),
  }),
  UpdateUserPoolClient: signed("updateUserPoolClient", (m) => A.UpdateUserPoolClientRequest.fromPartial({ ...clientInPool(m), clientName: m.str("ClientName"), settings: clientSettingsIn(m) }), {
    success: (c: UserPoolClient) => ({ UserPoolClient: clientOut(c) }),
  }),
  DeleteUserPoolClient: signed("deleteUserPoolClient", (m) => A.DeleteUserPoolClientRequest.fromPartial(clientInPool(m)), empty),
  ListUserPoolClients: signed("listUserPoolClients", (m) => A.ListUserPoolClientsRequest.fromPartial({ userPoolId: m.str("UserPoolId"), maxResults: m.int("MaxResults"), nextToken: m.str("NextToken") }), {
    success: (r: A.ListUserPoolClientsResult) => compact({ UserPoolClients: r.userPoolClients.map(clientDescriptionOut), NextToken: r.nextToken }),
  }),
  AdminCreateUser: signed("adminCreateUser", (m) => A.AdminCreateUserRequest.fromPartial({
    ...userInPool(m), userAttributes: m.attributes("UserAttributes"), validationData: m.attributes("ValidationData"), temporaryPassword: m.str("TemporaryPassword"),
    forceAliasCreation: m.bool("ForceAliasCreation"), messageAction: m.enumOf("MessageAction", ...enums.messageAction), desiredDeliveryMediums: m.enums("DesiredDeliveryMediums", ...enums.deliveryMedium), clientMetadata: m.map("ClientMetadata"),
  }), { success: (u: UserType) => ({ User: userOut(u) }) }),
  AdminGetUser: signed("adminGetUser", (m) => A.AdminGetUserRequest.fromPartial(userInPool(m)), { success: (u: UserType) => ({ ...userOut(u, "UserAttributes"), MFAOptions: [] }) }),
  AdminUpdateUserAttributes: signed("adminUpdateUserAttributes", (m) => A.AdminUpdateUserAttributesRequest.fromPartial({ ...userInPool(m), userAttributes: m.attributes("UserAttributes"), clientMetadata: m.map("ClientMetadata") }), empty),
  AdminDeleteUser: signed("adminDeleteUser", (m) => A.AdminDeleteUserRequest.fromPartial(userInPool(m)), empty),
  AdminDisableUser: signed("adminDisableUser", (m) => A.AdminDisableUserRequest.fromPartial(userInPool(m)), empty),
  AdminEnableUser: signed("adminEnableUser", (m) => A.AdminEnableUserRequest.fromPartial(userInPool(m)), empty),
  AdminSetUserPassword: signed("adminSetUserPassword", (m) => A.AdminSetUserPasswordRequest.fromPartial({ ...userInPool(m), password: m.str("Password"), permanent: m.bool("Permanent") }), empty),
  AdminResetUserPassword: signed("adminResetUserPassword", (m) => A.AdminResetUserPasswordRequest.fromPartial({ ...userInPool(m), clientMetadata: m.map("ClientMetadata") }), empty),
  AdminConfirmSignUp: signed("adminConfirmSignUp", (m) => A.AdminConfirmSignUpRequest.fromPartial({ ...userInPool(m), clientMetadata: m.map("ClientMetadata") }), empty),
  AdminInitiateAuth: signed("adminInitiateAuth", (m) => A.AdminInitiateAuthRequest.fromPartial({ userPoolId: m.str("UserPoolId"), clientId: m.str("ClientId"), authFlow: m.enumOf("AuthFlow", ...enums.authFlow), authParameters: m.map("AuthParameters"), clientMetadata: m.map("ClientMetadata") }), signIn),
  AdminRespondToAuthChallenge: signed("adminRespondToAuthChallenge", (m) => A.AdminRespondToAuthChallengeRequest.fromPartial({ userPoolId: m.str("UserPoolId"), clientId: m.str("ClientId"), challengeName: m.enumOf("ChallengeName", ...enums.challengeName), session: m.str("Session"), challengeResponses: m.map("ChallengeResponses"), clientMetadata: m.map("ClientMetadata") }), signIn),
  AdminUserGlobalSignOut: signed("adminUserGlobalSignOut", (m) => A.AdminUserGlobalSignOutRequest.fromPartial(userInPool(m)), empty),
  ListUsers: signed("listUsers", (m) => A.ListUsersRequest.fromPartial({ userPoolId: m.str("UserPoolId"), attributesToGet: m.strings("AttributesToGet"), limit: m.int("Limit"), paginationToken: m.str("PaginationToken"), filter: m.str("Filter") }), {
    success: (r: A.ListUsersResult) => compact({ Users: r.users.map((u) => userOut(u)), PaginationToken: r.paginationToken }),
  }),
  // Not a Cognito operation (Cognito imports users from CSV jobs): the contract's ImportUsers.
  ImportUsers: signed("importUsers", (m) => A.ImportUsersRequest.fromPartial({ userPoolId: m.str("UserPoolId"), users: m.structures("Users").map((u) => ({ username: u.str("Username"), attributes: u.attributes("Attributes") })) }), {
    success: (r: A.ImportUsersResult) => ({
      Outcomes: r.outcomes.map((o) => compact({ Index: o.index, Username: o.username, Imported: o.result?.$case === "imported" ? userOut(o.result.value) : undefined, Refused: o.result?.$case === "refused" ? o.result.value : undefined })),
      ImportedCount: r.importedCount,
      RefusedCount: r.refusedCount,
    }),
  }),
};

/**
 * Operations served through the contract's descriptors (generic.ts: member names, enums and
 * timestamps translated field by field) whose Cognito output wraps the success arm in one member
 * (`{"Group": {...}}`). An RPC that needs nothing else needs no line at all.
 */
export const WRAPPED_OUTPUTS: Readonly<Record<string, string>> = {
  CreateGroup: "Group",
  GetGroup: "Group",
  UpdateGroup: "Group",
  CreateResourceServer: "ResourceServer",
  DescribeResourceServer: "ResourceServer",
  UpdateResourceServer: "ResourceServer",
  AddUserPoolClientSecret: "ClientSecretDescriptor",
};

/**
 * Cognito's request-rate quota categories and their default rates (docs/quotas.md, from Cognito's
 * "Quotas" page). Cognito counts per account and Region; here each pool has its own allowance,
 * so one busy pool cannot starve another. Operations that name no pool share an account-wide one.
 */
export const QUOTA_CATEGORIES = [
  "UserAuthentication",
  "UserAuthenticationChallenge",
  "UserCreation",
  "UserAccountRecovery",
  "UserRead",
  "UserUpdate",
  "UserToken",
  "UserList",
  "UserResourceRead",
  "UserResourceUpdate",
  "ClientAuthentication",
  "UserPoolRead",
  "UserPoolUpdate",
] as const;
export type QuotaCategory = (typeof QUOTA_CATEGORIES)[number];

/** Requests per second a pool may make in each category unless its settings say otherwise. */
export const DEFAULT_RATES: Readonly<Record<QuotaCategory, number>> = {
  UserAuthentication: 120,
  // RespondToAuthChallenge has its own allowance, three times UserAuthentication's.
  UserAuthenticationChallenge: 360,
  UserCreation: 50,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserToken: 120,
  UserList: 30,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  ClientAuthentication: 150,
  // Pool and app-client management: Cognito caps configuration calls at a few per second per pool.
  UserPoolRead: 15,
  UserPoolUpdate: 5,
};

/** The largest rate a pool may set for a category: above it, a quota protects nothing. */
export const MAX_RATE = 100_000;

/**
 * Each RPC's category. An operation missing here has no quota (GetJwks: public keys, served from
 * a cache, with no too_many_requests arm); a unit test checks that every other RPC is listed.
 */
export const OPERATION_CATEGORY: Readonly<Record<string, QuotaCategory>> = {
  InitiateAuth: "UserAuthentication",
  AdminInitiateAuth: "UserAuthentication",
  RespondToAuthChallenge: "UserAuthenticationChallenge",
  AdminRespondToAuthChallenge: "UserAuthenticationChallenge",
  SignUp: "UserCreation",
  ConfirmSignUp: "UserCreation",
  AdminCreateUser: "UserCreation",
  AdminConfirmSignUp: "UserCreation",
  ImportUsers: "UserCreation",
  ResendConfirmationCode: "UserAccountRecovery",
  ForgotPassword: "UserAccountRecovery",
  ConfirmForgotPassword: "UserAccountRecovery",
  ChangePassword: "UserAccountRecovery",
  AdminSetUserPassword: "UserAccountRecovery",
  AdminResetUserPassword: "UserAccountRecovery",
  GetUser: "UserRead",
  AdminGetUser: "UserRead",
  AdminUpdateUserAttributes: "UserUpdate",
  AdminDeleteUser: "UserUpdate",
  AdminDisableUser: "UserUpdate",
  AdminEnableUser: "UserUpdate",
  GlobalSignOut: "UserToken",
  AdminUserGlobalSignOut: "UserToken",
  RevokeToken: "UserToken",
  ListUsers: "UserList",
  CreateUserPool: "UserPoolUpdate",
  UpdateUserPool: "UserPoolUpdate",
  DeleteUserPool: "UserPoolUpdate",
  CreateUserPoolClient: "UserPoolUpdate",
  UpdateUserPoolClient: "UserPoolUpdate",
  DeleteUserPoolClient: "UserPoolUpdate",
  GetClientToken: "ClientAuthentication",
  AdminAddUserToGroup: "UserResourceUpdate",
  AdminRemoveUserFromGroup: "UserResourceUpdate",
  AdminListGroupsForUser: "UserResourceRead",
  ListUsersInGroup: "UserResourceRead",
  CreateGroup: "UserPoolUpdate",
  UpdateGroup: "UserPoolUpdate",
  DeleteGroup: "UserPoolUpdate",
  GetGroup: "UserPoolRead",
  ListGroups: "UserPoolRead",
  CreateResourceServer: "UserPoolUpdate",
  UpdateResourceServer: "UserPoolUpdate",
  DeleteResourceServer: "UserPoolUpdate",
  DescribeResourceServer: "UserPoolRead",
  ListResourceServers: "UserPoolRead",
  AddUserPoolClientSecret: "UserPoolUpdate",
  DeleteUserPoolClientSecret: "UserPoolUpdate",
  ListUserPoolClientSecrets: "UserPoolRead",
  DescribeUserPool: "UserPoolRead",
  ListUserPools: "UserPoolRead",
  DescribeUserPoolClient: "UserPoolRead",
  ListUserPoolClients: "UserPoolRead",
};

/** The rate that applies to a pool: its own setting when it has one, else the default. */
export function rateFor(category: QuotaCategory, overrides: Readonly<Partial<Record<QuotaCategory, number>>> | undefined): number {
  return overrides?.[category] ?? DEFAULT_RATES[category];
}

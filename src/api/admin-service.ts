import type { AdminServiceServer } from "../gen/identity/v1/admin_service.js";
import { adminConfirmSignUp } from "../flows/admin/admin-confirm-sign-up.js";
import { adminInitiateAuth } from "../flows/admin/admin-initiate-auth.js";
import { adminResetUserPassword } from "../flows/admin/admin-reset-user-password.js";
import { adminRespondToAuthChallenge } from "../flows/admin/admin-respond-to-auth-challenge.js";
import { createUserPool } from "../flows/admin/create-user-pool.js";
import { createUserPoolClient } from "../flows/admin/create-user-pool-client.js";
import type { Deps } from "../flows/deps.js";
import { adminGuard, type AdminAuthOptions } from "./admin-auth.js";
import { unary, unimplemented, type UnaryContext } from "./unary.js";

/** AdminService: every RPC is authenticated by the admin guard before its flow runs. */
export function adminService(deps: Deps, context: UnaryContext, auth: AdminAuthOptions): AdminServiceServer {
  const guard = adminGuard(auth);
  const admin = <Req, Res>(method: string, flow: (request: Req) => Promise<NonNullable<unknown>>) => unary<Req, Res>(context, method, flow, guard);
  return {
    createUserPool: admin("CreateUserPool", (r) => createUserPool(deps, r)),
    describeUserPool: unimplemented("DescribeUserPool"),
    updateUserPool: unimplemented("UpdateUserPool"),
    deleteUserPool: unimplemented("DeleteUserPool"),
    listUserPools: unimplemented("ListUserPools"),
    createUserPoolClient: admin("CreateUserPoolClient", (r) => createUserPoolClient(deps, r)),
    describeUserPoolClient: unimplemented("DescribeUserPoolClient"),
    updateUserPoolClient: unimplemented("UpdateUserPoolClient"),
    deleteUserPoolClient: unimplemented("DeleteUserPoolClient"),
    listUserPoolClients: unimplemented("ListUserPoolClients"),
    adminCreateUser: unimplemented("AdminCreateUser"),
    adminGetUser: unimplemented("AdminGetUser"),
    adminUpdateUserAttributes: unimplemented("AdminUpdateUserAttributes"),
    adminDeleteUser: unimplemented("AdminDeleteUser"),
    adminDisableUser: unimplemented("AdminDisableUser"),
    adminEnableUser: unimplemented("AdminEnableUser"),
    adminSetUserPassword: unimplemented("AdminSetUserPassword"),
    adminResetUserPassword: admin("AdminResetUserPassword", (r) => adminResetUserPassword(deps, r)),
    adminConfirmSignUp: admin("AdminConfirmSignUp", (r) => adminConfirmSignUp(deps, r)),
    adminInitiateAuth: admin("AdminInitiateAuth", (r) => adminInitiateAuth(deps, r)),
    adminRespondToAuthChallenge: admin("AdminRespondToAuthChallenge", (r) => adminRespondToAuthChallenge(deps, r)),
    adminUserGlobalSignOut: unimplemented("AdminUserGlobalSignOut"),
    listUsers: unimplemented("ListUsers"),
    importUsers: unimplemented("ImportUsers"),
  };
}

import type { AdminServiceServer } from "../gen/identity/v1/admin_service.js";
import { adminConfirmSignUp } from "../flows/admin/admin-confirm-sign-up.js";
import { adminCreateUser } from "../flows/admin/admin-create-user.js";
import { adminDeleteUser } from "../flows/admin/admin-delete-user.js";
import { adminDisableUser } from "../flows/admin/admin-disable-user.js";
import { adminEnableUser } from "../flows/admin/admin-enable-user.js";
import { adminGetUser } from "../flows/admin/admin-get-user.js";
import { adminInitiateAuth } from "../flows/admin/admin-initiate-auth.js";
import { adminResetUserPassword } from "../flows/admin/admin-reset-user-password.js";
import { adminRespondToAuthChallenge } from "../flows/admin/admin-respond-to-auth-challenge.js";
import { adminSetUserPassword } from "../flows/admin/admin-set-user-password.js";
import { adminUpdateUserAttributes } from "../flows/admin/admin-update-user-attributes.js";
import { adminUserGlobalSignOut } from "../flows/admin/admin-user-global-sign-out.js";
import { createUserPool } from "../flows/admin/create-user-pool.js";
import { createUserPoolClient } from "../flows/admin/create-user-pool-client.js";
import { deleteUserPool } from "../flows/admin/delete-user-pool.js";
import { deleteUserPoolClient } from "../flows/admin/delete-user-pool-client.js";
import { describeUserPool } from "../flows/admin/describe-user-pool.js";
import { describeUserPoolClient } from "../flows/admin/describe-user-pool-client.js";
import { importUsers } from "../flows/admin/import-users.js";
import { rotateSigningKey } from "../flows/admin/rotate-signing-key.js";
import { listUserPoolClients } from "../flows/admin/list-user-pool-clients.js";
import { listUserPools } from "../flows/admin/list-user-pools.js";
import { listUsers } from "../flows/admin/list-users.js";
import { updateUserPool } from "../flows/admin/update-user-pool.js";
import { updateUserPoolClient } from "../flows/admin/update-user-pool-client.js";
import { adminAddUserToGroup } from "../flows/groups/admin-add-user-to-group.js";
import { adminListGroupsForUser } from "../flows/groups/admin-list-groups-for-user.js";
import { adminRemoveUserFromGroup } from "../flows/groups/admin-remove-user-from-group.js";
import { createGroup } from "../flows/groups/create-group.js";
import { deleteGroup } from "../flows/groups/delete-group.js";
import { getGroup } from "../flows/groups/get-group.js";
import { listGroups } from "../flows/groups/list-groups.js";
import { listUsersInGroup } from "../flows/groups/list-users-in-group.js";
import { updateGroup } from "../flows/groups/update-group.js";
import { addUserPoolClientSecret, deleteUserPoolClientSecret, listUserPoolClientSecrets } from "../flows/m2m/client-secret-rotation.js";
import { createResourceServer } from "../flows/m2m/create-resource-server.js";
import { deleteResourceServer } from "../flows/m2m/delete-resource-server.js";
import { describeResourceServer } from "../flows/m2m/describe-resource-server.js";
import { listResourceServers } from "../flows/m2m/list-resource-servers.js";
import { updateResourceServer } from "../flows/m2m/update-resource-server.js";
import type { Deps } from "../flows/deps.js";
import { adminGuard, type AdminAuthOptions } from "./admin-auth.js";
import { unary, type Guard, type UnaryContext } from "./unary.js";

/**
 * AdminService: every RPC is authenticated by the admin guard before its flow runs (the AWS JSON
 * endpoint passes its own guard, which checks the SigV4 key's pools).
 */
export function adminService(deps: Deps, context: UnaryContext, auth: AdminAuthOptions, guard: Guard<unknown> = adminGuard(auth)): AdminServiceServer {
  const admin = <Req, Res>(method: string, flow: (request: Req) => Promise<NonNullable<unknown>>) => unary<Req, Res>(context, method, flow, guard);
  return {
    createUserPool: admin("CreateUserPool", (r) => createUserPool(deps, r)),
    describeUserPool: admin("DescribeUserPool", (r) => describeUserPool(deps, r)),
    updateUserPool: admin("UpdateUserPool", (r) => updateUserPool(deps, r)),
    deleteUserPool: admin("DeleteUserPool", (r) => deleteUserPool(deps, r)),
    listUserPools: admin("ListUserPools", (r) => listUserPools(deps, r)),
    createUserPoolClient: admin("CreateUserPoolClient", (r) => createUserPoolClient(deps, r)),
    describeUserPoolClient: admin("DescribeUserPoolClient", (r) => describeUserPoolClient(deps, r)),
    updateUserPoolClient: admin("UpdateUserPoolClient", (r) => updateUserPoolClient(deps, r)),
    deleteUserPoolClient: admin("DeleteUserPoolClient", (r) => deleteUserPoolClient(deps, r)),
    listUserPoolClients: admin("ListUserPoolClients", (r) => listUserPoolClients(deps, r)),
    adminCreateUser: admin("AdminCreateUser", (r) => adminCreateUser(deps, r)),
    adminGetUser: admin("AdminGetUser", (r) => adminGetUser(deps, r)),
    adminUpdateUserAttributes: admin("AdminUpdateUserAttributes", (r) => adminUpdateUserAttributes(deps, r)),
    adminDeleteUser: admin("AdminDeleteUser", (r) => adminDeleteUser(deps, r)),
    adminDisableUser: admin("AdminDisableUser", (r) => adminDisableUser(deps, r)),
    adminEnableUser: admin("AdminEnableUser", (r) => adminEnableUser(deps, r)),
    adminSetUserPassword: admin("AdminSetUserPassword", (r) => adminSetUserPassword(deps, r)),
    adminResetUserPassword: admin("AdminResetUserPassword", (r) => adminResetUserPassword(deps, r)),
    adminConfirmSignUp: admin("AdminConfirmSignUp", (r) => adminConfirmSignUp(deps, r)),
    adminInitiateAuth: admin("AdminInitiateAuth", (r) => adminInitiateAuth(deps, r)),
    adminRespondToAuthChallenge: admin("AdminRespondToAuthChallenge", (r) => adminRespondToAuthChallenge(deps, r)),
    adminUserGlobalSignOut: admin("AdminUserGlobalSignOut", (r) => adminUserGlobalSignOut(deps, r)),
    listUsers: admin("ListUsers", (r) => listUsers(deps, r)),
    importUsers: admin("ImportUsers", (r) => importUsers(deps, r)),
    rotateSigningKey: admin("RotateSigningKey", (r) => rotateSigningKey(deps, r)),
    createResourceServer: admin("CreateResourceServer", (r) => createResourceServer(deps, r)),
    describeResourceServer: admin("DescribeResourceServer", (r) => describeResourceServer(deps, r)),
    updateResourceServer: admin("UpdateResourceServer", (r) => updateResourceServer(deps, r)),
    deleteResourceServer: admin("DeleteResourceServer", (r) => deleteResourceServer(deps, r)),
    listResourceServers: admin("ListResourceServers", (r) => listResourceServers(deps, r)),
    addUserPoolClientSecret: admin("AddUserPoolClientSecret", (r) => addUserPoolClientSecret(deps, r)),
    deleteUserPoolClientSecret: admin("DeleteUserPoolClientSecret", (r) => deleteUserPoolClientSecret(deps, r)),
    listUserPoolClientSecrets: admin("ListUserPoolClientSecrets", (r) => listUserPoolClientSecrets(deps, r)),
    createGroup: admin("CreateGroup", (r) => createGroup(deps, r)),
    getGroup: admin("GetGroup", (r) => getGroup(deps, r)),
    updateGroup: admin("UpdateGroup", (r) => updateGroup(deps, r)),
    deleteGroup: admin("DeleteGroup", (r) => deleteGroup(deps, r)),
    listGroups: admin("ListGroups", (r) => listGroups(deps, r)),
    adminAddUserToGroup: admin("AdminAddUserToGroup", (r) => adminAddUserToGroup(deps, r)),
    adminRemoveUserFromGroup: admin("AdminRemoveUserFromGroup", (r) => adminRemoveUserFromGroup(deps, r)),
    adminListGroupsForUser: admin("AdminListGroupsForUser", (r) => adminListGroupsForUser(deps, r)),
    listUsersInGroup: admin("ListUsersInGroup", (r) => listUsersInGroup(deps, r)),
  };
}

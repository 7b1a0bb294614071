import type { AdminCreateUserRequest } from "../../gen/identity/v1/admin_service.js";
import type { PoolRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success } from "../outcome.js";
import { passwordFields } from "../passwords.js";
import { rememberPassword } from "../existence/identity-verifiers.js";
import { resolveSubject } from "../existence/subject.js";
import { userView } from "../user-view.js";
import { userGone } from "./admin-target.js";
import { invitationFailed, sendInvitation } from "./invitation.js";
import type { AdminCreateUserOutcome } from "./admin-create-user.js";
import { indexOf } from "../usernames.js";

/**
 * AdminCreateUser with RESEND (docs/cognito.md §2.13): a new temporary password for a user still in
 * FORCE_CHANGE_PASSWORD, valid for the pool's full validity from now, sent again. Unknown user →
 * user_not_found; any other status → unsupported_user_state. The old temporary password stops working.
 */
export async function resendInvitation(deps: Deps, pool: PoolRecord, request: AdminCreateUserRequest, password: string): Promise<AdminCreateUserOutcome> {
  const { user } = await resolveSubject(deps, pool, request.username);
  if (!user) return userGone();
  const notInvited = () => fail("unsupportedUserState", messages.resendNotPossible(user.username));
  if (user.status !== "FORCE_CHANGE_PASSWORD") return notInvited();
  const fields = passwordFields(deps, pool, user.username, password);
  // The status is checked again inside the compare-and-set: the user may have just changed it.
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => (current.status === "FORCE_CHANGE_PASSWORD" ? { user: { ...current, ...fields }, value: undefined } : undefined), deps.clock(), indexOf(pool));
  if (!updated) return notInvited();
  if (!updated.ok) return userGone();
  await rememberPassword(deps, pool, updated.user, password);
  if (!(await sendInvitation(deps, pool, updated.user, password, request))) return invitationFailed();
  return success(userView(updated.user));
}

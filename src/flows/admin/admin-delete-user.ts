import type { AdminDeleteUserRequest, AdminDeleteUserResponse } from "../../gen/identity/v1/admin_service.js";
import type { CodePurpose } from "../../store/codes.js";
import type { Deps } from "../deps.js";
import { success, type Outcome } from "../outcome.js";
import { indexOf } from "../usernames.js";
import { isTarget, loadTarget, targetProblem, userGone } from "./admin-target.js";

const CODE_PURPOSES: readonly CodePurpose[] = ["sign-up", "forgot-password"];

export type AdminDeleteUserOutcome = Outcome<AdminDeleteUserResponse>;

/**
 * AdminDeleteUser (docs/cognito.md §2.16): the user, the index keys that point at it and its sign-ins, in one
 * script, so its tokens stop working at once and its username and aliases are free for reuse
 * ("A username can be reused, but only after you delete it").
 */
export async function adminDeleteUser(deps: Deps, request: AdminDeleteUserRequest): Promise<AdminDeleteUserOutcome> {
  const problem = targetProblem(request);
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const { pool, user } = target;
  // A concurrent delete may win: the loser reports the user as gone, like a later call would.
  if (!(await deps.stores.users.delete(pool.id, user, indexOf(pool)))) return userGone();
  // Codes are keyed by username: a user created later under the same name must not inherit them.
  await Promise.all([...CODE_PURPOSES.map((purpose) => deps.stores.codes.discard(pool.id, purpose, user.username)), deps.stores.identityVerifiers.forget(pool.id, user.username)]);
  await deps.stores.groups.forgetUser(pool.id, user.sub);
  return success({});
}

import type { AdminConfirmSignUpRequest, AdminConfirmSignUpResponse } from "../../gen/identity/v1/admin_service.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, success, type Outcome } from "../outcome.js";
import { postConfirmation } from "../post-confirmation.js";
import { firstProblem, stringMap } from "../validation.js";
import { isTarget, loadTarget, targetProblem, userGone } from "./admin-target.js";
import { indexOf } from "../usernames.js";

export type AdminConfirmSignUpOutcome = Outcome<AdminConfirmSignUpResponse>;

/**
 * AdminConfirmSignUp (docs/cognito.md §2.19): UNCONFIRMED → CONFIRMED without verifying any attribute ("there
 * might not be a verified email or phone number"); the outstanding sign-up code is dropped. An admin
 * operation takes no client, so unknown users are user_not_found and other states are told (U13).
 * PostConfirmation_ConfirmSignUp runs before the change is written: its error changes nothing.
 */
export async function adminConfirmSignUp(deps: Deps, request: AdminConfirmSignUpRequest): Promise<AdminConfirmSignUpOutcome> {
  const problem = firstProblem(targetProblem(request), stringMap("client_metadata", request.clientMetadata));
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const { pool, user } = target;
  if (user.status !== "UNCONFIRMED") return fail("notAuthorized", messages.cannotConfirm(user.status));
  const rejected = await postConfirmation(deps, pool, { ...user, status: "CONFIRMED" }, { source: "PostConfirmation_ConfirmSignUp", clientMetadata: request.clientMetadata });
  if (rejected) return rejected;
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => (current.status === "UNCONFIRMED" ? { user: { ...current, status: "CONFIRMED" as const }, value: undefined } : undefined), deps.clock(), indexOf(pool));
  // Confirmed by a parallel call in between: answered as the later call would be.
  if (!updated) return fail("notAuthorized", messages.alreadyConfirmedCannotConfirm);
  if (!updated.ok) return userGone();
  await deps.stores.codes.discard(pool.id, "sign-up", user.username);
  return success({});
}

import type { PoolRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import type { InvalidParameter } from "../outcome.js";
import { isTarget, loadTarget, targetProblem, userGone, type TargetFailure } from "./admin-target.js";
import { indexOf } from "../usernames.js";

export type SetEnabledResult = { readonly $case: "done"; readonly pool: PoolRecord; readonly username: string } | TargetFailure | InvalidParameter;

/** Stores the user's enabled flag (AdminDisableUser / AdminEnableUser); setting it twice is no error. */
export async function setEnabled(deps: Deps, request: { userPoolId: string; username: string }, enabled: boolean): Promise<SetEnabledResult> {
  const problem = targetProblem(request);
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const { pool, user } = target;
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => (current.enabled === enabled ? undefined : { user: { ...current, enabled }, value: undefined }), deps.clock(), indexOf(pool));
  if (updated && !updated.ok) return userGone();
  return { $case: "done", pool, username: user.username };
}

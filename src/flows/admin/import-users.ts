import type { ImportUsersRequest, ImportUsersResponse } from "../../gen/identity/v1/admin_service.js";
import type { ImportUserOutcome, ImportUserRecord } from "../../gen/identity/v1/common.js";
import type { PoolRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { newUserRecord, storeNewUser } from "../new-user.js";
import { invalidParameter, isFailure, success, type Outcome } from "../outcome.js";
import { userView } from "../user-view.js";
import { firstProblem, poolId, username } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { adminAttributesProblem, verifiedWithoutValue } from "./attribute-rules.js";

export type ImportUsersOutcome = Outcome<ImportUsersResponse>;

/** Rows per call: a call stays short (one store round trip per row), larger imports take several. */
export const MAX_IMPORT_ROWS = 500;

/**
 * ImportUsers (Cognito's CSV import, docs/cognito.md §1.4): each row becomes a user without a password, in
 * RESET_REQUIRED, with its attributes and verified flags as given; the user sets a password through
 * ForgotPassword. Rows are judged one by one, in order: a bad row is refused with its reason and
 * the others are kept (a repeated username is refused on its second row).
 */
export async function importUsers(deps: Deps, request: ImportUsersRequest): Promise<ImportUsersOutcome> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), rowCountProblem(request.users.length));
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const outcomes: ImportUserOutcome[] = [];
  for (const [index, row] of request.users.entries()) outcomes.push({ index, username: row.username, result: await importRow(deps, pool, row) });
  const imported = outcomes.filter((o) => o.result?.$case === "imported").length;
  return success({ outcomes, importedCount: imported, refusedCount: outcomes.length - imported });
}

function rowCountProblem(rows: number) {
  if (rows === 0) return invalidParameter("users", "1 validation error detected: Value at 'users' failed to satisfy constraint: Member must not be null");
  if (rows > MAX_IMPORT_ROWS) return invalidParameter("users", `at most ${MAX_IMPORT_ROWS} users per call`);
  return undefined;
}

async function importRow(deps: Deps, pool: PoolRecord, row: ImportUserRecord): Promise<ImportUserOutcome["result"]> {
  const refused = (message: string) => ({ $case: "refused" as const, value: message });
  const problem = firstProblem(username("username", row.username), adminAttributesProblem("attributes", row.attributes));
  if (problem) return refused(problem.value.message);
  const user = newUserRecord(deps, pool, { username: row.username, attributes: row.attributes, status: "RESET_REQUIRED", password: undefined, mayVerify: true });
  if (isFailure(user)) return refused(user.value.message);
  const unvouched = verifiedWithoutValue("attributes", user.attributes);
  if (unvouched) return refused(unvouched.value.message);
  // No force: an import never takes a verified alias away from an existing user.
  const conflict = await storeNewUser(deps, pool, user, false);
  if (conflict) return refused(conflict.value.message);
  return { $case: "imported", value: userView(user) };
}

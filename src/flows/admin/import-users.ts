import type { ImportUsersRequest, ImportUsersResponse } from "../../gen/identity/v1/admin_service.js";
import type { ImportUserOutcome, ImportUserRecord } from "../../gen/identity/v1/common.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { newUserRecord, storeNewUsers } from "../new-user.js";
import { claimsFor } from "../usernames.js";
import { invalidParameter, isFailure, success, type Outcome } from "../outcome.js";
import { userView } from "../user-view.js";
import { firstProblem, poolId, username } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { adminAttributesProblem, verifiedWithoutValue } from "./attribute-rules.js";

export type ImportUsersOutcome = Outcome<ImportUsersResponse>;

/** Rows per call: a call stays short, larger imports take several. */
export const MAX_IMPORT_ROWS = 500;
/** Users per store script call: about a millisecond of Redis, so other calls wait no longer (docs/storage.md "Import"). */
const STORE_BATCH = 100;

type RowResult = ImportUserOutcome["result"];

/**
 * ImportUsers (Cognito's CSV import, docs/cognito.md §1.4): each row becomes a user without a password, in
 * RESET_REQUIRED, with its attributes and verified flags as given; the user sets a password through
 * ForgotPassword. Rows are judged one by one, in order: a bad row is refused with its reason and
 * the others are kept (a repeated username is refused on its second row).
 *
 * Rows are stored in waves (docs/storage.md "Import"): a row joins the first wave unless an earlier
 * row of the call claims one of its names or aliases, in which case it waits for a later wave — so
 * every answer is the one rows stored one by one, in order, would get. A wave is stored STORE_BATCH
 * users per script call, the calls pipelined: an import without such repeats costs one round trip.
 */
export async function importUsers(deps: Deps, request: ImportUsersRequest): Promise<ImportUsersOutcome> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), rowCountProblem(request.users.length));
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const results: RowResult[] = [];
  let pending: { index: number; user: UserRecord }[] = [];
  for (const [index, row] of request.users.entries()) {
    const judged = judgeRow(deps, pool, row);
    if ("user" in judged) pending.push({ index, user: judged.user });
    else results[index] = judged.refused;
  }
  while (pending.length > 0) {
    const { wave, later } = nextWave(pool, pending);
    const batches = Array.from({ length: Math.ceil(wave.length / STORE_BATCH) }, (_, b) => wave.slice(b * STORE_BATCH, (b + 1) * STORE_BATCH));
    await Promise.all(batches.map(async (batch) => {
      // No force: an import never takes a verified alias away from an existing user.
      const failures = await storeNewUsers(deps, pool, batch.map((row) => row.user), false);
      batch.forEach(({ index, user }, i) => (results[index] = failures[i] ? refused(failures[i].value.message) : { $case: "imported", value: userView(user) }));
    }));
    pending = later;
  }
  const outcomes: ImportUserOutcome[] = request.users.map((row, index) => ({ index, username: row.username, result: results[index] }));
  const imported = outcomes.filter((o) => o.result?.$case === "imported").length;
  return success({ outcomes, importedCount: imported, refusedCount: outcomes.length - imported });
}

function rowCountProblem(rows: number) {
  if (rows === 0) return invalidParameter("users", "1 validation error detected: Value at 'users' failed to satisfy constraint: Member must not be null");
  if (rows > MAX_IMPORT_ROWS) return invalidParameter("users", `at most ${MAX_IMPORT_ROWS} users per call`);
  return undefined;
}

const refused = (message: string) => ({ $case: "refused" as const, value: message });

/** The row's user, or why it is refused before the store is asked. */
function judgeRow(deps: Deps, pool: PoolRecord, row: ImportUserRecord): { user: UserRecord } | { refused: RowResult } {
  const problem = firstProblem(username("username", row.username), adminAttributesProblem("attributes", row.attributes));
  if (problem) return { refused: refused(problem.value.message) };
  const user = newUserRecord(deps, pool, { username: row.username, attributes: row.attributes, status: "RESET_REQUIRED", mayVerify: true });
  if (isFailure(user)) return { refused: refused(user.value.message) };
  const unvouched = verifiedWithoutValue("attributes", user.attributes);
  if (unvouched) return { refused: refused(unvouched.value.message) };
  return { user };
}

/**
 * The rows that can be stored together: those whose claims no earlier waiting row shares. A row
 * that waits keeps its claims reserved, so no later row overtakes it on a claim they share.
 */
function nextWave<T extends { user: UserRecord }>(pool: PoolRecord, rows: readonly T[]): { wave: T[]; later: T[] } {
  const reserved = new Set<string>();
  const wave: T[] = [];
  const later: T[] = [];
  for (const row of rows) {
    const claims = claimsFor(pool, row.user);
    const names = [...claims.names.map((n) => `n:${n}`), ...claims.aliases.map((a) => `a:${a.attribute}:${a.value}`), `u:${row.user.username}`];
    (names.some((n) => reserved.has(n)) ? later : wave).push(row);
    for (const n of names) reserved.add(n);
  }
  return { wave, later };
}

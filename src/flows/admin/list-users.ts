import type { ListUsersRequest, ListUsersResponse } from "../../gen/identity/v1/admin_service.js";
import type { UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { invalidParameter, success, type InvalidParameter, type Outcome } from "../outcome.js";
import { userView } from "../user-view.js";
import { firstProblem, limits, poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { matchesFilter, parseFilter, type UserFilter } from "./list-users-filter.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "./page-token.js";

export type ListUsersOutcome = Outcome<ListUsersResponse>;

/**
 * Users read per store round trip, and at most per call. There is no secondary index on attribute
 * values: a filtered listing reads users in username order and keeps the matches, so one call costs
 * at most SCAN_LIMIT / BATCH round trips (ZRANGEBYLEX + MGET of BATCH records). A call that reaches
 * the limit returns what it found (maybe nothing) and a token to continue: latency stays bounded
 * however large the pool and however rare the matches.
 */
export const BATCH = 100;
export const SCAN_LIMIT = 1_000;

/** ListUsers (docs/cognito.md §2.20): a page of users, optionally filtered, disabled users included. */
export async function listUsers(deps: Deps, request: ListUsersRequest): Promise<ListUsersOutcome> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), attributeNamesProblem(request.attributesToGet));
  if (problem) return problem;
  const parsed = parseFilter(request.filter);
  if (!parsed.ok) return invalidParameter("filter", parsed.message);
  const size = pageSize("limit", request.limit, 60);
  if (typeof size !== "number") return size;
  const after = readPageToken("pagination_token", "users", request.paginationToken);
  if (isRefusal(after)) return after;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const page = await scan(deps, pool.id, parsed.filter, size, after);
  return success({ users: page.users.map((u) => userView(u, request.attributesToGet)), paginationToken: page.continueAfter === undefined ? "" : pageToken("users", page.continueAfter) });
}

function attributeNamesProblem(names: readonly string[]): InvalidParameter | undefined {
  if (names.length > limits.attributes) return invalidParameter("attributes_to_get", `attributes_to_get has more than ${limits.attributes} names`);
  if (names.some((n) => n.length === 0 || n.length > limits.attributeName)) return invalidParameter("attributes_to_get", `attribute names must be 1-${limits.attributeName} characters`);
  return undefined;
}

interface ScanResult {
  readonly users: UserRecord[];
  /** The last username read, when more users may follow. */
  readonly continueAfter: string | undefined;
}

async function scan(deps: Deps, poolIdValue: string, filter: UserFilter | undefined, size: number, after: string | undefined): Promise<ScanResult> {
  const users: UserRecord[] = [];
  let cursor = after;
  let scanned = 0;
  while (scanned < SCAN_LIMIT) {
    const batch = await deps.stores.users.page(poolIdValue, cursor, Math.min(BATCH, SCAN_LIMIT - scanned));
    if (batch.length === 0) return { users, continueAfter: undefined };
    for (const [i, user] of batch.entries()) {
      scanned++;
      cursor = user.username;
      if (matchesFilter(filter, user)) users.push(user);
      if (users.length === size) return { users, continueAfter: i < batch.length - 1 || (await hasUsersAfter(deps, poolIdValue, cursor)) ? cursor : undefined };
    }
  }
  return { users, continueAfter: (await hasUsersAfter(deps, poolIdValue, cursor)) ? cursor : undefined };
}

/** One small look ahead, so the last page carries no token (as in Cognito) rather than leading to an empty page. */
async function hasUsersAfter(deps: Deps, poolIdValue: string, cursor: string | undefined): Promise<boolean> {
  return (await deps.stores.users.page(poolIdValue, cursor, 1)).length > 0;
}

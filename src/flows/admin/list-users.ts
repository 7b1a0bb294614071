import type { ListUsersRequest, ListUsersResponse } from "../../gen/identity/v1/admin_service.js";
import type { UserRecord } from "../../store/records.js";
import type { Deps } from "../deps.js";
import { invalidParameter, success, type InvalidParameter, type Outcome } from "../outcome.js";
import { userView } from "../user-view.js";
import { firstProblem, limits, poolId } from "../validation.js";
import { isPool, loadPool } from "./admin-target.js";
import { matchesFilter, parseFilter, type UserFilter } from "./list-users-filter.js";
import { candidatesFor, type CandidateSource } from "./list-users-sources.js";
import { isRefusal, pageSize, pageToken, readPageToken } from "./page-token.js";

export type ListUsersOutcome = Outcome<ListUsersResponse>;

/**
 * Candidates read per store round trip, and at most per call. A filter with an index reads only
 * users that may match (list-users-sources.ts); one without reads users in username order and
 * keeps the matches. Either way one call reads at most SCAN_LIMIT candidates, BATCH per round trip
 * (a range read + MGET of the records); a call that reaches the limit returns what it found (maybe
 * nothing) and a token to continue: latency stays bounded however large the pool and however rare
 * the matches.
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
  const page = await collect(deps, pool.id, await candidatesFor(deps, pool, parsed.filter), parsed.filter, size, after);
  return success({ users: page.users.map((u) => userView(u, request.attributesToGet)), paginationToken: page.continueAfter === undefined ? "" : pageToken("users", page.continueAfter) });
}

function attributeNamesProblem(names: readonly string[]): InvalidParameter | undefined {
  if (names.length > limits.attributes) return invalidParameter("attributes_to_get", `attributes_to_get has more than ${limits.attributes} names`);
  if (names.some((n) => n.length === 0 || n.length > limits.attributeName)) return invalidParameter("attributes_to_get", `attribute names must be 1-${limits.attributeName} characters`);
  return undefined;
}

interface Page {
  readonly users: UserRecord[];
  /** The position of the last candidate read, when more may follow. */
  readonly continueAfter: string | undefined;
}

async function collect(deps: Deps, poolIdValue: string, source: CandidateSource, filter: UserFilter | undefined, size: number, after: string | undefined): Promise<Page> {
  const users: UserRecord[] = [];
  let cursor = after;
  let read = 0;
  while (read < SCAN_LIMIT) {
    const batch = await source(cursor, Math.min(BATCH, SCAN_LIMIT - read));
    if (batch.length === 0) return { users, continueAfter: undefined };
    const records = new Map((await deps.stores.users.getMany(poolIdValue, batch.map((c) => c.username))).map((u) => [u.username, u]));
    for (const [i, candidate] of batch.entries()) {
      read++;
      cursor = candidate.position;
      const user = records.get(candidate.username);
      if (user && matchesFilter(filter, user)) users.push(user);
      if (users.length === size) return { users, continueAfter: i < batch.length - 1 || (await more(source, cursor)) ? cursor : undefined };
    }
  }
  return { users, continueAfter: (await more(source, cursor)) ? cursor : undefined };
}

/** One small look ahead, so the last page carries no token (as in Cognito) rather than leading to an empty page. */
async function more(source: CandidateSource, cursor: string | undefined): Promise<boolean> {
  return (await source(cursor, 1)).length > 0;
}

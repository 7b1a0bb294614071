import type { ListedAttribute } from "../../store/keys.js";
import type { PoolRecord } from "../../store/records.js";
import type { Listed, UserLookup } from "../../store/users.js";
import type { Deps } from "../deps.js";
import { normalize } from "../usernames.js";
import type { UserFilter } from "./list-users-filter.js";

/**
 * Candidates for a listing, in one fixed order: at most `count` after `after` (a position from an
 * earlier candidate, exclusive). ListUsers keeps the candidates that pass the filter, so a source
 * may offer more than match (never fewer): every answer is the full scan's, only cheaper.
 */
export type CandidateSource = (after: string | undefined, count: number) => Promise<Listed[]>;

/**
 * Where ListUsers finds a filter's users (docs/storage.md "Which filters use an index"): through an
 * index when one holds every possible match, otherwise every user in username order.
 *
 * - username `=` one user key; `^=` the user list's lex range
 * - sub `=` the lookup index (or the user key, where the username is the sub)
 * - email, phone_number `=` the lookup entry that claims the value (username attribute or verified
 *   alias) and the filter index's members for it; `^=` the filter index's range, in pools where the
 *   attribute is neither a username attribute nor an alias (there every value is a filter member)
 * - preferred_username `=` its alias entry in pools where it is an alias
 * - everything else scans: name, given_name, family_name, status, cognito:user_status, sub `^=`
 */
export async function candidatesFor(deps: Deps, pool: PoolRecord, filter: UserFilter | undefined): Promise<CandidateSource> {
  const users = deps.stores.users;
  const everyone: CandidateSource = async (after, count) => (await users.names(pool.id, after, count)).map(byName);
  if (!filter) return everyone;
  const { attribute, operator, value } = filter;
  if (attribute === "username") return operator === "=" ? one((await users.get(pool.id, value))?.username) : async (after, count) => (await users.names(pool.id, after, count, value)).map(byName);
  if (attribute === "sub" && operator === "=") return one(await holder(deps, pool, { kind: "sub", value }));
  if (attribute === "preferred_username" && operator === "=" && pool.aliasAttributes.includes("preferred_username")) return one(await holder(deps, pool, { kind: "alias", attribute, value: normalize(pool, value) }));
  if ((attribute === "email" || attribute === "phone_number") && (await users.filterIndexComplete(pool.id))) {
    const claimedBy = pool.usernameAttributes.includes(attribute) ? "name" : pool.aliasAttributes.includes(attribute) ? "alias" : undefined;
    if (operator === "=") return exactValue(deps, pool, attribute, normalize(pool, value), claimedBy);
    if (!claimedBy) return (after, count) => users.listed(pool.id, attribute, normalize(pool, value), after, count);
  }
  return everyone;
}

const byName = (username: string): Listed => ({ username, position: username });

/** At most one candidate: the user a lookup resolved to. */
function one(username: string | undefined): CandidateSource {
  return async (after) => (username === undefined || (after !== undefined && Buffer.compare(Buffer.from(username), Buffer.from(after)) <= 0) ? [] : [byName(username)]);
}

async function holder(deps: Deps, pool: PoolRecord, lookup: UserLookup): Promise<string | undefined> {
  return (await deps.stores.users.find(pool.id, [lookup]))?.username;
}

/**
 * Users with one exact (normalised) value, in username order: the filter index's members for it,
 * merged with the one user a lookup entry gives it to (username attribute or verified alias).
 */
async function exactValue(deps: Deps, pool: PoolRecord, attribute: ListedAttribute, value: string, claimedBy: "name" | "alias" | undefined): Promise<CandidateSource> {
  const claimant = claimedBy === undefined ? undefined : await holder(deps, pool, claimedBy === "name" ? { kind: "name", value } : { kind: "alias", attribute, value });
  const whole = `${value}\u0000`;
  return async (after, count) => {
    const listed = (await deps.stores.users.listed(pool.id, attribute, whole, after === undefined ? undefined : whole + after, count)).map((l) => byName(l.username));
    const extra = (await one(claimant)(after, 1)).filter((c) => listed.length < count || Buffer.compare(Buffer.from(c.username), Buffer.from(listed[listed.length - 1]!.username)) < 0);
    return [...listed, ...extra].sort((a, b) => Buffer.compare(Buffer.from(a.username), Buffer.from(b.username))).slice(0, count);
  };
}

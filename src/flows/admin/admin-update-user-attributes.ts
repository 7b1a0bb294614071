import type { AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse } from "../../gen/identity/v1/admin_service.js";
import type { AttributeType } from "../../gen/identity/v1/common.js";
import type { PoolRecord, UserRecord } from "../../store/records.js";
import type { Claim } from "../../store/user-index.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, success, type Failure, type InvalidParameter, type Outcome } from "../outcome.js";
import { indexOf, normalize } from "../usernames.js";
import { firstProblem, limits, stringMap } from "../validation.js";
import { isTarget, loadTarget, targetProblem, userGone } from "./admin-target.js";
import { adminAttributesProblem, verifiedWithoutValue } from "./attribute-rules.js";

export type AdminUpdateUserAttributesOutcome = Outcome<AdminUpdateUserAttributesResponse>;

/**
 * AdminUpdateUserAttributes: adds or replaces attributes. A changed email or phone_number is no
 * longer verified unless the request sets its flag too. Index entries move in the same atomic write
 * (the store derives them from both versions): verified aliases, in username-attribute pools the
 * sign-in name itself, and filter listings; a value another user holds → alias_exists and nothing changes.
 */
export async function adminUpdateUserAttributes(deps: Deps, request: AdminUpdateUserAttributesRequest): Promise<AdminUpdateUserAttributesOutcome> {
  const problem = firstProblem(
    targetProblem(request),
    request.userAttributes.length === 0 ? invalidParameter("user_attributes", "1 validation error detected: Value at 'userAttributes' failed to satisfy constraint: Member must not be null") : undefined,
    adminAttributesProblem("user_attributes", request.userAttributes),
    stringMap("client_metadata", request.clientMetadata),
  );
  if (problem) return problem;
  const target = await loadTarget(deps, request.userPoolId, request.username);
  if (!isTarget(target)) return target;
  const { pool, user } = target;
  // What the last compare-and-set attempt decided, read after the store call returns.
  const last: { refused?: InvalidParameter | undefined; next?: UserRecord } = {};
  const updated = await deps.stores.users.update(pool.id, user.username, (current) => {
    const next = { ...current, attributes: mergeAttributes(current.attributes, request.userAttributes) };
    last.refused = mergedProblem(next.attributes);
    if (last.refused) return undefined;
    last.next = next;
    return { user: next, value: undefined };
  }, deps.clock(), indexOf(pool));
  if (last.refused) return last.refused;
  if (updated && !updated.ok) return updated.reason === "gone" || !last.next ? userGone() : takenClaim(pool, last.next, updated.claim);
  return success({});
}

/** The request's values over the stored ones; a changed contact loses its verification (docs/cognito.md §1.4). */
function mergeAttributes(current: Readonly<Record<string, string>>, changes: readonly AttributeType[]): Record<string, string> {
  const given = new Map(changes.map(({ name, value }) => [name, value]));
  const next: Record<string, string> = { ...current, ...Object.fromEntries(given) };
  for (const attribute of ["email", "phone_number"]) {
    const flag = `${attribute}_verified`;
    if (given.has(attribute) && given.get(attribute) !== current[attribute] && !given.has(flag)) next[flag] = "false";
  }
  return next;
}

function mergedProblem(attributes: Readonly<Record<string, string>>): InvalidParameter | undefined {
  // The limit counts the stored attributes too: many small updates must not grow a user without bound.
  if (Object.keys(attributes).length > limits.attributes) return invalidParameter("user_attributes", `a user has at most ${limits.attributes} attributes`);
  return verifiedWithoutValue("user_attributes", attributes);
}

/** Names the attribute whose value another user holds: a sign-in name (username pools) or a verified alias. */
function takenClaim(pool: PoolRecord, next: UserRecord, claim: Claim): Failure<"aliasExists"> {
  if (claim.kind === "alias") return fail("aliasExists", messages.aliasExists(claim.attribute));
  const attribute = pool.usernameAttributes.find((a) => next.attributes[a] !== undefined && normalize(pool, next.attributes[a]) === claim.value) ?? "email";
  return fail("aliasExists", messages.usernameAttributeExists(attribute));
}

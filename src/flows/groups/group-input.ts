import type { Group } from "../../gen/identity/v1/groups.js";
import type { GroupRecord } from "../../store/groups.js";
import { isPool, loadPool } from "../admin/admin-target.js";
import type { Deps } from "../deps.js";
import { messages } from "../messages.js";
import { fail, invalidParameter, type Failure, type InvalidParameter } from "../outcome.js";
import { firstProblem, maxLength, pattern, poolId, required } from "../validation.js";

/** Cognito's GroupNameType, DescriptionType, ArnType and PrecedenceType. */
const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const ROLE_ARN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
export const MAX_GROUPS_PER_POOL = 10_000;
export const MAX_GROUPS_PER_USER = 100;

export function groupNameProblem(field: string, name: string): InvalidParameter | undefined {
  return required(field, name, 128) ?? pattern(field, name, GROUP_NAME, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
}

/** Description, role ARN and precedence of a create or update request. */
export function groupDetailsProblem(details: { description?: string | undefined; roleArn?: string | undefined; precedence?: number | undefined }): InvalidParameter | undefined {
  const { description, roleArn, precedence } = details;
  return firstProblem(
    description === undefined ? undefined : maxLength("description", description, 2048),
    roleArn === undefined || roleArn === "" ? undefined : maxLength("role_arn", roleArn, 2048) ?? (roleArn.length < 20 || !ROLE_ARN.test(roleArn) ? invalidParameter("role_arn", "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?") : undefined),
    precedence === undefined || (Number.isInteger(precedence) && precedence >= 0) ? undefined : invalidParameter("precedence", "1 validation error detected: Value at 'precedence' failed to satisfy constraint: Member must have value greater than or equal to 0"),
  );
}

export function groupView(poolId: string, group: GroupRecord): Group {
  return {
    groupName: group.name,
    userPoolId: poolId,
    description: group.description,
    roleArn: group.roleArn,
    precedence: group.precedence,
    creationDate: new Date(group.createdAt),
    lastModifiedDate: new Date(group.updatedAt),
  };
}

export interface LoadedGroup {
  readonly poolId: string;
  readonly group: GroupRecord;
}

/** The pool and group a request names (both checked first), or the arm that says why not. */
export async function loadGroup(deps: Deps, request: { userPoolId: string; groupName: string }): Promise<LoadedGroup | InvalidParameter | Failure<"resourceNotFound">> {
  const problem = firstProblem(poolId("user_pool_id", request.userPoolId), groupNameProblem("group_name", request.groupName));
  if (problem) return problem;
  const pool = await loadPool(deps, request.userPoolId);
  if (!isPool(pool)) return pool;
  const group = await deps.stores.groups.get(pool.id, request.groupName);
  return group ? { poolId: pool.id, group } : fail("resourceNotFound", messages.groupNotFound);
}

export function isGroup(value: LoadedGroup | InvalidParameter | Failure): value is LoadedGroup {
  return "group" in value;
}

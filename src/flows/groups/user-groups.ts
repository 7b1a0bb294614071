import type { GroupRecord } from "../../store/groups.js";
import type { Deps } from "../deps.js";
import type { GroupClaims } from "../tokens/claims.js";

/**
 * A user's groups as their tokens carry them: `cognito:groups` ordered by precedence (lowest first;
 * groups without one last, then by name), the role ARNs in the same order, and the preferred role:
 * that of the first group with a role (Cognito's groups guide).
 */
export async function groupClaimsOf(deps: Deps, poolId: string, sub: string): Promise<GroupClaims> {
  const groups = [...(await deps.stores.groups.groupsOf(poolId, sub))].sort(byPrecedence);
  const roles = [...new Set(groups.map((g) => g.roleArn).filter((r) => r !== ""))];
  return { groups: groups.map((g) => g.name), roles, preferredRole: groups.find((g) => g.roleArn !== "")?.roleArn };
}

function byPrecedence(a: GroupRecord, b: GroupRecord): number {
  const pa = a.precedence ?? Number.MAX_SAFE_INTEGER;
  const pb = b.precedence ?? Number.MAX_SAFE_INTEGER;
  return pa !== pb ? pa - pb : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

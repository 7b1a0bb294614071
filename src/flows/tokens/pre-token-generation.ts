// PreTokenGeneration (V1, docs/cognito.md §5.12): the pool's hook sees the user just before tokens are signed and
// may add, override or suppress id-token claims and replace the groups in both tokens.
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import {
  triggerEvent,
  userAttributesFor,
  type ClaimsOverrideDetails,
  type GroupOverrideDetails,
  type PreTokenGenerationTriggerSource,
  type StringMap,
  type TriggerError,
} from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import { groupClaimsOf } from "../groups/user-groups.js";
import { NO_CUSTOMIZATION, NO_GROUPS, type ClaimCustomization, type GroupClaims } from "./claims.js";

/** Why tokens are being made, and the ClientMetadata the operation forwards to triggers (if any). */
export interface TokenTrigger {
  readonly source: PreTokenGenerationTriggerSource;
  /** Only RespondToAuthChallenge forwards its ClientMetadata here; InitiateAuth's does not (§5.1). */
  readonly clientMetadata?: StringMap;
}

export type Customization = { readonly ok: true; readonly customization: ClaimCustomization } | { readonly ok: false; readonly error: TriggerError };

/**
 * The user's groups, then the pool's PreTokenGeneration hook (when one is configured), which sees
 * them in groupConfiguration and may replace them with groupOverrideDetails.
 */
export async function tokenCustomization(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord, trigger: TokenTrigger): Promise<Customization> {
  const groups = await groupClaimsOf(deps, pool.id, user.sub);
  const triggers = deps.triggers.triggersFor(pool.id);
  if (!triggers.has("PreTokenGeneration")) return { ok: true, customization: { ...NO_CUSTOMIZATION, groups } };
  const event = triggerEvent(
    "PreTokenGeneration",
    { triggerSource: trigger.source, userPoolId: pool.id, userName: user.username, clientId: client.clientId },
    {
      userAttributes: userAttributesFor(user, pool.aliasAttributes),
      groupConfiguration: groupConfiguration(groups),
      ...(trigger.clientMetadata ? { clientMetadata: trigger.clientMetadata } : {}),
    },
  );
  const outcome = await triggers.invoke("PreTokenGeneration", event);
  if (!outcome.ok) return outcome;
  const customization = customizationFrom(outcome.event.response.claimsOverrideDetails);
  return { ok: true, customization: { ...customization, groups: customization.groups ?? groups } };
}

/** The hook's answer as a customization; a missing claimsOverrideDetails changes nothing. */
export function customizationFrom(details: ClaimsOverrideDetails | null | undefined): ClaimCustomization {
  if (!details) return NO_CUSTOMIZATION;
  return {
    addOrOverride: details.claimsToAddOrOverride ?? {},
    suppress: details.claimsToSuppress ?? [],
    groups: groupsFrom(details.groupOverrideDetails),
  };
}

/** Absent: groups unchanged. null or an empty object: no groups (§5.12). Otherwise the given ones. */
function groupsFrom(details: GroupOverrideDetails | null | undefined): GroupClaims | undefined {
  if (details === undefined) return undefined;
  if (details === null) return NO_GROUPS;
  return {
    groups: details.groupsToOverride ?? [],
    roles: details.iamRolesToOverride ?? [],
    preferredRole: details.preferredRole ? details.preferredRole : undefined,
  };
}

function groupConfiguration(groups: GroupClaims) {
  return { groupsToOverride: [...groups.groups], iamRolesToOverride: [...groups.roles], preferredRole: groups.preferredRole ?? null };
}

// PreTokenGeneration for machine-to-machine tokens: Cognito's version 3 event with triggerSource
// TokenGeneration_ClientCredentials (Cognito's pre token generation guide). The hook sees the scopes
// about to be granted and may add or suppress claims and scopes of the access token.
import type { ClientRecord, PoolRecord } from "../../store/records.js";
import type { ClientCredentialsTriggerEvent, StringMap, TriggerError } from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import type { ClientTokenCustomization } from "./client-token.js";
import { SCOPE_PATTERN } from "../admin/oauth-settings.js";
import { regionOfPool, UNKNOWN_SDK_VERSION } from "../../triggers/event-builder.js";

export type ClientTokenOutcome = { readonly ok: true; readonly customization: ClientTokenCustomization } | { readonly ok: false; readonly error: TriggerError };

/** Runs the pool's PreTokenGeneration hook for a client-credentials grant (a no-op when none). */
export async function clientTokenCustomization(deps: Deps, pool: PoolRecord, client: ClientRecord, scopes: readonly string[], clientMetadata: StringMap | undefined): Promise<ClientTokenOutcome> {
  const unchanged = { scopes, addOrOverride: {}, suppress: [] };
  const triggers = deps.triggers.triggersFor(pool.id);
  if (!triggers.has("PreTokenGeneration")) return { ok: true, customization: unchanged };
  const event: ClientCredentialsTriggerEvent = {
    version: "3",
    triggerSource: "TokenGeneration_ClientCredentials",
    region: regionOfPool(pool.id),
    userPoolId: pool.id,
    // No user: Cognito's M2M events name the client here [INFERRED].
    userName: client.clientId,
    callerContext: { awsSdkVersion: UNKNOWN_SDK_VERSION, clientId: client.clientId },
    request: {
      userAttributes: {},
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes: [...scopes],
      ...(clientMetadata && Object.keys(clientMetadata).length > 0 ? { clientMetadata } : {}),
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
  const outcome = await triggers.invoke("PreTokenGeneration", event);
  if (!outcome.ok) return outcome;
  const access = outcome.event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration;
  if (!access) return { ok: true, customization: unchanged };
  // Suppress wins over add, for scopes as for claims (Cognito's guide).
  const suppressed = new Set(access.scopesToSuppress ?? []);
  const added = (access.scopesToAdd ?? []).filter((s) => SCOPE_PATTERN.test(s));
  return {
    ok: true,
    customization: {
      scopes: [...new Set([...scopes, ...added])].filter((s) => !suppressed.has(s)),
      addOrOverride: access.claimsToAddOrOverride ?? {},
      suppress: access.claimsToSuppress ?? [],
    },
  };
}

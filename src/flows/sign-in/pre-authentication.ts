// PreAuthentication (docs/cognito.md §5.5): runs at the start of every sign-in (USER_PASSWORD_AUTH,
// ADMIN_USER_PASSWORD_AUTH, USER_SRP_AUTH, CUSTOM_AUTH), once the name is resolved and before any
// password, proof or challenge — a rejecting hook wins over a wrong password (§2.6 observed). Not on
// refresh ("Renewal of an existing authentication session also doesn't activate this trigger").
//
// Unknown names: under ENABLED and STRICT the hook runs for them too, with userNotFound: true,
// userName = the name sent and userAttributes {} (§5.5 recommends `{}`), so the unknown path makes
// the same call as the known one; under LEGACY the caller answers user_not_found and no hook runs.
// Cognito sets userNotFound only when the client hides unknown users (§5.5), and so do we.
import type { UserRecord } from "../../store/records.js";
import { triggerEvent, userAttributesFor, type StringMap, type TriggerError } from "../../triggers/index.js";
import type { ClientContext } from "../client-context.js";
import type { Deps } from "../deps.js";
import { policyOf } from "../existence/policy.js";

/**
 * The hook's error, or undefined when it accepted (or none is configured, or LEGACY met an unknown
 * name). `validationData` is the request's ClientMetadata (§5.1, §5.5). The response is ignored.
 */
export async function preAuthentication(deps: Deps, { pool, client }: ClientContext, user: UserRecord | undefined, sentName: string, validationData: StringMap): Promise<TriggerError | undefined> {
  const triggers = deps.triggers.triggersFor(pool.id);
  const policy = policyOf(client);
  if (!triggers.has("PreAuthentication") || (!user && policy.revealsUnknownUsers)) return undefined;
  const event = triggerEvent(
    "PreAuthentication",
    { triggerSource: "PreAuthentication_Authentication", userPoolId: pool.id, userName: user?.username ?? sentName, clientId: client.clientId },
    {
      userAttributes: user ? userAttributesFor(user, pool.aliasAttributes) : {},
      validationData,
      ...(policy.tellsHooksUserNotFound ? { userNotFound: user === undefined } : {}),
    },
  );
  const outcome = await triggers.invoke("PreAuthentication", event);
  return outcome.ok ? undefined : outcome.error;
}

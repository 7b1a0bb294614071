// PostAuthentication (docs/cognito.md §5.6): runs once a user has signed in, before the tokens are handed out.
// Cognito ignores its response; an error from it is the operation's answer and no tokens are issued.
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/records.js";
import { triggerEvent, userAttributesFor, type StringMap, type TriggerError } from "../../triggers/index.js";
import type { Deps } from "../deps.js";

/** The hook's error, or undefined when it accepted (or none is configured). */
export async function postAuthentication(deps: Deps, pool: PoolRecord, client: ClientRecord, user: UserRecord, clientMetadata: StringMap | undefined): Promise<TriggerError | undefined> {
  const triggers = deps.triggers.triggersFor(pool.id);
  if (!triggers.has("PostAuthentication")) return undefined;
  const event = triggerEvent(
    "PostAuthentication",
    { triggerSource: "PostAuthentication_Authentication", userPoolId: pool.id, userName: user.username, clientId: client.clientId },
    // newDeviceUsed is sent only with remembered devices, which this service does not have (§5.6).
    { userAttributes: userAttributesFor(user, pool.aliasAttributes), ...(clientMetadata ? { clientMetadata } : {}) },
  );
  const outcome = await triggers.invoke("PostAuthentication", event);
  return outcome.ok ? undefined : outcome.error;
}

// PostConfirmation (docs/cognito.md §5.4): runs when a user becomes confirmed — ConfirmSignUp, AdminConfirmSignUp,
// an auto-confirmed SignUp (PostConfirmation_ConfirmSignUp) — and on every successful
// ConfirmForgotPassword (PostConfirmation_ConfirmForgotPassword, §2.5). Cognito ignores its response.
//
// "A failed trigger changes nothing": every caller runs the hook after all its checks have passed
// (the code is right, the alias is free or forced, the name is not taken) and before it writes
// anything — no code used up, no status, password or alias changed, no user created. The hook sees
// the user as the operation is about to make them (`cognito:user_status` CONFIRMED). On its error
// the operation answers that error (Cognito passes it to the client, §5.13) and the user may retry
// with the same code. The price: when the write then loses a race (a parallel call with the same
// code confirmed first), the hook has run for a confirmation this call did not make — hooks must
// be idempotent anyway, as Cognito retries a Lambda that does not answer in time (§5.1).
import type { PoolRecord, UserRecord } from "../store/records.js";
import { triggerEvent, userAttributesFor, type PostConfirmationTriggerSource, type StringMap, type TriggerError } from "../triggers/index.js";
import { NO_CLIENT_ID } from "./delivery/custom-message.js";
import type { Deps } from "./deps.js";

export interface Confirmation {
  readonly source: PostConfirmationTriggerSource;
  /** The app client of the request; absent for admin operations (callerContext "CLIENT_ID_NOT_APPLICABLE"). */
  readonly clientId?: string;
  /** The operation's ClientMetadata, forwarded as clientMetadata (§5.4). */
  readonly clientMetadata: StringMap;
}

/** The hook's error, or undefined when it accepted (or none is configured). `confirmed`: the user as about to be stored. */
export async function postConfirmation(deps: Deps, pool: PoolRecord, confirmed: UserRecord, how: Confirmation): Promise<TriggerError | undefined> {
  const triggers = deps.triggers.triggersFor(pool.id);
  if (!triggers.has("PostConfirmation")) return undefined;
  const event = triggerEvent(
    "PostConfirmation",
    { triggerSource: how.source, userPoolId: pool.id, userName: confirmed.username, clientId: how.clientId ?? NO_CLIENT_ID },
    { userAttributes: userAttributesFor(confirmed, pool.aliasAttributes), clientMetadata: how.clientMetadata },
  );
  const outcome = await triggers.invoke("PostConfirmation", event);
  return outcome.ok ? undefined : outcome.error;
}

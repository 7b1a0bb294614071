// CustomMessage (docs/cognito.md §5.11): before a code goes out, the pool's hook may write the message. It sees
// placeholders, never the code: "{####}" for the code and "{username}" for the username (invitations
// only); they are filled in here, after the hook, right before the sender gets the message.
import type { PoolRecord, UserRecord } from "../../store/records.js";
import {
  triggerEvent,
  userAttributesFor,
  type CustomMessageResponse,
  type CustomMessageTriggerEvent,
  type CustomMessageTriggerSource,
  type StringMap,
} from "../../triggers/index.js";
import type { Deps } from "../deps.js";
import type { CodeMessage, DeliveryEvent } from "./code-sender.js";

export const CODE_PARAMETER = "{####}";
export const USERNAME_PARAMETER = "{username}";

/** callerContext.clientId of operations without an app client (admin operations), as Cognito sends it [OBS]. */
export const NO_CLIENT_ID = "CLIENT_ID_NOT_APPLICABLE";

/** The operation behind a delivery, as the hook sees it. */
export interface DeliveryOrigin {
  /** The app client of the request (callerContext.clientId); NO_CLIENT_ID when absent. */
  readonly clientId?: string;
  /** The operation's ClientMetadata, forwarded to the hook. */
  readonly clientMetadata?: StringMap;
}

/** AdminResetUserPassword sends a recovery code: Cognito's ForgotPassword source [INFERRED]. */
const SOURCES: Record<DeliveryEvent, CustomMessageTriggerSource> = {
  SignUp: "CustomMessage_SignUp",
  ResendCode: "CustomMessage_ResendCode",
  ForgotPassword: "CustomMessage_ForgotPassword",
  AdminResetUserPassword: "CustomMessage_ForgotPassword",
  AdminCreateUser: "CustomMessage_AdminCreateUser",
  UpdateUserAttribute: "CustomMessage_UpdateUserAttribute",
  VerifyUserAttribute: "CustomMessage_VerifyUserAttribute",
};

export type Shaped = { readonly ok: true; readonly message: CodeMessage } | { readonly ok: false; readonly reason: string };

/**
 * The message as the pool's hook writes it; the message unchanged when no hook is configured. A
 * failed hook, or a text without the placeholders it must carry, is reported and the caller sends
 * the default text.
 */
export async function shapeMessage(deps: Deps, message: CodeMessage, origin: DeliveryOrigin): Promise<Shaped> {
  const triggers = deps.triggers.triggersFor(message.poolId);
  if (!triggers.has("CustomMessage")) return { ok: true, message };
  const [pool, user] = await Promise.all([deps.stores.pools.get(message.poolId), deps.stores.users.get(message.poolId, message.username)]);
  const outcome = await triggers.invoke("CustomMessage", customMessageEvent(message, origin, pool, user));
  if (!outcome.ok) return { ok: false, reason: outcome.error.value.message };
  return applyResponse(message, outcome.event.response);
}

function customMessageEvent(message: CodeMessage, origin: DeliveryOrigin, pool: PoolRecord | undefined, user: UserRecord | undefined): CustomMessageTriggerEvent {
  const invitation = message.event === "AdminCreateUser";
  return triggerEvent(
    "CustomMessage",
    { triggerSource: SOURCES[message.event], userPoolId: message.poolId, userName: message.username, clientId: origin.clientId ?? NO_CLIENT_ID },
    {
      userAttributes: user ? userAttributesFor(user, pool?.aliasAttributes ?? []) : {},
      codeParameter: CODE_PARAMETER,
      // §5.11: usernameParameter only for admin-created users, null otherwise.
      usernameParameter: invitation ? USERNAME_PARAMETER : null,
      ...(origin.clientMetadata ? { clientMetadata: origin.clientMetadata } : {}),
    },
  );
}

/**
 * Picks the text for the message's medium. A text must contain the code placeholder (and an
 * invitation the username placeholder too, as Cognito's invitation templates must) — otherwise the
 * user would get a message without their code. Fields the hook left null keep the default.
 */
export function applyResponse(message: CodeMessage, response: CustomMessageResponse): Shaped {
  const body = message.medium === "EMAIL" ? response.emailMessage : response.smsMessage;
  const subject = message.medium === "EMAIL" ? response.emailSubject : undefined;
  if (body === null || body === undefined) return { ok: true, message: withTexts(message, undefined, subject) };
  const required = message.event === "AdminCreateUser" ? [CODE_PARAMETER, USERNAME_PARAMETER] : [CODE_PARAMETER];
  const absent = required.filter((placeholder) => !body.includes(placeholder));
  if (absent.length > 0) return { ok: false, reason: `the message does not contain ${absent.join(" and ")}` };
  return { ok: true, message: withTexts(message, body, subject) };
}

function withTexts(message: CodeMessage, body: string | undefined, subject: string | null | undefined): CodeMessage {
  const fill = (text: string) => text.replaceAll(CODE_PARAMETER, message.code).replaceAll(USERNAME_PARAMETER, message.username);
  return {
    ...message,
    ...(body !== undefined ? { body: fill(body) } : {}),
    ...(subject ? { subject: fill(subject) } : {}),
  };
}

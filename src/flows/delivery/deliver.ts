import { DeliveryMedium, type CodeDeliveryDetails } from "../../gen/identity/v1/common.js";
import type { Deps } from "../deps.js";
import type { CodeMessage } from "./code-sender.js";
import { shapeMessage, type DeliveryOrigin } from "./custom-message.js";
import type { Destination } from "./destinations.js";
import { maskDestination } from "./mask.js";

export type { DeliveryOrigin } from "./custom-message.js";

/**
 * Sends after the response is decided and off the request's path, so a real user's request is not
 * slower than a simulated one — the CustomMessage hook runs here too (docs/cognito.md §5.11, §7).
 * A failed hook's delivery goes out with the default text; a failed send is retried, then recorded
 * (pending-deliveries.ts). Logs never carry the code or the message text.
 */
export function deliverLater(deps: Deps, message: CodeMessage, origin: DeliveryOrigin = {}): void {
  deps.deliveries.start({ message, prepare: () => prepare(deps, message, origin), send: (shaped) => deps.sender.send(shaped) });
}

/**
 * deliverLater's twin for a simulated delivery: the same tracked job, started the same way on the
 * request's path, whose send is the sender's rehearsal (the same sealing and a store write of the
 * same shape, delivering nothing). Without it the enumeration-timing bench measured real deliveries'
 * answers about 40 µs slower, and the work after them would be a tell of its own (docs/existence.md §2).
 * No hook runs: CustomMessage is for messages that go out.
 */
export function rehearseLater(deps: Deps, message: CodeMessage): void {
  deps.deliveries.start({ message, prepare: () => Promise.resolve(message), send: (shaped) => deps.sender.rehearse?.(shaped) ?? Promise.resolve() });
}

/**
 * Sends before answering, for messages whose operation reports a failed delivery and has no user to
 * hide (AdminCreateUser's invitation: no existence question, the administrator named the user).
 * One try; false when the sender failed, which is logged, never with the code.
 */
export async function deliverNow(deps: Deps, message: CodeMessage, origin: DeliveryOrigin = {}): Promise<boolean> {
  try {
    await deps.sender.send(await prepare(deps, message, origin));
    return true;
  } catch (error) {
    deps.log.error({ poolId: message.poolId, event: message.event, err: String(error) }, "code delivery failed");
    return false;
  }
}

async function prepare(deps: Deps, message: CodeMessage, origin: DeliveryOrigin): Promise<CodeMessage> {
  // Reading the user for the hook may fail too: the code still goes out, with the default text.
  const shaped = await shapeMessage(deps, message, origin).catch((error: unknown) => ({ ok: false as const, reason: String(error) }));
  if (!shaped.ok) {
    deps.log.warn({ poolId: message.poolId, event: message.event, trigger: "CustomMessage", reason: shaped.reason }, "custom message not used; default text sent");
  }
  return shaped.ok ? shaped.message : message;
}

/** What the client is told about a delivery: always masked. */
export function deliveryDetails(destination: Destination): CodeDeliveryDetails {
  return {
    destination: maskDestination(destination.attribute, destination.value),
    deliveryMedium: destination.medium === "EMAIL" ? DeliveryMedium.DELIVERY_MEDIUM_EMAIL : DeliveryMedium.DELIVERY_MEDIUM_SMS,
    attributeName: destination.attribute,
  };
}

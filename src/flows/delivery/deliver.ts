import { DeliveryMedium, type CodeDeliveryDetails } from "../../gen/identity/v1/common.js";
import type { Deps } from "../deps.js";
import type { CodeMessage } from "./code-sender.js";
import type { Destination } from "./destinations.js";
import { maskDestination } from "./mask.js";

/**
 * Sends after the response is decided and off the request's path, so a real user's request is not
 * slower than a simulated one. A failed send is logged (without the code) and not retried here.
 */
export function deliverLater(deps: Deps, message: CodeMessage): void {
  setImmediate(() => {
    deps.sender.send(message).catch((error: unknown) => {
      deps.log.error({ poolId: message.poolId, event: message.event, err: String(error) }, "code delivery failed");
    });
  });
}

/** What the client is told about a delivery: always masked. */
export function deliveryDetails(destination: Destination): CodeDeliveryDetails {
  return {
    destination: maskDestination(destination.attribute, destination.value),
    deliveryMedium: destination.medium === "EMAIL" ? DeliveryMedium.DELIVERY_MEDIUM_EMAIL : DeliveryMedium.DELIVERY_MEDIUM_SMS,
    attributeName: destination.attribute,
  };
}

import type { DeliveryFailure, DeliveryFailureRecorder } from "../flows/delivery/pending-deliveries.js";
import { keys } from "./keys.js";
import type { RedisClient } from "./redis.js";

/**
 * Deliveries the sender never took, per pool, in a capped stream an operator (or a job that asks the
 * user to request a new code) reads. No code or message text is kept: only who, what and why.
 */
export class DeliveryFailureStore implements DeliveryFailureRecorder {
  constructor(
    private readonly redis: RedisClient,
    private readonly maxLength = 10_000,
  ) {}

  async record(failure: DeliveryFailure): Promise<void> {
    const fields = [
      "event", failure.event, "username", failure.username, "medium", failure.medium, "destination", failure.destination,
      "attempts", String(failure.attempts), "reason", failure.reason, "at", String(failure.at),
    ];
    await this.redis.xadd(keys.deliveryFailures(failure.poolId), "MAXLEN", "~", this.maxLength, "*", ...fields);
  }
}

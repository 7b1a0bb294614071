import type { CodeMessage, CodeSender } from "../flows/delivery/code-sender.js";
import { keys } from "../store/keys.js";
import type { RedisClient } from "../store/redis.js";

/** Appends each message to the pool's outbox stream, which a notification service consumes. */
export class RedisStreamSender implements CodeSender {
  constructor(
    private readonly redis: RedisClient,
    private readonly maxLength = 100_000,
  ) {}

  async send(message: CodeMessage): Promise<void> {
    const fields = [
      "event", message.event, "username", message.username, "attribute", message.attribute,
      "medium", message.medium, "destination", message.destination, "code", message.code,
      ...(message.subject !== undefined ? ["subject", message.subject] : []),
      ...(message.body !== undefined ? ["body", message.body] : []),
    ];
    await this.redis.xadd(keys.outbox(message.poolId), "MAXLEN", "~", this.maxLength, "*", ...fields);
  }
}

import { maskDestination } from "../flows/delivery/mask.js";
import type { CodeMessage, CodeSender } from "../flows/delivery/code-sender.js";
import type { Logger } from "../flows/logger.js";

/** Writes one structured line per message with the masked destination; the code only in dev mode. */
export class LogSender implements CodeSender {
  constructor(
    private readonly log: Logger,
    private readonly showCodes: boolean,
  ) {}

  async send(message: CodeMessage): Promise<void> {
    this.log.info({
      delivery: message.event,
      poolId: message.poolId,
      username: message.username,
      medium: message.medium,
      destination: maskDestination(message.attribute, message.destination),
      ...(this.showCodes ? { devCode: message.code } : {}),
    }, "code delivery");
  }
}

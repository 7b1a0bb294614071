import type { CodeMessage, CodeSender } from "../flows/delivery/code-sender.js";
import { keys } from "../store/keys.js";
import type { RedisClient } from "../store/redis.js";
import { outboxKeyId, sealOutboxSecret } from "./outbox-seal.js";

/** The longest lifetime of a code (sign-up codes: 24 h, docs/cognito.md §6.3): entries never outlive it. */
export const LONGEST_CODE_LIFETIME_MS = 24 * 3_600_000;

/**
 * Appends each message to the pool's outbox stream, which a notification service consumes. The code
 * (and any CustomMessage text quoting it) is sealed under the outbox key (outbox-seal.ts); routing
 * fields stay readable. The stream is trimmed by length and by age in the same round trip.
 */
export class RedisStreamSender implements CodeSender {
  private readonly keyId: string;
  private readonly maxAgeMs: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly outboxKey: Buffer,
    options: { maxLength?: number | undefined; maxAgeMs?: number | undefined; now?: (() => number) | undefined } = {},
  ) {
    this.keyId = outboxKeyId(outboxKey);
    this.maxLength = options.maxLength ?? 100_000;
    this.maxAgeMs = Math.min(options.maxAgeMs ?? LONGEST_CODE_LIFETIME_MS, LONGEST_CODE_LIFETIME_MS);
    this.now = options.now ?? Date.now;
  }

  private readonly maxLength: number;
  /** Wall time, as Redis stamps entry ids with it (not the flows' injected clock). */
  private readonly now: () => number;

  send(message: CodeMessage): Promise<void> {
    return this.append(keys.outbox(message.poolId), this.maxLength, message);
  }

  /**
   * The same sealing and the same MULTI (XADD, XTRIM) as send, into a stream nobody reads that keeps
   * one node's worth of entries: the after-work of a simulated delivery (docs/existence.md §2).
   */
  rehearse(message: CodeMessage): Promise<void> {
    return this.append(keys.outboxRehearsal(message.poolId), 1, message);
  }

  private async append(stream: string, maxLength: number, message: CodeMessage): Promise<void> {
    const routing = { pool: message.poolId, event: message.event, username: message.username, destination: message.destination };
    const secret = { code: message.code, ...(message.subject !== undefined ? { subject: message.subject } : {}), ...(message.body !== undefined ? { body: message.body } : {}) };
    const fields = [
      "event", message.event, "pool", message.poolId, "username", message.username, "attribute", message.attribute,
      "medium", message.medium, "destination", message.destination, "kid", this.keyId, "sealed", sealOutboxSecret(this.outboxKey, routing, secret),
    ];
    await this.redis.multi()
      .xadd(stream, "MAXLEN", "~", maxLength, "*", ...fields)
      // Exact, not "~": no entry may outlive the age bound (approximate trimming keeps whole blocks).
      .xtrim(stream, "MINID", String(Math.max(0, this.now() - this.maxAgeMs)))
      .exec();
  }
}

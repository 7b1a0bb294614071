// Deliveries leave after the response (deliver.ts), so the process must not forget them: every
// delivery is tracked from the moment the response promises it until the sender has it. A failed send
// is retried; one that still fails is recorded in the store (DeliveryFailureRecorder) — without the
// code — so an operator can see who did not get their message. At shutdown `flush` hands every pending
// delivery to the sender (retries go at once), and records what it could not.
import { outsideCall } from "../../context/call-deadline.js";
import type { Logger } from "../logger.js";
import type { CodeMessage } from "./code-sender.js";
import { maskDestination } from "./mask.js";

/** What is kept of a delivery that did not reach the sender: never the code or the message text. */
export interface DeliveryFailure {
  readonly poolId: string;
  readonly event: CodeMessage["event"];
  readonly username: string;
  readonly medium: CodeMessage["medium"];
  /** Masked, as the response showed it. */
  readonly destination: string;
  readonly attempts: number;
  readonly reason: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

export interface DeliveryFailureRecorder {
  record(failure: DeliveryFailure): Promise<void>;
}

export interface DeliveryJob {
  readonly message: CodeMessage;
  /** The message as it goes out (the CustomMessage hook runs here); never rejects. */
  prepare(): Promise<CodeMessage>;
  send(message: CodeMessage): Promise<void>;
}

export interface PendingDeliveriesOptions {
  readonly log: Logger;
  readonly recorder: DeliveryFailureRecorder;
  readonly clock?: (() => number) | undefined;
  /** Pauses before each retry; one attempt more than pauses. */
  readonly retryDelaysMs?: readonly number[] | undefined;
  /** How long after its answer a delivery's work starts (START_DELAY_MS by default). */
  readonly startDelayMs?: number | undefined;
}

/**
 * A delivery's work (sealing, the store write) starts this long after the request that promised it:
 * well after the answer has left, never beside it. Work started a millisecond after the answer (a
 * plain timer) still delayed that answer's last frame, the gRPC trailers, by about 40 µs in the
 * enumeration-timing bench — and only real deliveries have an answer to delay (docs/existence.md §2).
 * Started later, the work falls on whatever request is in flight then, of either kind alike.
 */
export const START_DELAY_MS = 20;

interface Tracked {
  readonly job: DeliveryJob;
  attempts: number;
}

export class PendingDeliveries {
  private readonly inFlight = new Map<Promise<void>, Tracked>();
  private readonly retryDelaysMs: readonly number[];
  private readonly startDelayMs: number;
  private readonly clock: () => number;
  /** Resolves when shutdown starts: pending retry pauses end at once. */
  private hurry!: () => void;
  private readonly hurried = new Promise<void>((resolve) => (this.hurry = resolve));

  constructor(private readonly options: PendingDeliveriesOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [250, 1_000, 4_000];
    this.startDelayMs = options.startDelayMs ?? START_DELAY_MS;
    this.clock = options.clock ?? Date.now;
  }

  /** How many deliveries have not reached the sender (or the failure record) yet. */
  get pending(): number {
    return this.inFlight.size;
  }

  /**
   * Starts a delivery off the request's path. It runs outside the call's deadline: the response is
   * already decided, and the delivery keeps its own limits (retries, the hook's time box).
   */
  start(job: DeliveryJob): void {
    const tracked: Tracked = { job, attempts: 0 };
    const done: Promise<void> = outsideCall(() => this.run(tracked)).finally(() => this.inFlight.delete(done));
    this.inFlight.set(done, tracked);
  }

  /**
   * Waits until every pending delivery has reached the sender or the failure record, at most
   * `timeoutMs`; what is still pending then is recorded as lost. Resolves to the number recorded so.
   */
  async flush(timeoutMs: number): Promise<number> {
    this.hurry();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"expired">((resolve) => (timer = setTimeout(() => resolve("expired"), timeoutMs)));
    const settled = Promise.all(this.inFlight.keys()).then(() => "settled" as const);
    const result = await Promise.race([settled, expired]);
    clearTimeout(timer);
    if (result === "settled") return 0;
    const stuck = [...this.inFlight.values()];
    await Promise.race([Promise.all(stuck.map((t) => this.recordFailure(t, "not handed to the sender before shutdown"))), new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    return stuck.length;
  }

  private async run(tracked: Tracked): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.startDelayMs));
    const message = await tracked.job.prepare();
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await this.pause(this.retryDelaysMs[attempt - 1] ?? 0);
      tracked.attempts = attempt + 1;
      try {
        await tracked.job.send(message);
        return;
      } catch (error) {
        lastError = error;
        this.options.log.warn({ poolId: message.poolId, event: message.event, attempt: tracked.attempts, err: String(error) }, "code delivery failed; retrying");
      }
    }
    await this.recordFailure(tracked, String(lastError));
  }

  private pause(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), this.hurried]).finally(() => clearTimeout(timer));
  }

  private async recordFailure(tracked: Tracked, reason: string): Promise<void> {
    const { message } = tracked.job;
    const failure: DeliveryFailure = {
      poolId: message.poolId, event: message.event, username: message.username, medium: message.medium,
      destination: maskDestination(message.attribute, message.destination), attempts: tracked.attempts, reason: reason.slice(0, 300), at: this.clock(),
    };
    try {
      await this.options.recorder.record(failure);
      this.options.log.error({ poolId: failure.poolId, event: failure.event, attempts: failure.attempts, reason: failure.reason }, "code delivery failed; recorded in the delivery failures stream");
    } catch (error) {
      // Neither the sender nor the store took it: the log is all that is left.
      this.options.log.error({ poolId: failure.poolId, event: failure.event, attempts: failure.attempts, reason: failure.reason, recordError: String(error) }, "code delivery lost: neither sent nor recorded");
    }
  }
}

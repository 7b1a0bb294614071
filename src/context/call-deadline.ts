// The caller's deadline, carried from the gRPC call to every store and trigger call made on its
// behalf (AsyncLocalStorage), so the work of a call never outlives the caller's patience: each store
// command and each hook gets the time that remains, and a call out of time stops with an
// infrastructure error (UNAVAILABLE / DEADLINE_EXCEEDED), never with a domain answer it did not reach.
import { AsyncLocalStorage } from "node:async_hooks";

interface CallBudget {
  /** Absolute, on the Date.now() scale. */
  readonly deadline: number;
  /**
   * Rejects when the deadline passes: one timer per call, made at its first store command and
   * shared by all of them (a timer per command cost more than the race itself).
   */
  expiry?: Promise<never>;
  timer?: NodeJS.Timeout;
}

const current = new AsyncLocalStorage<CallBudget>();

/**
 * Runs `work` (and everything it starts) under a deadline (Date.now() scale; Infinity: none). The
 * call's timer ends with the promise `work` returns; what the call started and left running
 * (nothing should) is then bounded by the store client's own command timeout.
 */
export function withCallDeadline<T>(deadline: number, work: () => Promise<T>): Promise<T> {
  const budget: CallBudget = { deadline };
  return current.run(budget, work).finally(() => clearTimeout(budget.timer));
}

/** Runs `work` outside any call: work that outlives the response (deliveries) keeps its own limits. */
export function outsideCall<T>(work: () => T): T {
  return current.exit(work);
}

/** The deadline of the call this code runs for; Infinity outside a call or for a call without one. */
export function callDeadline(): number {
  return current.getStore()?.deadline ?? Infinity;
}

/** The call ran out of time before this step could finish (DEADLINE_EXCEEDED). */
export class CallDeadlineExceeded extends Error {
  override readonly name = "CallDeadlineExceeded";
  readonly code = "CALL_DEADLINE_EXCEEDED";
}

/** The store did not answer within the time the call had left (UNAVAILABLE: retryable). */
export class StoreDeadlineExceeded extends Error {
  override readonly name = "StoreDeadlineExceeded";
  readonly code = "STORE_DEADLINE_EXCEEDED";
}

/**
 * `promise`, or a rejection with `error()` once the call's deadline passes, whichever comes first.
 * Outside a call (or without a deadline) it is `promise` itself.
 */
export function withinCallDeadline<T>(promise: Promise<T>, error: () => Error): Promise<T> {
  const budget = current.getStore();
  if (budget === undefined || budget.deadline === Infinity) return promise;
  const remaining = budget.deadline - Date.now();
  promise.catch(() => undefined);
  if (remaining <= 0) return Promise.reject(error());
  budget.expiry ??= expiryOf(budget, remaining);
  return Promise.race([promise, budget.expiry.catch(() => Promise.reject(error()))]);
}

function expiryOf(budget: CallBudget, remaining: number): Promise<never> {
  const expiry = new Promise<never>((_, reject) => {
    budget.timer = setTimeout(() => reject(new CallDeadlineExceeded("the call's deadline passed")), remaining);
  });
  expiry.catch(() => undefined);
  return expiry;
}

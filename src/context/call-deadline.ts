// The caller's deadline, carried from the gRPC call to every store and trigger call made on its
// behalf (AsyncLocalStorage), so the work of a call never outlives the caller's patience: each store
// command and each hook gets the time that remains, and a call out of time stops with an
// infrastructure error (UNAVAILABLE / DEADLINE_EXCEEDED), never with a domain answer it did not reach.
import { AsyncLocalStorage } from "node:async_hooks";

interface CallBudget {
  /** Absolute, on the Date.now() scale. */
  readonly deadline: number;
}

const current = new AsyncLocalStorage<CallBudget>();

/** Runs `work` (and everything it starts) under a deadline (Date.now() scale; Infinity: none). */
export function withCallDeadline<T>(deadline: number, work: () => T): T {
  return current.run({ deadline }, work);
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
  const deadline = callDeadline();
  if (deadline === Infinity) return promise;
  const remaining = deadline - Date.now();
  if (remaining <= 0) {
    promise.catch(() => undefined);
    return Promise.reject(error());
  }
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), remaining);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
